"""Project (and preview app) names: lowercase letters, digits and hyphens."""

from __future__ import annotations

import re

NAME_PATTERN = re.compile(r"[a-z](?:[a-z0-9-]{0,48}[a-z0-9])?")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a project name, or None."""
    if not name:
        return "a name is required"
    if not NAME_PATTERN.fullmatch(name):
        return (
            "use lowercase letters, digits and hyphens, start with a letter, "
            "end with a letter or digit, at most 50 characters"
        )
    return None
