"""From a ``%hasura`` line or ``%%hasura`` cell to the command module that runs it.

Command modules are imported on first use, so loading the extension stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from hasura_cloud_magic.display import Preformatted
from hasura_cloud_magic.errors import AuthenticationError, Interrupted
from hasura_cloud_magic.magics.parsing import (
    HelpRequested,
    command_module,
    expand_placeholders,
    parse_line,
    placeholders_in,
    refuse_shell_variables,
)
from hasura_cloud_magic.magics.session import Session

_COMMANDS_PACKAGE = "hasura_cloud_magic.magics.commands"


def run_line(session: Session, line: str, namespace: Mapping[str, object]) -> object:
    """Run one ``%hasura`` line; returns what the command returns (shown as Out).

    Help (``--help``, ``-h``) is printed, not returned: it is not a value to keep in Out.
    A refused token becomes one line naming its source and the fix; Ctrl+C (Interrupt) one
    line saying what keeps running and how to follow it (``session.running``)."""
    refuse_shell_variables(line, namespace)
    try:
        args = parse_line(expand_placeholders(line, namespace))
    except HelpRequested as usage:
        words = line.split()
        if words and words[0] in ("--help", "-h"):  # the whole magic: the same overview
            from hasura_cloud_magic.magics.commands.help import overview

            session.out.show(Preformatted(overview()))
        else:
            session.out.show(Preformatted(usage.text))
        return None
    placed = placeholders_in(line)
    if placed:  # what was filled in is visible, never the values
        names = ", ".join(f"{{{{{name}}}}}" for name in dict.fromkeys(placed))
        session.out.info(f"Filled in {names} from the notebook (values not shown).")
    command = importlib.import_module(f"{_COMMANDS_PACKAGE}.{command_module(args.command)}")
    session.running = None
    try:
        result: object = command.run(session, args)
    except AuthenticationError as refused:
        if args.command == "login":
            raise
        raise session.token_refused() from refused
    except KeyboardInterrupt:
        raise Interrupted(session.interrupted()) from None
    return result


def run_cell(session: Session, line: str, cell: str, namespace: dict[str, Any]) -> object:
    """Run one ``%%hasura`` cell: any GraphQL document (commands/graphql.py)."""
    from hasura_cloud_magic.magics.commands import graphql

    return graphql.run_cell(session, line, cell, namespace)
