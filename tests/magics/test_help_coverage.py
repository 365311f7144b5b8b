"""The help a user sees covers the whole grammar: a test walks ``command_tree()``.

``%hasura?`` (the magic's docstring) has a line for every command and every action, naming
every flag that command or action takes; ``%hasura help`` lists every command and
``%hasura help COMMAND`` every action; each command's (or action's) help page names every
flag it takes, and help is printed, not returned. A command, action or flag added to the
grammar without its help fails here.
"""

from __future__ import annotations

import re

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic.magics.extension import HasuraMagics
from hasura_cloud_magic.magics.parsing import command_tree


def _entries(doc: str) -> list[str]:
    """One entry per ``%hasura ...`` line, with its indented continuation lines."""
    entries: list[str] = []
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.startswith("%hasura "):
            entries.append(stripped)
        elif entries and stripped.startswith("[") and line.startswith(" " * 12):
            entries[-1] += " " + stripped
    return entries


def _grammar() -> list[tuple[str, str, list[str]]]:
    """(command, action or "", flags) for every leaf of the grammar."""
    leaves = []
    for command, branches in command_tree().items():
        actions = [action for action in branches if action]
        for action in actions or [""]:
            flags = [flag for flag in branches[action] if flag != "--help"]
            leaves.append((command, action, flags))
    return leaves


DOC = HasuraMagics.hasura.__doc__ or ""


@pytest.mark.parametrize(("command", "action", "flags"), _grammar())
def test_the_magic_docstring_shows_every_command_action_and_flag(
    command: str, action: str, flags: list[str]
) -> None:
    head = ["%hasura", command, *([action] if action else [])]
    mine = [entry for entry in _entries(DOC) if entry.split()[: len(head)] == head]
    assert mine, f"no line for {' '.join(head)} in %hasura?"
    shown = set(re.findall(r"--[a-z][a-z-]*", " ".join(mine)))
    assert set(flags) <= shown, f"{' '.join(head)}: {sorted(set(flags) - shown)} not in %hasura?"


def test_the_walk_sees_the_whole_grammar() -> None:
    leaves = {(command, action) for command, action, _ in _grammar()}
    assert {("env", "copy"), ("env", "diff"), ("preview", "wizard"), ("emulator", "stop")} <= leaves
    assert len(leaves) >= 24


def printed(ip: TestingShell, capsys: pytest.CaptureFixture[str], line: str) -> str:
    """Help is printed (the cell has no Out value): what ``line`` printed."""
    capsys.readouterr()
    assert ip.run_cell(line).result is None
    return capsys.readouterr().out


def test_help_lists_every_command_and_every_action(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    overview = printed(ip, capsys, "%hasura help")
    for command, branches in command_tree().items():
        assert re.search(rf"^\s+{command}\s", overview, re.MULTILINE), command
        actions = [action for action in branches if action]
        if actions:
            usage = printed(ip, capsys, f"%hasura help {command}")
            assert all(action in usage for action in actions), (command, usage)


@pytest.mark.parametrize(("command", "action", "flags"), _grammar())
def test_each_help_page_shows_every_flag_of_its_command(
    ip: TestingShell,
    capsys: pytest.CaptureFixture[str],
    command: str,
    action: str,
    flags: list[str],
) -> None:
    page = printed(ip, capsys, f"%hasura help {command} {action}".rstrip())
    shown = set(re.findall(r"--[a-z][a-z-]*", page))
    assert set(flags) <= shown, f"{command} {action}: {sorted(set(flags) - shown)} not in its help"
