"""An IPython shell for tests: cells that fail raise, so tests can assert on them."""

from __future__ import annotations

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
