"""``%hasura status``: where commands go, whether a token is set (never its value), versions."""

from __future__ import annotations

import argparse
import platform
from importlib.metadata import PackageNotFoundError, version

from hasura_cloud_magic.display import Fields
from hasura_cloud_magic.magics.session import Session


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def run(session: Session, args: argparse.Namespace) -> Fields:
    settings = session.settings()
    emulator = session.emulator
    prefs = session.preferences
    return Fields(
        "Hasura Cloud magic",
        [
            ("endpoint", settings.shown_endpoint),
            ("token", session.token_source()),
            *([("next", session.no_token_hint())] if not settings.token else []),
            *([("warning", exposure)] if (exposure := settings.token_exposure()) else []),
            ("emulator", f"running at {emulator.endpoint}" if emulator else "not running"),
            ("timeout", f"{settings.timeout_seconds:g} s"),
            ("display limit", str(prefs.display_limit)),
            (
                "versions",
                f"hasura-cloud-magic {_version('hasura-cloud-magic')}, "
                f"IPython {_version('ipython')}, httpx {_version('httpx')}, "
                f"Python {platform.python_version()}",
            ),
        ],
    )
