"""From a parsed ``%hasura`` line to the command module that runs it (imported on first use)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from hasura_cloud_magic.display import Preformatted
from hasura_cloud_magic.parsing import HelpRequested, expand_placeholders, parse_line
from hasura_cloud_magic.session import Session


def run_line(session: Session, line: str, namespace: Mapping[str, object]) -> object:
    """Run one ``%hasura`` line; returns what the command returns (shown as Out)."""
    try:
        args = parse_line(expand_placeholders(line, namespace))
    except HelpRequested as usage:
        return Preformatted(usage.text)
    command = importlib.import_module(f"hasura_cloud_magic.commands.{args.command}")
    result: object = command.run(session, args)
    return result
