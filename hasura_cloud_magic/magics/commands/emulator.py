"""``%hasura emulator start|stop|status``: the embedded local Hasura Cloud, in the background."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.display import Fields
from hasura_cloud_magic.errors import ConfigurationError
from hasura_cloud_magic.magics.session import Session


def _start(session: Session, args: argparse.Namespace) -> None:
    if session.emulator is not None:
        session.out.info(f"The emulator is already running at {session.emulator.endpoint}.")
        return
    from hasura_cloud_magic.emulator import DEFAULT_STEP_SECONDS, start

    steps = DEFAULT_STEP_SECONDS if args.step_seconds is None else args.step_seconds
    try:
        emulator = start(db=args.db, step_seconds=steps)
    except ValueError as error:  # a --db that cannot be opened
        raise ConfigurationError(str(error)) from None
    session.use_emulator(emulator)
    session.out.success(
        f"Local Hasura Cloud emulator running at {emulator.endpoint}; "
        "%hasura commands now use it (with its own token)."
    )


def _stop(session: Session) -> None:
    if session.emulator is None:
        session.out.info("The emulator is not running.")
        return
    session.use_emulator(None)
    session.out.success(
        f"Emulator stopped; commands now go to {session.settings().shown_endpoint}."
    )


def run(session: Session, args: argparse.Namespace) -> Fields | None:
    if args.action == "start":
        _start(session, args)
    elif args.action == "stop":
        _stop(session)
    else:
        running = session.emulator
        return Fields(
            "Local Hasura Cloud emulator",
            [("state", f"running at {running.endpoint}" if running else "not running")],
        )
    return None
