"""The serving thread: uvicorn (on a private loopback socket) and the fault proxy in one loop."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from .faults import FaultRegistry
from .proxy import FaultProxy

if TYPE_CHECKING:
    import uvicorn
    from starlette.applications import Starlette

_STARTUP_TIMEOUT_SECONDS = 30.0
# The proxy owns client connections and closes its upstream ones itself, so uvicorn must not
# close an idle one under it (a request written at that moment would be lost).
_UPSTREAM_KEEP_ALIVE_SECONDS = 24 * 3600


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket. IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted
    sockets whose proto says TCP, and without it every response waits ~40 ms (Nagle)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


class ServingThread:
    """Runs the app behind the proxy on ``public`` until ``stop()``.

    ``on_stop`` runs on the serving loop as stopping begins, before connections are closed
    (the app uses it to end requests that wait on purpose, such as a hanging ``/healthz``).
    """

    def __init__(
        self,
        app: Starlette,
        public: socket.socket,
        faults: FaultRegistry,
        on_stop: Callable[[], None] | None = None,
    ) -> None:
        import uvicorn

        self.public = public
        self._on_stop = on_stop
        self._private = bind("127.0.0.1", 0)
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_keep_alive=_UPSTREAM_KEEP_ALIVE_SECONDS,
        )
        self._server: uvicorn.Server = uvicorn.Server(config)
        self._proxy = FaultProxy(faults, self._private.getsockname()[:2])
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._proxy_started = False
        self._thread = threading.Thread(target=self._run, name="hasura-cloud-emulator", daemon=True)

    def start(self) -> None:
        """Start serving; returns once both the proxy and uvicorn accept connections."""
        self._thread.start()
        deadline = time.monotonic() + _STARTUP_TIMEOUT_SECONDS
        while not (self._server.started and self._proxy_started):
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    "the emulator's HTTP server did not start; see the log on stderr"
                )
            time.sleep(0.005)

    def stop(self) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            # The loop may have just ended on its own; then there is nothing left to stop.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stop.set)
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join()
        self._private.close()
        self.public.close()

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        serving = asyncio.create_task(self._server.serve(sockets=[self._private]))
        await self._proxy.start(self.public)
        self._proxy_started = True
        stopping = asyncio.create_task(self._stop.wait())
        await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if self._on_stop is not None:
            self._on_stop()
        await self._proxy.close()
        self._server.should_exit = True
        stopping.cancel()
        await serving
