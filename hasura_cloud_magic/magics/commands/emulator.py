"""``%hasura emulator start|stop|status|state``: the embedded local Hasura Cloud, in the background.

``state NAME [--maintenance on|off] [--active yes|no] [--reason R] [--endpoint up|down|hang]``
puts one of the emulator's projects into a state a demo or test needs (maintenance mode,
hibernated, an endpoint that hangs) through the emulator's admin controls, which no token can
reach; without options it shows the state. It works only on the embedded emulator.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.display import Fields
from hasura_cloud_magic.errors import ConfigurationError, InvalidInputError
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
    session.emulator_db = args.db
    session.out.success(
        f"Local Hasura Cloud emulator running at {emulator.endpoint}; "
        "%hasura commands now use it (with its own token)."
    )


def _stop(session: Session) -> None:
    if session.emulator is None:
        session.out.info("The emulator is not running.")
        return
    kept = session.emulator_db is not None
    session.use_emulator(None)
    gone = "" if kept else " its projects are gone (start it with --db PATH to keep them);"
    session.out.success(
        f"Emulator stopped;{gone} commands now go to {session.settings().shown_endpoint}."
    )


def _state(session: Session, args: argparse.Namespace) -> Fields:
    if session.emulator is None:
        raise ConfigurationError(
            "%hasura emulator state works on the embedded emulator only: %hasura emulator start"
        )
    changes = {
        "maintenance": None if args.maintenance is None else args.maintenance == "on",
        "active": None if args.active is None else args.active == "yes",
        "reason": args.reason,
        "endpoint": args.endpoint,
    }
    admin = session.emulator.admin
    try:
        if any(value is not None for value in changes.values()):
            state = admin.set_state(args.name, **changes)
        else:
            state = admin.state(args.name)
    except (LookupError, ValueError) as error:
        raise InvalidInputError(str(error)) from None
    return Fields(f"Emulated project {args.name}", [(k, str(v)) for k, v in state.items()])


def run(session: Session, args: argparse.Namespace) -> Fields | None:
    if args.action == "start":
        _start(session, args)
    elif args.action == "stop":
        _stop(session)
    elif args.action == "state":
        return _state(session, args)
    else:
        running = session.emulator
        return Fields(
            "Local Hasura Cloud emulator",
            [("state", f"running at {running.endpoint}" if running else "not running")],
        )
    return None
