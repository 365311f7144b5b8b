"""Asking the person at the keyboard, and knowing when nobody is there.

In a kernel run by nbclient/papermill/nbval, or under pytest, there is no stdin: asking
raises instead of hanging, and callers turn that into a clear one-line refusal.
"""

from __future__ import annotations

from collections.abc import Callable

from hasura_cloud_magic.errors import Cancelled, ConfirmationRequired


class UnavailableInput(Exception):
    """Nobody can answer here (no stdin)."""


def _ask(prompt: str, reader: Callable[[str], str]) -> str:
    from IPython.core.error import StdinNotImplementedError

    try:
        return reader(prompt)
    except (StdinNotImplementedError, EOFError, OSError, RuntimeError) as error:
        raise UnavailableInput(str(error)) from None


def nobody_can_answer() -> bool:
    """A notebook run headless (papermill, nbclient, nbval): its kernel may not read stdin.

    A terminal IPython or a person's notebook can answer; this is about runs nobody watches.
    """
    from IPython import get_ipython

    kernel = getattr(get_ipython(), "kernel", None)
    return kernel is not None and not getattr(kernel, "_allow_stdin", True)


def ask_secret(prompt: str, reader: Callable[[str], str]) -> str:
    """Read a secret with ``reader`` (getpass), or raise UnavailableInput."""
    return _ask(prompt, reader)


def confirm(
    question: str,
    *,
    assume_yes: bool,
    reader: Callable[[str], str] | None = None,
    type_to_confirm: str | None = None,
) -> None:
    """Go on only if ``assume_yes`` or the person types y/yes (or, for what cannot be undone,
    ``type_to_confirm`` itself, as the Cloud dashboard asks); else ConfirmationRequired."""
    if assume_yes:
        return
    prompt = f"{question} Type {type_to_confirm} to confirm: " if type_to_confirm else None
    try:
        answer = _ask(prompt or f"{question} [y/N] ", reader or input)
    except KeyboardInterrupt:  # Ctrl+C at the prompt is a "no"
        raise Cancelled("Cancelled; nothing changed.") from None
    except UnavailableInput:
        raise ConfirmationRequired(
            f"{question} Refused: nobody can confirm in this session; add --yes"
        ) from None
    agreed = (
        answer.strip() == type_to_confirm
        if type_to_confirm
        else answer.strip().lower() in ("y", "yes")
    )
    if not agreed:
        raise Cancelled("Cancelled; nothing changed.")
