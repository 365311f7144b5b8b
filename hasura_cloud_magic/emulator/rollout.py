"""Env rollout: which config (env hash) each of a tenant's servers runs.

Every tenant has ``WORKERS`` servers. The store keeps a history of config writes per tenant
(``config_writes``): its creation, every env write, and its deactivation and reactivation. With
step s, worker i (0-based) runs the newest written hash whose ``written_at + (i + 1) * s`` has
passed; the creation config is live at once. Like jobs, this is computed from stored timestamps
on every read (nothing runs in the background), so it survives restarts; with s = 0 every write
is live at once.

``written_at`` is the clock reading itself (not a unique ``Store.timestamp``), so that a write is
due exactly s after it was made, as job steps are.

Writes made while the tenant is inactive are stored but not rolled out (its servers are down);
reactivating it writes the latest config again, so its servers come back and roll it out as if
it had been written then. A tenant from a database older than this history has no rows: it runs
its current env on every server.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from .store import Store

Row = dict[str, Any]
WORKERS = 2
CREATE, WRITE, DEACTIVATE, REACTIVATE = "create", "write", "deactivate", "reactivate"
LIVE, PENDING = "live", "pending"
ROLLING_OUT = "rolling out"


@dataclass(frozen=True)
class ConfigWrite:
    kind: str
    hash: str
    written_at: int


def record(
    store: Store,
    tenant_id: str,
    kind: str,
    config_hash: str,
    *,
    at_us: int | None = None,
    previous_hash: str | None = None,
) -> None:
    """Append a write to the tenant's history (inside the caller's transaction).

    ``previous_hash``: the config before this write. A tenant without history (an older
    database) first gets it as its creation config, so its servers keep running it meanwhile.
    """
    if kind != CREATE and not _has_history(store, tenant_id):
        created = store.row("SELECT created_at FROM tenant WHERE id = ?", (tenant_id,))
        assert created is not None, "the tenant exists while it is written"
        baseline = config_hash if previous_hash is None else previous_hash
        _insert(store, tenant_id, ConfigWrite(CREATE, baseline, created["created_at"]))
    written_at = store.now_us() if at_us is None else at_us
    _insert(store, tenant_id, ConfigWrite(kind, config_hash, written_at))


def _has_history(store: Store, tenant_id: str) -> bool:
    found = store.row("SELECT 1 AS found FROM config_writes WHERE tenant_id = ?", (tenant_id,))
    return found is not None


def _insert(store: Store, tenant_id: str, write: ConfigWrite) -> None:
    store.insert(
        "config_writes",
        {
            "tenant_id": tenant_id,
            "kind": write.kind,
            "hash": write.hash,
            "written_at": write.written_at,
        },
    )


def history(store: Store, tenant: Row, current_hash: str) -> list[ConfigWrite]:
    """The tenant's config writes, oldest first (never empty)."""
    rows = store.rows(
        "SELECT kind, hash, written_at FROM config_writes WHERE tenant_id = ? ORDER BY seq",
        (tenant["id"],),
    )
    if not rows:
        return [ConfigWrite(CREATE, current_hash, tenant["created_at"])]
    return [ConfigWrite(**row) for row in rows]


def _rollable(writes: list[ConfigWrite]) -> list[ConfigWrite]:
    """The writes servers roll out: not those made while the tenant was inactive."""
    active, kept = True, []
    for write in writes:
        if write.kind == DEACTIVATE:
            active = False
        elif write.kind == REACTIVATE:
            active = True
            kept.append(write)
        elif active:
            kept.append(write)
    return kept


def _running(writes: list[ConfigWrite], index: int, now_us: int, step_us: int) -> ConfigWrite:
    """What worker ``index`` runs: the first write (the creation) is live at once."""
    live = writes[0]
    for write in writes[1:]:
        if write.written_at + (index + 1) * step_us <= now_us:
            live = write
    return live


def worker_ids(tenant_id: str) -> list[str]:
    """Stable ids of the tenant's servers."""
    namespace = uuid.UUID(tenant_id)
    return [str(uuid.uuid5(namespace, str(index))) for index in range(WORKERS)]


def config_row(store: Store, tenant: Row, current_hash: str) -> Row:
    """``tenant.config``: the hash the servers should run and when it was last written."""
    written = [w for w in history(store, tenant, current_hash) if w.kind != DEACTIVATE]
    return {
        "hash": current_hash,
        "tenant_id": tenant["id"],
        "updated_at": written[-1].written_at if written else tenant["created_at"],
        "vault_path": f"secret/tenants/{tenant['id']}/env",
    }


def status_rows(
    store: Store, tenant: Row, current_hash: str, now_us: int, step_us: int
) -> list[Row]:
    """``config_status`` of one tenant: a live row per server, and a pending one while the
    newest config is still rolling out to it. An inactive tenant has no servers, so no rows."""
    if not tenant["active"]:
        return []
    writes = _rollable(history(store, tenant, current_hash))
    newest = writes[-1]
    rows: list[Row] = []
    for index, worker_id in enumerate(worker_ids(tenant["id"])):
        live = _running(writes, index, now_us, step_us)
        live_since = live.written_at + (0 if live is writes[0] else (index + 1) * step_us)
        rows.append(_status(tenant, worker_id, live.hash, LIVE, live_since))
        if newest.hash != live.hash:
            rows.append(_status(tenant, worker_id, newest.hash, PENDING, newest.written_at))
    return rows


def _status(tenant: Row, worker_id: str, config_hash: str, state: str, at: int) -> Row:
    return {
        "hash": config_hash,
        "is_active": state == LIVE,
        "worker_state": state,
        "worker_id": worker_id,
        "tenant_id": tenant["id"],
        "message": ROLLING_OUT if state == PENDING else None,
        "updated_at": at,
    }
