"""``%hasura emulator start|stop|status|state|dns|user``: the embedded local Hasura Cloud.

``state NAME [--maintenance on|off] [--active yes|no] [--reason R] [--endpoint up|down|hang]``
puts one of the emulator's projects into a state a demo or test needs (maintenance mode,
hibernated, an endpoint that hangs) through the emulator's admin controls, which no token can
reach; without options it shows the state.

``dns FQDN --to PROJECT | --host HOST`` sets the emulated DNS record of a custom domain (what
you would create at your DNS provider); without an option it shows it. ``user EMAIL`` makes a
second emulated user (a teammate) and returns a :class:`~hasura_cloud_magic.HasuraCloud`
acting as them, to accept invitations in a demo: ``ana = %hasura emulator user
ana@example.com``. Their token is never shown. These work only on the embedded emulator.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from hasura_cloud_magic.display import Fields
from hasura_cloud_magic.errors import ConfigurationError, InvalidInputError
from hasura_cloud_magic.magics.session import Session

if TYPE_CHECKING:
    from hasura_cloud_magic.api import HasuraCloud
    from hasura_cloud_magic.emulator import RunningEmulator


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


def _running(session: Session, action: str) -> RunningEmulator:
    if session.emulator is None:
        raise ConfigurationError(
            f"%hasura emulator {action} works on the embedded emulator only: %hasura emulator start"
        )
    return session.emulator


def _dns(session: Session, args: argparse.Namespace) -> Fields:
    admin = _running(session, "dns").admin
    try:
        record: dict[str, Any] | None
        if args.to is not None or args.host is not None:
            record = admin.point_dns(args.fqdn, project=args.to, host=args.host)
        else:
            record = admin.dns(args.fqdn)
    except (LookupError, ValueError) as error:
        raise InvalidInputError(str(error)) from None
    if record is None:
        return Fields(f"Emulated DNS of {args.fqdn}", [("record", "none")])
    return Fields(f"Emulated DNS of {record['fqdn']}", [("CNAME", str(record["target"]))])


def _user(session: Session, args: argparse.Namespace) -> HasuraCloud:
    from hasura_cloud_magic.api import HasuraCloud
    from hasura_cloud_magic.settings import ClientSettings

    emulator = _running(session, "user")
    try:
        token = emulator.admin.add_user(args.email)
    except ValueError as error:  # invalid, or taken: one line, nothing made
        raise InvalidInputError(str(error)) from None
    session.out.success(f"Emulated user {args.email} made; the result acts as them.")
    return HasuraCloud(ClientSettings(endpoint=emulator.endpoint, token=token))


def _state(session: Session, args: argparse.Namespace) -> Fields:
    admin = _running(session, "state").admin
    changes = {
        "maintenance": None if args.maintenance is None else args.maintenance == "on",
        "active": None if args.active is None else args.active == "yes",
        "reason": args.reason,
        "endpoint": args.endpoint,
    }
    try:
        if any(value is not None for value in changes.values()):
            state = admin.set_state(args.name, **changes)
        else:
            state = admin.state(args.name)
    except (LookupError, ValueError) as error:
        raise InvalidInputError(str(error)) from None
    return Fields(f"Emulated project {args.name}", [(k, str(v)) for k, v in state.items()])


def run(session: Session, args: argparse.Namespace) -> Fields | HasuraCloud | None:
    if args.action == "start":
        _start(session, args)
    elif args.action == "stop":
        _stop(session)
    elif args.action == "state":
        return _state(session, args)
    elif args.action == "dns":
        return _dns(session, args)
    elif args.action == "user":
        return _user(session, args)
    else:
        running = session.emulator
        return Fields(
            "Local Hasura Cloud emulator",
            [("state", f"running at {running.endpoint}" if running else "not running")],
        )
    return None
