"""What of a person's input, or of a server's message, may be printed in one line.

A word shaped like a token is never repeated (typed in the wrong place, it is still a
secret), and a pasted blob is cut short:

>>> quoted("ghp_" + "a1B2" * 9)
'[secret not shown]'
>>> quoted("shop-prod")
"'shop-prod'"

This module imports nothing of ours.
"""

from __future__ import annotations

import functools
import re

__all__ = ["SECRET_SHOWN_AS", "looks_like_secret", "mask_secrets", "quoted"]

SECRET_SHOWN_AS = "[secret not shown]"


@functools.cache  # compiled when first needed, not when the extension loads
def _shapes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """GitHub tokens by their documented prefixes; runs of token characters; a uuid; a
    kebab-case project name."""
    return (
        re.compile(r"(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]{16,}"),
        re.compile(r"[A-Za-z0-9_\-+/=.~]{32,}"),
        re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"),
        re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+"),
    )


def looks_like_secret(word: str) -> bool:
    """Whether ``word`` has the shape of a token or key: a GitHub token prefix, or 32+
    token characters of 20+ different kinds that are not a uuid or a kebab-case name."""
    github, run_of_token_characters, a_uuid, a_name = _shapes()
    if github.search(word):
        return True
    return any(
        len(set(run)) >= 20 and not (a_uuid.fullmatch(run) or a_name.fullmatch(run))
        for run in run_of_token_characters.findall(word)
    )


def mask_secrets(text: str) -> str:
    """``text`` with every token-shaped run replaced (for messages that quote others)."""
    github, run_of_token_characters, _, _ = _shapes()
    text = github.sub(SECRET_SHOWN_AS, text)
    return run_of_token_characters.sub(
        lambda run: SECRET_SHOWN_AS if looks_like_secret(run.group()) else run.group(), text
    )


def quoted(text: str, limit: int = 60) -> str:
    """``text`` quoted for a one-line message: a token-shaped word is not shown, and the
    rest is cut to ``limit`` characters (a pasted blob must not turn one line into a page)."""
    if looks_like_secret(text):
        return SECRET_SHOWN_AS
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit]) + f"… ({len(text)} characters)"
