"""The client's retry policy, in one place.

* **Reads** (queries) are retried when the failure is the network's or the server's — a
  connection error, a timeout, HTTP 5xx, an unreadable body, ``GenericServerError`` — with
  bounded exponential backoff and jitter: at most ``attempts`` tries, waits of
  ``base_delay · 2^n`` (capped at ``max_delay``) ± ``jitter``.
* **Mutations** are retried only when the request certainly never left this machine (the
  connection could not be opened). Anything later — a timeout, a reset, a 5xx, a truncated or
  unreadable answer, ``GenericServerError`` — may mean the server applied it, and a retried
  ``createTenant`` or ``createGitHubPreviewApp`` creates a duplicate (the real API has shown
  such a race). So the error says "may or may not have been applied" and how to check.
* Errors the API states clearly (validation, stale hash, not found, bad token) are never
  retried: the same request would fail the same way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from hasura_cloud_magic.errors import (
    ConfigurationError,
    HasuraCloudError,
    ServerError,
    TransportError,
)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently reads are retried."""

    attempts: int = 3
    base_delay: float = 0.2
    max_delay: float = 2.0
    jitter: float = 0.25  # ± this fraction of each delay

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ConfigurationError(f"retry attempts must be >= 1, got {self.attempts}")
        if self.base_delay < 0 or self.max_delay < self.base_delay:
            raise ConfigurationError("retry delays must satisfy 0 <= base_delay <= max_delay")
        if not 0 <= self.jitter < 1:
            raise ConfigurationError(f"retry jitter must be in [0, 1), got {self.jitter}")

    def delay(self, retry_number: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry ``retry_number`` (0 = the first retry)."""
        nominal = min(self.base_delay * 2.0**retry_number, self.max_delay)
        spread = nominal * self.jitter
        offset: float = (rng or random).uniform(-spread, spread)
        return max(0.0, nominal + offset)


DEFAULT_RETRY = RetryPolicy()


def is_retryable(error: HasuraCloudError, *, mutation: bool) -> bool:
    """Whether sending the same request again is safe and may help."""
    if isinstance(error, TransportError):
        return not mutation or not error.may_have_applied
    if isinstance(error, ServerError):
        return not mutation
    return False
