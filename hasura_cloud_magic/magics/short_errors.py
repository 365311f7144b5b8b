"""Our errors as one short line that is still a real error (nbval, nbclient, papermill stop).

IPython keeps one custom exception handler per shell; we add ours in front of whatever was
there and put the previous one back on unload. ``verbose()`` true shows the traceback: the
code lines of each frame, never the frames' variables whatever ``%xmode`` says (they hold
tokens, env values and response bodies), and it arms ``%debug`` on purpose.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from hasura_cloud_magic.errors import Cancelled, HasuraCloudError, Interrupted


def short_line(error: BaseException) -> str:
    """``Type: message``; an answer the person gave (no, Ctrl+C) is just its message."""
    if isinstance(error, Cancelled | Interrupted):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _red_in_a_terminal(shell: Any, line: str) -> str:
    """Red, as IPython prints its own errors, in a terminal; plain in a kernel (Jupyter
    colours the error box itself, and saved notebooks keep plain text)."""
    if getattr(shell, "kernel", None) is None and sys.stdout.isatty():
        return f"\x1b[31m{line}\x1b[0m"
    return line


def install(shell: Any, verbose: Callable[[], bool]) -> Callable[[], None]:
    """Register the handler on ``shell``; returns the function that removes it."""
    previous_types: tuple[type[BaseException], ...] = tuple(shell.custom_exceptions)
    previous_handler = shell.CustomTB

    def handler(
        shell: Any,
        etype: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
        tb_offset: int | None = None,
    ) -> list[str]:
        if not issubclass(etype, HasuraCloudError):
            return previous_handler(etype, value, tb, tb_offset=tb_offset)  # type: ignore[no-any-return]
        if verbose():
            stb = traceback.format_exception(etype, value, tb, chain=False)
            sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb  # for %debug
        else:
            stb = [_red_in_a_terminal(shell, short_line(value))]
        shell._showtraceback(etype, value, stb)
        return list(stb)

    shell.set_custom_exc((*previous_types, HasuraCloudError), handler)

    def uninstall() -> None:
        shell.custom_exceptions = previous_types
        shell.CustomTB = previous_handler

    return uninstall
