"""From a ``%hasura`` line or ``%%hasura`` cell to the command module that runs it.

Command modules are imported on first use, so loading the extension stays cheap.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from hasura_cloud_magic.display import Preformatted
from hasura_cloud_magic.magics.parsing import (
    HelpRequested,
    command_module,
    expand_placeholders,
    parse_line,
    placeholders_in,
)
from hasura_cloud_magic.magics.session import Session

_COMMANDS_PACKAGE = "hasura_cloud_magic.magics.commands"


def run_line(session: Session, line: str, namespace: Mapping[str, object]) -> object:
    """Run one ``%hasura`` line; returns what the command returns (shown as Out)."""
    try:
        args = parse_line(expand_placeholders(line, namespace))
    except HelpRequested as usage:
        return Preformatted(usage.text)
    placed = placeholders_in(line)
    if placed:  # what was filled in is visible, never the values
        names = ", ".join(f"{{{{{name}}}}}" for name in dict.fromkeys(placed))
        session.out.info(f"Filled in {names} from the notebook (values not shown).")
    command = importlib.import_module(f"{_COMMANDS_PACKAGE}.{command_module(args.command)}")
    result: object = command.run(session, args)
    return result


def run_cell(session: Session, line: str, cell: str, namespace: dict[str, Any]) -> object:
    """Run one ``%%hasura`` cell: any GraphQL document (commands/graphql.py)."""
    from hasura_cloud_magic.magics.commands import graphql

    return graphql.run_cell(session, line, cell, namespace)
