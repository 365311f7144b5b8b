"""From a parsed ``%hasura`` line to the command module that runs it (imported on first use)."""

from __future__ import annotations

import importlib

from hasura_cloud_magic.display import Preformatted
from hasura_cloud_magic.parsing import HelpRequested, parse_line
from hasura_cloud_magic.session import Session


def run_line(session: Session, line: str) -> object:
    """Run one ``%hasura`` line; returns what the command returns (shown as Out)."""
    try:
        args = parse_line(line)
    except HelpRequested as usage:
        return Preformatted(usage.text)
    command = importlib.import_module(f"hasura_cloud_magic.commands.{args.command}")
    result: object = command.run(session, args)
    return result
