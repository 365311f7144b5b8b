"""An IPython shell for tests (cells that fail raise, so tests can assert on them) and helpers."""

from __future__ import annotations

import uuid
from typing import Any

from IPython.core.history import HistoryManager
from IPython.core.interactiveshell import InteractiveShell


class TestingShell(InteractiveShell):
    """``run_cell`` raises the cell's exception (after IPython has shown it)."""

    __test__ = False  # not a test class, despite its name

    def run_cell(self, raw_cell: str, *args: Any, **kwargs: Any) -> Any:
        result = super().run_cell(raw_cell, *args, **kwargs)
        result.raise_error()
        return result


def make_shell() -> TestingShell:
    """The process-wide TestingShell (replacing a plain InteractiveShell singleton if any)."""
    HistoryManager.enabled = False  # no sqlite history file per test run
    if InteractiveShell.initialized() and not isinstance(InteractiveShell.instance(), TestingShell):
        InteractiveShell.clear_instance()
    return TestingShell.instance()  # type: ignore[no-any-return]


#: Shaped like a GitHub token; the emulator's deployment accepts it.
GITHUB_TOKEN = "ghp_" + "T" * 36


def run(ip: TestingShell, source: str) -> Any:
    """Run a cell; return its value (Out), raising if the cell failed."""
    return ip.run_cell(source).result


def unique(prefix: str = "magic") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def preview_args(name: str) -> str:
    return f"--owner my-org --repo my-repo --branch main --directory hasura --name {name}"
