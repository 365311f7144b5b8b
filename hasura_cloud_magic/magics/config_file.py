"""Settings from ``[tool.hasura_cloud_magic]`` in the nearest ``pyproject.toml``.

>>> # pyproject.toml
>>> # [tool.hasura_cloud_magic]
>>> # timeout = 60
>>> # display_limit = 20

Keys are ``HasuraMagics`` trait names. A token can never be set here (the file is usually
committed), and neither can where the token goes: ``endpoint`` and ``token_env_var`` come
only from the environment, ``%config`` or ``%hasura login`` — a file found in a parent folder
is not trusted with them. Unknown keys, those two and bad values are reported, one line
each, and skipped.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def _toml() -> Any:
    """The TOML parser, imported only when there is a file to read (keeps %load_ext cheap)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    return tomllib


TABLE = "hasura_cloud_magic"
FORBIDDEN = frozenset({"token", "access_token", "pat", "github_token"})
#: Settings that decide where the token is sent: never taken from a file.
NOT_FROM_FILES = frozenset({"endpoint", "token_env_var"})
#: A key holding one of these words is a secret unless it is an allowed setting
#: (``token_env_var`` names an env var; it holds no token).
SECRET_WORDS = ("token", "secret", "password")


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or its parents (``start`` may be relative)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


@dataclass
class FileSettings:
    """What a pyproject.toml asks for: good settings, and the problems found."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read(start: Path, allowed: set[str]) -> FileSettings:
    """Read the table from the nearest pyproject.toml; keep only keys in ``allowed``."""
    path = find_pyproject(start)
    if path is None:
        return FileSettings()
    try:
        text = path.read_text(encoding="utf-8")
        if TABLE not in text:
            return FileSettings(path)  # nothing for us: not even worth parsing
        document = _toml().loads(text)
    except (OSError, ValueError) as error:  # TOMLDecodeError, UnicodeDecodeError
        return FileSettings(path, problems=[f"{path}: cannot read it ({error})"])
    tool = document.get("tool", {})
    table = tool.get(TABLE, {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        return FileSettings(path, problems=[f"{path}: [tool.{TABLE}] must be a table"])
    found = FileSettings(path)
    for key, value in table.items():
        problem = _problem(path, key, allowed)
        if problem:
            found.problems.append(problem)
        else:
            found.values[key] = value
    return found


def _problem(path: Path, key: str, allowed: set[str]) -> str | None:
    """Why ``key`` is not taken, or None. Never mentions the value."""
    normal = key.lower().replace("-", "_")
    secret_like = any(word in normal for word in SECRET_WORDS) and key not in allowed
    if normal in FORBIDDEN or secret_like:
        return f"{path}: {key} ignored — never put a token in a file"
    if normal in NOT_FROM_FILES:
        return (
            f"{path}: {key} ignored — where the token goes is set only by the environment, "
            "%config or %hasura login"
        )
    if key not in allowed:
        from hasura_cloud_magic.display import did_you_mean  # only when there is a problem

        return f"{path}: unknown setting {key!r}.{did_you_mean(key, allowed)}"
    return None
