"""A tenant's state: active or not (and why), maintenance mode, and its endpoint.

``active``, ``active_status_reason`` and ``maintenance_mode`` are tenant columns. The endpoint
state (``up``, ``down``, ``hang``: what its ``/healthz`` does) lives in ``tenant_endpoint``; a
tenant without a row there is ``up``. Only the state controls (``admin.py``) and
``reactivateSuspendedProject`` change these; the rules below are what the rest obeys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import rollout
from .errors import ActionRefused
from .projects import env_hash, read_env
from .store import Store

Row = dict[str, Any]
Tenant = Mapping[str, Any]  # a tenant row as projects.py returns it
UP, DOWN, HANG = "up", "down", "hang"
ENDPOINT_STATES = (UP, DOWN, HANG)
HIBERNATED, SUSPENDED = "hibernated", "suspended"
PROJECT_DOMAIN = ".hasura.app"


# ---------------------------------------------------------------- reading


def _endpoint(store: Store, tenant_id: str) -> tuple[str, int]:
    """The endpoint state and when it was last set (0: never, so ``up``)."""
    found = store.row(
        "SELECT state, updated_at FROM tenant_endpoint WHERE tenant_id = ?", (tenant_id,)
    )
    return (UP, 0) if found is None else (str(found["state"]), int(found["updated_at"]))


def endpoint_state(store: Store, tenant_id: str) -> str:
    return _endpoint(store, tenant_id)[0]


def inactive_reason(tenant: Tenant) -> str:
    return str(tenant["active_status_reason"] or HIBERNATED)


def current_hash(store: Store, tenant_id: str) -> str:
    return env_hash(read_env(store, tenant_id))


def health(tenant: Tenant, deploying: bool) -> dict[str, str]:
    """``tenant.health_status``."""
    if not tenant["active"]:
        return {"status": "inactive"}
    if tenant["maintenance_mode"]:
        return {"status": "maintenance"}
    return {"status": "deploying" if deploying else "healthy"}


def public_status(store: Store, tenant: Tenant) -> Row:
    """The tenant's one ``tenant_public_status`` row: its GraphQL endpoint."""
    endpoint, endpoint_set_at = _endpoint(store, tenant["id"])
    message = None
    if not tenant["active"]:
        message = inactive_reason(tenant)
    elif endpoint != UP:
        message = "endpoint down" if endpoint == DOWN else "endpoint not responding"
    return {
        "endpoint": f"https://{tenant['fqdn']}/v1/graphql",
        "type": "graphql",
        "is_active": message is None,
        "message": message,
        "tenant_id": tenant["id"],
        "updated_at": max(tenant["updated_at"], endpoint_set_at),
    }


# ---------------------------------------------------------------- rules


def maintenance_message(name: str) -> str:
    return (
        f"project {name} is in maintenance mode; env vars, plan, region and deletion are "
        "locked until maintenance ends"
    )


def ensure_unlocked(tenant: Tenant) -> None:
    """Refuse env writes and deletion while the tenant is in maintenance."""
    if tenant["maintenance_mode"]:
        raise ActionRefused(maintenance_message(tenant["slug"]))


def ensure_active(tenant: Tenant) -> None:
    """Refuse what needs running servers (checkDBLatency) while the tenant is inactive."""
    if not tenant["active"]:
        reason = inactive_reason(tenant)
        raise ActionRefused(f"project {tenant['slug']} is {reason}; reactivate it first")


# ---------------------------------------------------------------- changing


def deactivate(store: Store, tenant: Tenant, reason: str) -> None:
    """Stop the tenant's servers (a new reason for an inactive tenant just replaces the old)."""
    store.update("tenant", tenant["id"], {"active": False, "active_status_reason": reason})
    if tenant["active"]:
        rollout.record(store, tenant["id"], rollout.DEACTIVATE, current_hash(store, tenant["id"]))
    _touch(store, tenant)


def reactivate(store: Store, tenant: Tenant) -> None:
    """Start the servers again; they roll out the latest config as if it were written now."""
    store.update("tenant", tenant["id"], {"active": True, "active_status_reason": None})
    config = current_hash(store, tenant["id"])
    rollout.record(store, tenant["id"], rollout.REACTIVATE, config, previous_hash=config)
    _touch(store, tenant)


def set_maintenance(store: Store, tenant: Tenant, on: bool) -> None:
    store.update("tenant", tenant["id"], {"maintenance_mode": on})
    _touch(store, tenant)


def set_endpoint(store: Store, tenant: Tenant, state: str) -> None:
    store.execute(
        "INSERT INTO tenant_endpoint (tenant_id, state, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (tenant_id) DO UPDATE SET state = excluded.state, "
        "updated_at = excluded.updated_at",
        (tenant["id"], state, store.timestamp()),
    )


def _touch(store: Store, tenant: Tenant) -> None:
    store.update("tenant", tenant["id"], {"updated_at": store.timestamp()})


# ---------------------------------------------------------------- /healthz


@dataclass(frozen=True)
class Probe:
    """What ``GET /healthz`` answers for a host; ``hang``: never answer."""

    status: int
    body: str
    hang: bool = False


def probe(store: Store, host: str) -> Probe:
    """The answer for a request to ``host`` (the Host header, port already stripped)."""
    host = host.lower()
    if not host.endswith(PROJECT_DOMAIN):
        return Probe(200, "OK")  # the emulator itself
    tenant = store.row("SELECT * FROM tenant WHERE fqdn = ?", (host,))
    if tenant is None:
        return Probe(404, "no project at this host")
    if not tenant["active"]:
        return Probe(503, f"project is {inactive_reason(tenant)}")
    endpoint = endpoint_state(store, tenant["id"])
    if endpoint == DOWN:
        return Probe(503, "endpoint down")
    if endpoint == HANG:
        return Probe(503, "endpoint not responding", hang=True)
    return Probe(200, "OK")
