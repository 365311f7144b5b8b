"""Tab completion for ``%hasura``: commands, actions, flags, and cached names and env keys.

Completing never calls the API: project names and env keys come from what earlier commands
saw (:class:`~hasura_cloud_magic.magics.session.CompletionCache`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from hasura_cloud_magic.magics.session import CompletionCache
from hasura_cloud_magic.settings import CLOUDS, PLANS

#: ``%hasura`` or ``%%hasura`` starting the line (or ``x = %hasura``), then whitespace.
_MAGIC = re.compile(r"^\s*(?:[\w.]+(?:\s*,\s*[\w.]+)*\s*=\s*)?(%%?)hasura(?=\s)")
FLAG_VALUES = {"--cloud": list(CLOUDS), "--plan": list(PLANS)}
#: Flags whose value is an existing project name, per command.
_NAME_FLAGS = {("projects", "--name"), ("preview", "--name")}
#: Flags that may be given more than once (offered again after use).
_REPEATABLE = {"--env"}
CELL_OPTIONS = ["--var", "--variables", "--operation"]


@cache
def _tree() -> dict[str, dict[str, list[str]]]:
    from hasura_cloud_magic.magics.parsing import (
        command_tree,  # on the first completion, not at load
    )

    return command_tree()


def candidates(text_until_cursor: str, names: CompletionCache) -> list[tuple[str, str]]:
    """``(text, type)`` completions for the ``%hasura`` line ending at the cursor."""
    found = _MAGIC.match(text_until_cursor)
    if found is None:
        return []
    rest = text_until_cursor[found.end() :]
    words = rest.split()
    partial = "" if rest.endswith((" ", "\t")) or not words else words.pop()
    if found.group(1) == "%%":
        options: Iterable[tuple[str, str]] = _cell_options(words)
    else:
        options = _options(words, names)
    return [(text, kind) for text, kind in options if text.startswith(partial)]


def _cell_options(words: list[str]) -> list[tuple[str, str]]:
    """``%%hasura`` takes only options, each with a value (which we cannot guess)."""
    if words and words[-1] in CELL_OPTIONS:
        return []
    return [(option, "flag") for option in CELL_OPTIONS if option not in words]


def _options(words: list[str], names: CompletionCache) -> Iterable[tuple[str, str]]:
    tree = _tree()
    if not words:
        return [(command, "command") for command in tree]
    branches = tree.get(words[0], {})
    actions = [a for a in branches if a]
    if actions and len(words) == 1:
        return [(action, "action") for action in actions]
    action = words[1] if actions else ""
    if action not in branches:
        return []
    previous = words[-1]
    if previous in FLAG_VALUES:
        return [(value, "value") for value in FLAG_VALUES[previous]]
    if previous == "--region":  # the regions %hasura regions (or create) has seen
        return [(region, "value") for region in sorted(names.regions)]
    if (words[0], previous) in _NAME_FLAGS:
        return [(name, "project") for name in sorted(names.project_names)]
    flags = [
        (flag, "flag") for flag in branches[action] if flag not in words or flag in _REPEATABLE
    ]
    positional = [w for w in words[1 + bool(action) :] if not w.startswith("-")]
    return flags + list(_positional(words[0], action, positional, names))


def _positional(
    command: str, action: str, given: list[str], names: CompletionCache
) -> Iterable[tuple[str, str]]:
    projects = [(name, "project") for name in sorted(names.project_names)]
    if command in ("project", "rename", "delete") and not given:
        return projects
    if command == "env" and not given:
        return projects
    given_keys = {word.partition("=")[0] for word in given}
    keys = sorted(names.env_keys - given_keys)
    if command == "env" and action == "unset":
        return [(key, "env key") for key in keys]
    if command == "env" and action == "set":
        return [(f"{key}=", "env key") for key in keys]
    if command == "preview" and action == "delete" and not given:
        return projects
    return []


def make_matcher(names: CompletionCache) -> Callable[[Any], dict[str, Any]]:
    """An IPython (>= 8.6) context matcher bound to a session's cache."""
    from IPython.core.completer import SimpleCompletion, context_matcher

    @context_matcher()  # type: ignore[untyped-decorator]
    def hasura_matcher(context: Any) -> dict[str, Any]:
        if not _MAGIC.match(context.text_until_cursor):
            return {"completions": [], "suppress": False}
        found = candidates(context.text_until_cursor, names)
        return {
            "completions": [SimpleCompletion(text, type=kind) for text, kind in found],
            "suppress": True,
        }

    return hasura_matcher  # type: ignore[no-any-return]
