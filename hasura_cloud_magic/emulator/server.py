"""Running the emulator: uvicorn on a socket we bind, in a background thread."""

from __future__ import annotations

import logging
import secrets
import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .store import Clock, Store

if TYPE_CHECKING:
    import uvicorn

# Long enough to watch a preview app progress, short enough that it is healthy in ~4 s (8 steps).
DEFAULT_STEP_SECONDS = 0.5
_TOKEN_META_KEY = "access_token"
_STARTUP_TIMEOUT_SECONDS = 30.0

log = logging.getLogger("hasura_cloud_magic.emulator")


class RunningEmulator:
    """A started emulator. ``endpoint`` and ``token`` are what a client needs; ``stop()`` ends it.

    Use it as a context manager to stop it on exit. Its repr never shows the token.
    """

    def __init__(self, endpoint: str, token: str, stop_callback: _Stopper) -> None:
        self.endpoint = endpoint
        self.token = token
        self._stopper = stop_callback

    def __repr__(self) -> str:
        state = "stopped" if self._stopper.stopped else "running"
        return f"RunningEmulator(endpoint={self.endpoint!r}, {state})"

    def stop(self) -> None:
        """Stop serving, release the port and close the database. Safe to call twice."""
        self._stopper.stop()

    def __enter__(self) -> RunningEmulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


class _Stopper:
    def __init__(
        self, server: uvicorn.Server, thread: threading.Thread, sock: socket.socket, store: Store
    ) -> None:
        self._server = server
        self._thread = thread
        self._socket = sock
        self._store = store
        self._lock = threading.Lock()
        self.stopped = False

    def stop(self) -> None:
        with self._lock:
            if self.stopped:
                return
            self.stopped = True
            self._server.should_exit = True
            self._thread.join()
            self._socket.close()
            self._store.close()


def choose_tokens(store: Store, tokens: list[str] | None) -> list[str]:
    """The given tokens; else the one stored in the database; else a new one. Stores the first."""
    with store.transaction():
        if not tokens:
            stored = store.get_meta(_TOKEN_META_KEY)
            tokens = [stored if stored else secrets.token_urlsafe(32)]
        # Kept so a restart on the same database without --token keeps the same user.
        store.set_meta(_TOKEN_META_KEY, tokens[0])
    return tokens


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def start(
    db: str | Path | None = None,
    tokens: list[str] | None = None,
    step_seconds: float = DEFAULT_STEP_SECONDS,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: Clock = time.time,
) -> RunningEmulator:
    """Serve the emulator from a background thread; returns once it accepts requests.

    ``db``: SQLite file to keep state in (default: in memory, gone on stop). ``tokens``: accepted
    personal access tokens, each its own user (default: the one stored in ``db``, else a new
    one). ``step_seconds``: duration of one preview-app step (0: instant). ``port=0``: any free
    port. ``clock``: seconds since the epoch, replaceable to drive preview apps in tests.
    """
    import uvicorn

    from .app import create_app
    from .auth import TokenRegistry
    from .executable_schema import build_schema
    from .service import GraphQLService

    if step_seconds < 0:
        raise ValueError("step_seconds must not be negative")
    store = Store(db, clock)
    registry = TokenRegistry(choose_tokens(store, list(tokens or [])))
    service = GraphQLService(build_schema(), store, registry, step_seconds)
    sock = _bind(host, port)
    config = uvicorn.Config(create_app(service), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="hasura-cloud-emulator", daemon=True
    )
    thread.start()
    stopper = _Stopper(server, thread, sock, store)
    _wait_until_started(server, thread, stopper)
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    endpoint = f"http://{shown_host}:{bound_port}/v1/graphql"
    return RunningEmulator(endpoint, registry.primary, stopper)


def _wait_until_started(
    server: uvicorn.Server, thread: threading.Thread, stopper: _Stopper
) -> None:
    deadline = time.monotonic() + _STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            stopper.stop()
            raise RuntimeError("the emulator's HTTP server did not start; see the log on stderr")
        time.sleep(0.01)
