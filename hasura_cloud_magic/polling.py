"""One way to wait for something the API finishes later (a job, an env rollout, a domain).

>>> done = poll(read, settled, timeout=600, gave_up=lambda last, s: WaitTimeout(...))

``read`` makes one request and returns what it saw; ``settled`` says whether that is the end
(and may raise when the end is a failure); ``gave_up`` makes the error raised once
``timeout`` seconds have passed. Between reads it waits ``interval`` seconds, never past the
deadline. ``sleep`` and ``clock`` are parameters so that tests need not wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from hasura_cloud_magic.settings import POLL_INTERVAL_SECONDS

__all__ = ["poll"]

T = TypeVar("T")


def poll(
    read: Callable[[], T],
    settled: Callable[[T], bool],
    *,
    timeout: float,
    gave_up: Callable[[T, float], Exception],
    interval: float = POLL_INTERVAL_SECONDS,
    on_update: Callable[[T], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> T:
    """Read until ``settled``; ``gave_up(last, elapsed)`` is raised after ``timeout`` s."""
    started = clock()
    while True:
        seen = read()
        if on_update is not None:
            on_update(seen)
        if settled(seen):
            return seen
        elapsed = clock() - started
        if elapsed >= timeout:
            raise gave_up(seen, elapsed)
        sleep(min(interval, max(timeout - elapsed, 0.0)))
