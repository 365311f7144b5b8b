"""``TARGET`` in ``%hasura`` commands: a tenant id, a project id, or a project name."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import did_you_mean
from hasura_cloud_magic.errors import InvalidInputError, NotFoundError
from hasura_cloud_magic.redaction import quoted


@dataclass(frozen=True)
class Target:
    """A resolved project: what commands need to call the API."""

    tenant_id: uuid.UUID
    project_id: uuid.UUID
    name: str


def _as_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def resolve(cloud: HasuraCloud, target: str) -> Target:
    """Find the project ``target`` names, or fail with one line that says why."""
    text = target.strip()
    if not text:
        raise InvalidInputError("TARGET is empty: give a tenant id, project id or project name")
    some_id = _as_uuid(text)
    return _by_id(cloud, some_id) if some_id else _by_name(cloud, text)


def _by_id(cloud: HasuraCloud, some_id: uuid.UUID) -> Target:
    found = cloud.resolve_id(some_id)
    tenant, project = found.tenant_by_pk, found.projects_by_pk
    if tenant and project and project.tenant and project.tenant.id != tenant.id:
        raise InvalidInputError(
            f"{some_id} is ambiguous: the tenant id of {tenant.project.name} and the project "
            f"id of {project.name}; use a project name instead"
        )
    if tenant:
        return Target(tenant.id, tenant.project.id, tenant.project.name)
    if project and project.tenant:
        return Target(project.tenant.id, project.id, project.name)
    if project:
        raise NotFoundError(f"project {project.name} has no tenant (it may be being deleted)")
    raise NotFoundError(f"no tenant or project with id {some_id} is visible to this token")


def _by_name(cloud: HasuraCloud, name: str) -> Target:
    exact = cloud.projects_named(name)
    if len(exact) > 1:
        raise InvalidInputError(f"{len(exact)} projects are named {quoted(name)}; use a tenant id")
    if not exact:
        names = [project.name for project in cloud.list_projects()]
        hint = did_you_mean(name, names) or " List them with %hasura projects."
        raise NotFoundError(f"no project named {quoted(name)}.{hint}")
    project = exact[0]
    if project.tenant is None:
        raise NotFoundError(f"project {name} has no tenant (it may be being deleted)")
    return Target(project.tenant.id, project.id, project.name)


def resolve_glob(cloud: HasuraCloud, glob: str) -> list[Target]:
    """Every project whose name matches the shell glob, or a NotFoundError."""
    found = [
        Target(p.tenant.id, p.id, p.name)
        for p in cloud.list_projects(name_like=glob_to_like(glob))
        if p.tenant is not None
    ]
    if not found:
        raise NotFoundError(f"no project matches {quoted(glob)}")
    return found


def glob_to_like(pattern: str) -> str:
    """``prod-*`` → ``prod-%``; ``?`` → ``_``; a literal ``%``, ``_`` or ``\\`` is escaped."""
    escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped.replace("*", "%").replace("?", "_")
