"""Projects, their tenants and tenant env vars, as rows in the store.

A project and its tenant are created and deleted together (with its collaborators, their
privileges, its invitations and custom domains, by cascade). Who may see a project is
``access.py``'s business. Every function expects to run inside a transaction the caller holds.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from . import rollout
from .errors import NameTaken
from .store import Store

ADMIN_SECRET_KEY = "HASURA_GRAPHQL_ADMIN_SECRET"
METADATA_DB_KEY = "HASURA_GRAPHQL_METADATA_DATABASE_URL"


@dataclass(frozen=True)
class NewProject:
    owner_id: str
    name: str
    cloud: str
    region: str
    plan: str
    env: dict[str, str]


def app_domain(name: str) -> str:
    return f"{name}.hasura.app"


def name_taken(store: Store, name: str) -> bool:
    return store.row("SELECT 1 AS taken FROM projects WHERE name = ?", (name,)) is not None


def ensure_name_free(store: Store, name: str) -> None:
    if name_taken(store, name):
        raise NameTaken(f"the project name {name!r} is already taken; choose another name")


def create_project(store: Store, new: NewProject, at_us: int | None = None) -> dict[str, Any]:
    """Insert a project, its tenant and env; returns the tenant row."""
    ensure_name_free(store, new.name)
    created = store.timestamp(at_us)
    project_id, tenant_id = str(uuid.uuid4()), str(uuid.uuid4())
    store.insert(
        "projects",
        {
            "id": project_id,
            "owner_id": new.owner_id,
            "name": new.name,
            "endpoint": f"https://{app_domain(new.name)}",
            "plan_name": new.plan,
            "billing_plan_name": new.plan,
            "created_at": created,
            "updated_at": created,
        },
    )
    store.insert(
        "tenant",
        {
            "id": tenant_id,
            "project_id": project_id,
            "slug": new.name,
            "cloud": new.cloud,
            "region": new.region,
            "fqdn": app_domain(new.name),
            "active": True,
            "active_status_reason": None,
            "maintenance_mode": False,
            "major_version": 2,
            "created_at": created,
            "updated_at": created,
        },
    )
    env = {**seeded_env(tenant_id), **new.env}
    write_env(store, tenant_id, env)
    written_at = store.now_us() if at_us is None else at_us
    rollout.record(store, tenant_id, rollout.CREATE, env_hash(env), at_us=written_at)
    return _tenant_by_id(store, tenant_id)


def seeded_env(tenant_id: str) -> dict[str, str]:
    """Platform-managed keys every new tenant starts with (values are random, not real)."""
    database = "metadata_" + uuid.UUID(tenant_id).hex
    password = secrets.token_urlsafe(16)
    return {
        ADMIN_SECRET_KEY: secrets.token_urlsafe(24),
        METADATA_DB_KEY: f"postgres://hasura:{password}@metadata.emulator.invalid:5432/{database}",
    }


def delete_project_rows(store: Store, project_id: str) -> None:
    # Foreign keys cascade to tenant, tenant_env, custom domains, collaborators (and their
    # privileges) and invitations.
    store.execute("DELETE FROM projects WHERE id = ?", (project_id,))


def rename_project(store: Store, tenant: dict[str, Any], name: str) -> None:
    if name != tenant["slug"]:
        ensure_name_free(store, name)
    now = store.timestamp()
    store.update(
        "projects",
        tenant["project_id"],
        {"name": name, "endpoint": f"https://{app_domain(name)}", "updated_at": now},
    )
    tenant_values = {"slug": name, "fqdn": app_domain(name), "updated_at": now}
    store.update("tenant", tenant["id"], tenant_values)


# ---------------------------------------------------------------- reads


def as_tenant(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "active": bool(row["active"]), "maintenance_mode": bool(row["maintenance_mode"])}


def _tenant_by_id(store: Store, tenant_id: str) -> dict[str, Any]:
    found = store.row("SELECT * FROM tenant WHERE id = ?", (tenant_id,))
    assert found is not None, "tenant was just written"
    return as_tenant(found)


def project_by_name(store: Store, owner_id: str, name: str) -> dict[str, Any] | None:
    """The project of that name *owned* by ``owner_id`` (preview apps replace only their own)."""
    return store.row("SELECT * FROM projects WHERE name = ? AND owner_id = ?", (name, owner_id))


def tenant_of_project(store: Store, project_id: str) -> dict[str, Any] | None:
    found = store.row("SELECT * FROM tenant WHERE project_id = ?", (project_id,))
    return None if found is None else as_tenant(found)


def project_of_tenant(store: Store, tenant: dict[str, Any]) -> dict[str, Any] | None:
    return store.row("SELECT * FROM projects WHERE id = ?", (tenant["project_id"],))


# ---------------------------------------------------------------- env


def read_env(store: Store, tenant_id: str) -> dict[str, str]:
    found = store.row("SELECT environment FROM tenant_env WHERE tenant_id = ?", (tenant_id,))
    return {} if found is None else dict(json.loads(found["environment"]))


def write_env(store: Store, tenant_id: str, env: dict[str, str]) -> None:
    store.execute(
        "INSERT INTO tenant_env (tenant_id, environment) VALUES (?, ?) "
        "ON CONFLICT (tenant_id) DO UPDATE SET environment = excluded.environment",
        (tenant_id, json.dumps(env, sort_keys=True)),
    )


def env_document(env: dict[str, str]) -> dict[str, Any]:
    """The ``envVars`` JSON the API returns."""
    return {"environment": dict(sorted(env.items()))}


def env_hash(env: dict[str, str]) -> str:
    """40-hex SHA-1 of the canonical JSON of the env document."""
    canonical = json.dumps(env_document(env), sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()
