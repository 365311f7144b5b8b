"""The environment documentation notebooks run in: hermetic, whoever runs them.

The tours always start the embedded emulator, the runbook does when no token is set: what a
first-time reader sees. So that a developer's real token can never turn a test run into calls
against Hasura Cloud, these variables are removed before any kernel starts (kernels inherit them).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

HIDDEN = ("HASURA_CLOUD_ACCESS_TOKEN", "HASURA_CLOUD_ENDPOINT", "GITHUB_TOKEN")


def make_hermetic(environ: MutableMapping[str, str] = os.environ) -> None:
    for name in HIDDEN:
        environ.pop(name, None)
