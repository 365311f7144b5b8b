"""Personal access tokens: ``Authorization: pat <token>``; each token is one user.

A token given at start is its own user (``owner_id_for(token)``, stable across restarts). A
token added at run time (``StateControls.add_user``) is kept only as its SHA-256, mapped to its
user's id; with ``--db`` those survive a restart.
"""

from __future__ import annotations

import hmac
import threading
import uuid
from collections.abc import Iterable, Mapping

from .accounts import token_digest

# Fixed so a token maps to the same owner id across restarts and databases.
_OWNER_NAMESPACE = uuid.UUID("6f2b8a52-4c1e-5d7a-9e3b-0c8d1f2a4b6e")


def owner_id_for(token: str) -> str:
    return str(uuid.uuid5(_OWNER_NAMESPACE, token))


class TokenRegistry:
    """The tokens the emulator accepts; never printed (its repr hides them). Thread-safe."""

    def __init__(self, tokens: Iterable[str], added: Mapping[str, str] | None = None) -> None:
        self._tokens = tuple(tokens)
        if not self._tokens:
            raise ValueError("at least one access token is required")
        self._lock = threading.Lock()
        self._added: dict[str, str] = dict(added or {})

    def __repr__(self) -> str:
        with self._lock:
            count = len(self._tokens) + len(self._added)
        return f"TokenRegistry(<{count} tokens>)"

    @property
    def primary(self) -> str:
        return self._tokens[0]

    def start_tokens(self) -> tuple[str, ...]:
        return self._tokens

    def add(self, digest: str, user_id: str) -> None:
        """Accept the token whose SHA-256 is ``digest`` as the user ``user_id``."""
        with self._lock:
            self._added[digest] = user_id

    def added_user(self, token: str) -> str | None:
        with self._lock:
            return self._added.get(token_digest(token))

    def owner_for_header(self, authorization: str | None) -> str | None:
        """The user id for a valid ``pat <token>`` header value, else None."""
        scheme, _, token = (authorization or "").strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "pat" or not token:
            return None
        added = self.added_user(token)  # a digest lookup: timing says nothing about tokens
        if added is not None:
            return added
        # Compare every token in constant time, so timing reveals nothing about them.
        known = [hmac.compare_digest(token.encode(), t.encode()) for t in self._tokens]
        return owner_id_for(token) if any(known) else None
