"""The environment documentation notebooks run in: hermetic, whoever runs them.

The tours always start the embedded emulator, the runbook does when no token is set: what a
first-time reader sees. So that a developer's real token can never turn a test run into calls
against Hasura Cloud, these variables are removed before any kernel starts (kernels inherit them).
Times are shown in the reader's zone; the kernels run in UTC, so outputs read the same
wherever they are checked.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import Any

HIDDEN = ("HASURA_CLOUD_ACCESS_TOKEN", "HASURA_CLOUD_ENDPOINT", "GITHUB_TOKEN")


def make_hermetic(environ: MutableMapping[str, str] = os.environ) -> None:
    for name in HIDDEN:
        environ.pop(name, None)
    environ["TZ"] = "UTC"


def sanitize_json_outputs() -> None:
    """Make nbval mask strings inside JSON outputs (a chart's data) as it masks text.

    nbval applies sanitize.cfg's patterns to string outputs only, and compares a JSON
    output (``application/vnd.vegalite.v5+json``) as it is: the times in a chart's data
    would then differ on every run.
    """
    from nbval.plugin import IPyNbCell

    plain = IPyNbCell.sanitize

    def sanitize(self: IPyNbCell, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: sanitize(self, item) for key, item in value.items()}
        if isinstance(value, list):
            return [sanitize(self, item) for item in value]
        return plain(self, value)

    IPyNbCell.sanitize = sanitize  # type: ignore[method-assign]
