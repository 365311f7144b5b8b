"""Tab completion for ``%hasura``: commands, actions, flags, and cached names and env keys.

Completing never calls the API: project names and env keys come from what earlier commands
saw (:class:`~hasura_cloud_magic.session.CompletionCache`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from hasura_cloud_magic.parsing import command_tree
from hasura_cloud_magic.session import CompletionCache

_MAGIC = re.compile(r"%%?hasura\b")
FLAG_VALUES = {"--cloud": ["aws", "gcp"], "--plan": ["cloud_free", "cloud_payg"]}
_TARGET_FLAGS = {"--name"}


@cache
def _tree() -> dict[str, dict[str, list[str]]]:
    return command_tree()


def candidates(text_until_cursor: str, names: CompletionCache) -> list[tuple[str, str]]:
    """``(text, type)`` completions for the ``%hasura`` line ending at the cursor."""
    found = _MAGIC.search(text_until_cursor)
    if found is None:
        return []
    rest = text_until_cursor[found.end() :]
    words = rest.split()
    partial = "" if rest.endswith((" ", "\t")) or not words else words.pop()
    return [(text, kind) for text, kind in _options(words, names) if text.startswith(partial)]


def _options(words: list[str], names: CompletionCache) -> Iterable[tuple[str, str]]:
    tree = _tree()
    if not words:
        return [(command, "command") for command in tree]
    branches = tree.get(words[0], {})
    actions = [a for a in branches if a]
    if actions and len(words) == 1:
        return [(action, "action") for action in actions]
    action = words[1] if actions and len(words) > 1 else ""
    previous = words[-1]
    if previous in FLAG_VALUES:
        return [(value, "value") for value in FLAG_VALUES[previous]]
    if previous in _TARGET_FLAGS:
        return [(name, "project") for name in sorted(names.project_names)]
    flags = [(flag, "flag") for flag in branches.get(action, [])]
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
    if command == "env" and action == "unset":
        return [(key, "env key") for key in sorted(names.env_keys)]
    if command == "env" and action == "set":
        return [(f"{key}=", "env key") for key in sorted(names.env_keys)]
    if command == "preview" and action == "delete" and not given:
        return projects
    return []


def make_matcher(names: CompletionCache) -> Callable[[Any], dict[str, Any]]:
    """An IPython (>= 8.6) context matcher bound to a session's cache."""
    from IPython.core.completer import SimpleCompletion, context_matcher

    @context_matcher()  # type: ignore[untyped-decorator]
    def hasura_matcher(context: Any) -> dict[str, Any]:
        if not _MAGIC.search(context.text_until_cursor):
            return {"completions": [], "suppress": False}
        found = candidates(context.text_until_cursor, names)
        return {
            "completions": [SimpleCompletion(text, type=kind) for text, kind in found],
            "suppress": True,
        }

    return hasura_matcher  # type: ignore[no-any-return]
