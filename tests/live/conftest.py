"""The live smoke suite: the real Hasura Cloud, only when asked for.

    export HASURA_CLOUD_ACCESS_TOKEN=<a personal access token>
    HASURA_CLOUD_LIVE=1 python -m pytest tests/live

Everything else is skipped cleanly. The suite creates one project (``hcm-live-<random>``) and
deletes it again; on a free-tier account that takes one of its project slots for a minute.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.settings import ClientSettings


def _live_requested() -> bool:
    return os.environ.get("HASURA_CLOUD_LIVE") == "1" and bool(
        os.environ.get("HASURA_CLOUD_ACCESS_TOKEN")
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="live suite: set HASURA_CLOUD_LIVE=1 and a token to run it")
    for item in items:
        if "tests/live/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.live)
            if not _live_requested():
                item.add_marker(skip)


@pytest.fixture(scope="module")
def live_cloud() -> Iterator[HasuraCloud]:
    with HasuraCloud(ClientSettings.from_env(timeout_seconds=60)) as cloud:
        yield cloud
