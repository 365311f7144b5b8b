"""``GET /healthz``, routed by the ``Host`` header like the real projects' hosts.

A client reaches a project's host by connecting to the emulator and sending ``Host: <fqdn>``
(as ``curl --connect-to`` does). Any host that is not under ``.hasura.app`` is the emulator
itself, which is healthy. The answer for a project comes from ``tenant_state.probe``.

A project whose endpoint ``hang``s gets no answer: the request waits, on the event loop (not a
thread), until the client goes away, the emulator stops or ``HANG_CAP_SECONDS`` pass (then 504).
"""

from __future__ import annotations

import asyncio

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from .store import Store
from .tenant_state import Probe, probe

HEALTHZ_PATH = "/healthz"
HANG_CAP_SECONDS = 60.0


class HangRelease:
    """Ends every hanging ``/healthz`` at once; ``release()`` runs on the serving loop."""

    def __init__(self) -> None:
        self._released = asyncio.Event()  # binds to the loop that first waits on it

    async def wait(self) -> None:
        await self._released.wait()

    def release(self) -> None:
        self._released.set()


def request_host(request: Request) -> str:
    """The Host header without its port or a trailing dot, lower-case."""
    host = request.headers.get("host", "").strip().lower()
    if host.startswith("["):  # an IPv6 literal, [::1]:8080
        return host.partition("]")[0] + "]"
    name, _, port = host.rpartition(":")
    return (name if name and port.isdigit() else host).rstrip(".")


def healthz_route(store: Store, hangs: HangRelease) -> Route:
    def answer(host: str) -> Probe:
        with store.lock:
            return probe(store, host)

    async def healthz(request: Request) -> PlainTextResponse:
        # The store's lock may be held by a GraphQL request: wait for it off the loop.
        found = await run_in_threadpool(answer, request_host(request))
        if found.hang:
            await _hang(request, hangs)
            return PlainTextResponse("endpoint not responding", status_code=504)
        return PlainTextResponse(found.body, status_code=found.status)

    return Route(HEALTHZ_PATH, healthz, methods=["GET"])


async def _hang(request: Request, hangs: HangRelease) -> None:
    waits = [
        asyncio.ensure_future(hangs.wait()),
        asyncio.ensure_future(_disconnected(request)),
    ]
    try:
        await asyncio.wait(waits, timeout=HANG_CAP_SECONDS, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiting in waits:
            waiting.cancel()


async def _disconnected(request: Request) -> None:
    while (await request.receive())["type"] != "http.disconnect":
        pass
