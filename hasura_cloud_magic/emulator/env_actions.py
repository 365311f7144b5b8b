"""updateTenantEnv / deleteTenantEnv: optimistic concurrency on a tenant's env vars.

Every write quotes the hash it read; a stale hash, a no-op or a bad key changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import ActionRefused, BadRequest
from .projects import env_hash, read_env, write_env
from .store import Store
from .validation import env_from_pairs, validate_env_key

STALE_HASH_MESSAGE = (
    "hash mismatch: the env was changed since currentHash was read; read it again with getTenantEnv"
)


def _check_hash(env: dict[str, str], current_hash: str) -> None:
    if current_hash != env_hash(env):
        raise ActionRefused(STALE_HASH_MESSAGE)


def update_env(
    store: Store, tenant_id: str, current_hash: str, pairs: Iterable[Mapping[str, Any]]
) -> dict[str, str]:
    """Upsert ``pairs`` into the env; returns the new env."""
    env = read_env(store, tenant_id)
    _check_hash(env, current_hash)
    changes = env_from_pairs(pairs)
    if all(env.get(key) == value for key, value in changes.items()):
        # Clients avoid no-op updates "to avoid hasura cloud API errors" (reference §5).
        raise ActionRefused("no changes: every given env var already has that value")
    updated = {**env, **changes}
    write_env(store, tenant_id, updated)
    return updated


def delete_env(
    store: Store, tenant_id: str, current_hash: str, keys: Iterable[str]
) -> dict[str, str]:
    """Remove ``keys`` from the env (all of them must exist); returns the new env."""
    env = read_env(store, tenant_id)
    _check_hash(env, current_hash)
    wanted = list(dict.fromkeys(validate_env_key(key) for key in keys))
    if not wanted:
        raise BadRequest("deleteEnvs is empty: name at least one env var to delete")
    absent = [key for key in wanted if key not in env]
    if absent:
        raise ActionRefused(f"env vars not found: {', '.join(absent)}; nothing was deleted")
    remaining = {key: value for key, value in env.items() if key not in wanted}
    write_env(store, tenant_id, remaining)
    return remaining
