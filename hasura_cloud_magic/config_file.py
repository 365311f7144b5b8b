"""Settings from ``[tool.hasura_cloud_magic]`` in the nearest ``pyproject.toml``.

>>> # pyproject.toml
>>> # [tool.hasura_cloud_magic]
>>> # timeout = 60
>>> # display_limit = 20

Keys are ``HasuraMagics`` trait names. A token can never be set here (the file is usually
committed); unknown keys and bad values are reported, one line each, and skipped.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

TABLE = "hasura_cloud_magic"
FORBIDDEN = frozenset({"token", "access_token", "pat", "github_token"})


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or its parents."""
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
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get(TABLE, {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        return FileSettings(path, problems=[f"{path}: cannot read it ({error})"])
    found = FileSettings(path)
    for key, value in table.items():
        if key.lower() in FORBIDDEN:
            found.problems.append(f"{path}: {key} ignored — never put a token in a file")
        elif key not in allowed:
            from hasura_cloud_magic.parsing import suggest

            found.problems.append(f"{path}: unknown setting {key!r}.{suggest(key, allowed)}")
        else:
            found.values[key] = value
    return found
