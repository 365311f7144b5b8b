"""updateTenantEnv / deleteTenantEnv: optimistic concurrency on a tenant's env vars.

Every write quotes the hash it read; a stale hash, a no-op, a bad key or maintenance mode
changes nothing. A write that succeeds is recorded for the rollout (``rollout.py``), even on an
inactive tenant: it goes live when the tenant is reactivated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from . import rollout
from .errors import ActionRefused, BadRequest
from .projects import env_hash, read_env, write_env
from .store import Store
from .tenant_state import ensure_unlocked
from .validation import env_from_pairs, validate_env_key

STALE_HASH_MESSAGE = (
    "hash mismatch: the env was changed since currentHash was read; read it again with getTenantEnv"
)


def _current(store: Store, tenant: Mapping[str, Any], current_hash: str) -> dict[str, str]:
    """The env, once the tenant may be written and ``current_hash`` is still its hash."""
    ensure_unlocked(tenant)
    env = read_env(store, tenant["id"])
    if current_hash != env_hash(env):
        raise ActionRefused(STALE_HASH_MESSAGE)
    return env


def _write(store: Store, tenant_id: str, before: dict[str, str], after: dict[str, str]) -> None:
    write_env(store, tenant_id, after)
    rollout.record(store, tenant_id, rollout.WRITE, env_hash(after), previous_hash=env_hash(before))


def update_env(
    store: Store, tenant: Mapping[str, Any], current_hash: str, pairs: Iterable[Mapping[str, Any]]
) -> dict[str, str]:
    """Upsert ``pairs`` into the env; returns the new env."""
    env = _current(store, tenant, current_hash)
    changes = env_from_pairs(pairs)
    if all(env.get(key) == value for key, value in changes.items()):
        # Clients avoid no-op updates "to avoid hasura cloud API errors" (reference §5).
        raise ActionRefused("no changes: every given env var already has that value")
    updated = {**env, **changes}
    _write(store, tenant["id"], env, updated)
    return updated


def delete_env(
    store: Store, tenant: Mapping[str, Any], current_hash: str, keys: Iterable[str]
) -> dict[str, str]:
    """Remove ``keys`` from the env (all of them must exist); returns the new env."""
    env = _current(store, tenant, current_hash)
    wanted = list(dict.fromkeys(validate_env_key(key) for key in keys))
    if not wanted:
        raise BadRequest("deleteEnvs is empty: name at least one env var to delete")
    absent = [key for key in wanted if key not in env]
    if absent:
        raise ActionRefused(f"env vars not found: {', '.join(absent)}; nothing was deleted")
    remaining = {key: value for key, value in env.items() if key not in wanted}
    _write(store, tenant["id"], env, remaining)
    return remaining
