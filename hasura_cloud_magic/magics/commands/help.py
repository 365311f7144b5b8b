"""``%hasura help [COMMAND]``: one line per command, or one command's usage."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.display import Preformatted
from hasura_cloud_magic.magics.parsing import COMMANDS, HelpRequested, parse_line
from hasura_cloud_magic.magics.session import Session

FOOTER = (
    "TARGET is a tenant id, a project id or a project name.\n"
    "Run any GraphQL document with a %%hasura cell. Settings: %config HasuraMagics\n"
    "Details of one command: %hasura help COMMAND  or  %hasura COMMAND --help"
)


def overview() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    return "\n".join(["Usage: %hasura COMMAND [ARGS]", "", *lines, "", FOOTER])


def run(session: Session, args: argparse.Namespace) -> Preformatted:
    if not args.topic:
        return Preformatted(overview())
    try:
        parse_line(" ".join([*args.topic, "--help"]))
    except HelpRequested as usage:
        return Preformatted(usage.text)
    raise AssertionError("--help always raises HelpRequested")
