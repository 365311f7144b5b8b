"""Starting and stopping the emulator: store, tokens, faults and the serving thread."""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from . import accounts
from .admin import StateControls
from .auth import TokenRegistry, owner_id_for
from .faults import Fault, FaultRegistry
from .metrics.traffic import DEFAULT_METRICS_SEED
from .runner import ServingThread, bind
from .store import Clock, Store

# Long enough to watch a preview app progress, short enough that it is healthy in ~4 s (8 steps)
# and an env change is live on both servers in 1 s.
DEFAULT_STEP_SECONDS = 0.5
_TOKEN_META_KEY = "access_token"

log = logging.getLogger("hasura_cloud_magic.emulator")


class RunningEmulator:
    """A started emulator. ``endpoint`` and ``token`` are what a client needs; ``stop()`` ends it.

    Use it as a context manager to stop it on exit. Its repr never shows the token (nor the
    admin key, which it does not keep). ``faults`` arms and clears injected faults while it runs
    (see ``faults.FaultRegistry``); ``admin`` changes projects' state (see
    ``admin.StateControls``).
    """

    def __init__(
        self,
        endpoint: str,
        token: str,
        faults: FaultRegistry,
        admin: StateControls,
        stop_callback: _Stopper,
    ) -> None:
        self.endpoint = endpoint
        self.token = token
        self.faults = faults
        self.admin = admin
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
    def __init__(self, serving: ServingThread, store: Store) -> None:
        self._serving = serving
        self._store = store
        self._lock = threading.Lock()
        self.stopped = False

    def stop(self) -> None:
        with self._lock:
            if self.stopped:
                return
            self.stopped = True
            self._serving.stop()
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


def _token_registry(store: Store, tokens: list[str]) -> TokenRegistry:
    """The start-time tokens (each given a ``users`` row if it has none) and the tokens of
    users added at run time (stored as SHA-256 digests)."""
    with store.transaction():
        added = accounts.token_users(store)
        for token in tokens:
            if accounts.token_digest(token) not in added:
                accounts.ensure_user(store, owner_id_for(token))
    return TokenRegistry(tokens, added)


def start(
    db: str | Path | None = None,
    tokens: list[str] | None = None,
    step_seconds: float = DEFAULT_STEP_SECONDS,
    host: str = "127.0.0.1",
    port: int = 0,
    clock: Clock = time.time,
    faults: Iterable[Fault | str] = (),
    admin_key: str | None = None,
    metrics_seed: int = DEFAULT_METRICS_SEED,
) -> RunningEmulator:
    """Serve the emulator from a background thread; returns once it accepts requests.

    ``db``: SQLite file to keep state in (default: in memory, gone on stop). ``tokens``: accepted
    personal access tokens, each its own user (default: the one stored in ``db``, else a new
    one). ``step_seconds``: duration of one step of a job or an env rollout (0: instant).
    ``port=0``: any free port. ``clock``: seconds since the epoch, replaceable to drive jobs and
    rollouts in tests.
    ``faults``: faults armed from the start, as ``Fault``s or specs like
    ``"createTenant:reset-after"`` (change them later through ``.faults``). ``admin_key``:
    enables the HTTP admin route (``/emulator/admin``) for requests from this machine with
    ``Authorization: admin <key>``; without it the route does not exist (``.admin`` works
    either way). ``metrics_seed``: the seed of the Metrics API's invented traffic (with a
    project's name, it decides all of that project's traffic).
    """
    from .app import create_app
    from .executable_schema import build_schema
    from .healthz import HangRelease
    from .metrics.context import MetricsContext
    from .metrics.schema import build_metrics_schema
    from .service import GraphQLService

    if isinstance(metrics_seed, bool) or not isinstance(metrics_seed, int):
        raise ValueError("metrics_seed must be an int")
    if step_seconds < 0:
        raise ValueError("step_seconds must not be negative")
    if admin_key is not None and not admin_key.strip():
        raise ValueError("admin_key must not be empty")
    fault_registry = FaultRegistry(faults)  # First: a bad spec leaves nothing to clean up.
    store = Store(db, clock)
    try:
        tokens_registry = _token_registry(store, choose_tokens(store, list(tokens or [])))
        service = GraphQLService(build_schema(), store, tokens_registry, step_seconds)

        def metrics_context(owner_id: str, host: str) -> MetricsContext:
            return MetricsContext(store, owner_id, host, metrics_seed)

        metrics_service = GraphQLService(
            build_metrics_schema(),
            store,
            tokens_registry,
            step_seconds,
            make_context=metrics_context,
            read_only=True,
        )
        controls, hangs = StateControls(store, tokens_registry), HangRelease()
        app = create_app(service, hangs, controls, admin_key, metrics_service)
        serving = ServingThread(app, bind(host, port), fault_registry, on_stop=hangs.release)
        serving.start()
    except BaseException:
        store.close()
        raise
    bound_host, bound_port = serving.public.getsockname()[:2]
    # Listening on every address: the endpoint a client here can use is loopback.
    bound_host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(bound_host, bound_host)
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    endpoint = f"http://{shown_host}:{bound_port}/v1/graphql"
    stopper = _Stopper(serving, store)
    return RunningEmulator(endpoint, tokens_registry.primary, fault_registry, controls, stopper)
