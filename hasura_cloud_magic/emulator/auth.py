"""Personal access tokens: ``Authorization: pat <token>``; each token is its own user."""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Iterable

# Fixed so a token maps to the same owner id across restarts and databases.
_OWNER_NAMESPACE = uuid.UUID("6f2b8a52-4c1e-5d7a-9e3b-0c8d1f2a4b6e")


def owner_id_for(token: str) -> str:
    return str(uuid.uuid5(_OWNER_NAMESPACE, token))


class TokenRegistry:
    """The tokens the emulator accepts; never printed (its repr hides them)."""

    def __init__(self, tokens: Iterable[str]) -> None:
        self._tokens = tuple(tokens)
        if not self._tokens:
            raise ValueError("at least one access token is required")

    def __repr__(self) -> str:
        return f"TokenRegistry(<{len(self._tokens)} tokens>)"

    @property
    def primary(self) -> str:
        return self._tokens[0]

    def owner_for_header(self, authorization: str | None) -> str | None:
        """The owner id for a valid ``pat <token>`` header value, else None."""
        scheme, _, token = (authorization or "").strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "pat" or not token:
            return None
        # Compare every token in constant time, so timing reveals nothing about them.
        known = [hmac.compare_digest(token.encode(), t.encode()) for t in self._tokens]
        return owner_id_for(token) if any(known) else None
