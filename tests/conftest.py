"""Shared fixtures: a real emulator on a loopback socket, and the facade pointed at it."""

from collections.abc import Iterator

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.settings import ClientSettings


@pytest.fixture(scope="session")
def emulator() -> Iterator[object]:
    """One emulator for the session; preview-app steps complete as soon as they are observed."""
    with start(step_seconds=0) as running:
        yield running


@pytest.fixture
def settings(emulator: object) -> ClientSettings:
    return ClientSettings(endpoint=emulator.endpoint, token=emulator.token)  # type: ignore[attr-defined]


@pytest.fixture
def cloud(settings: ClientSettings) -> Iterator[HasuraCloud]:
    with HasuraCloud(settings) as client:
        yield client
