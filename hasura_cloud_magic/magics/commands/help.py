"""``%hasura help [COMMAND [ACTION]]``: one line per command, or one command's usage and
examples; printed (not returned as an Out value)."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.display import Preformatted
from hasura_cloud_magic.magics.parsing import COMMANDS, EXAMPLES, HelpRequested, parse_line
from hasura_cloud_magic.magics.session import Session

FOOTER = (
    "TARGET is a tenant id, a project id or a project name.\n"
    "Run any GraphQL document with a %%hasura cell. Settings: %config HasuraMagics\n"
    "Details of one command: %hasura help COMMAND  or  %hasura COMMAND --help"
)


#: The overview's examples: the emulator-first flow, then one project's env vars.
FIRST_STEPS = ("emulator start", "projects", "env show", "env set")


def overview() -> str:
    width = max(map(len, COMMANDS))
    lines = [f"  {name.ljust(width)}  {text}" for name, text in COMMANDS.items()]
    examples = [f"  {EXAMPLES[key][0]}" for key in FIRST_STEPS]
    return "\n".join(
        ["Usage: %hasura COMMAND [ARGS]", "", *lines, "", "Examples:", *examples, "", FOOTER]
    )


def run(session: Session, args: argparse.Namespace) -> None:
    session.out.show(Preformatted(page(args.topic)))


def page(topic: list[str]) -> str:
    """The overview (no topic), or the help of ``topic`` (``["env", "set"]``)."""
    if not topic:
        return overview()
    try:
        parse_line(" ".join([*topic, "--help"]))
    except HelpRequested as usage:
        return usage.text
    raise AssertionError("--help always raises HelpRequested")
