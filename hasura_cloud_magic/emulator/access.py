"""Who may see and do what on a project: the one place every read and write asks.

A user sees a project when they own it or are a collaborator on it (a ``project_collaborators``
row). Privileges are ``admin``, ``graphql_admin`` and ``view_metrics``: the owner has all three
(and is no collaborator row), a collaborator those granted to them. ``admin`` is needed for env
vars, renaming, deleting, the latency check, reactivation, custom-domain writes and every
collaborator or invitation write; ``view_metrics`` (or ``admin``) for the Metrics API. Any member
sees the project, its tenant, status, collaborators and domains.

A project the caller cannot see looks exactly like one that does not exist; one they see but
may not act on is an ``access-denied`` error. Each check is one indexed query. Every function
expects to run inside the caller's transaction.
"""

from __future__ import annotations

from typing import Any

from .errors import AccessDenied, NotFound
from .projects import as_tenant
from .store import Store

Row = dict[str, Any]
ADMIN, GRAPHQL_ADMIN, VIEW_METRICS = "admin", "graphql_admin", "view_metrics"
PRIVILEGES = (ADMIN, GRAPHQL_ADMIN, VIEW_METRICS)
ALL_PRIVILEGES = frozenset(PRIVILEGES)

# ``p`` is the project; ? is the user, once.
_MEMBER = (
    "(p.owner_id = ?1 OR EXISTS (SELECT 1 FROM project_collaborators c "
    "WHERE c.project_id = p.id AND c.collaborator_id = ?1))"
)


# ---------------------------------------------------------------- what a user sees


def visible_projects(store: Store, user_id: str) -> list[Row]:
    return store.rows(
        f"SELECT p.* FROM projects p WHERE {_MEMBER} ORDER BY p.created_at, p.id", (user_id,)
    )


def visible_project(store: Store, user_id: str, project_id: str) -> Row | None:
    return store.row(
        f"SELECT p.* FROM projects p WHERE p.id = ?2 AND {_MEMBER}", (user_id, project_id)
    )


def visible_tenants(store: Store, user_id: str) -> list[Row]:
    rows = store.rows(
        "SELECT t.* FROM tenant t JOIN projects p ON p.id = t.project_id "
        f"WHERE {_MEMBER} ORDER BY t.created_at, t.id",
        (user_id,),
    )
    return [as_tenant(row) for row in rows]


def visible_tenant(store: Store, user_id: str, tenant_id: str) -> Row | None:
    found = store.row(
        "SELECT t.* FROM tenant t JOIN projects p ON p.id = t.project_id "
        f"WHERE t.id = ?2 AND {_MEMBER}",
        (user_id, tenant_id),
    )
    return None if found is None else as_tenant(found)


def privileges_on(store: Store, user_id: str, project_id: str) -> frozenset[str] | None:
    """The user's privileges on the project; None when they cannot see it (or it is gone)."""
    found = store.row(
        "SELECT p.owner_id = ?1 AS owner, c.id AS membership, "
        "group_concat(pr.privilege_slug) AS granted FROM projects p "
        "LEFT JOIN project_collaborators c ON c.project_id = p.id AND c.collaborator_id = ?1 "
        "LEFT JOIN project_collaborator_privileges pr ON pr.project_collaborator_id = c.id "
        "WHERE p.id = ?2 GROUP BY p.id",
        (user_id, project_id),
    )
    if found is None:
        return None
    if found["owner"]:
        return ALL_PRIVILEGES
    if found["membership"] is None:
        return None
    return frozenset(filter(None, str(found["granted"] or "").split(",")))


def is_admin(store: Store, user_id: str, project_id: str) -> bool:
    return ADMIN in (privileges_on(store, user_id, project_id) or ())


def admin_project_ids(store: Store, user_id: str) -> list[str]:
    """Ids of the projects the user owns or is an ``admin`` collaborator of."""
    rows = store.rows(
        "SELECT p.id FROM projects p WHERE p.owner_id = ?1 UNION "
        "SELECT c.project_id FROM project_collaborators c JOIN project_collaborator_privileges pr "
        "ON pr.project_collaborator_id = c.id "
        "WHERE c.collaborator_id = ?1 AND pr.privilege_slug = ?2",
        (user_id, ADMIN),
    )
    return [str(row["id"]) for row in rows]


def metrics_projects(store: Store, user_id: str) -> list[Row]:
    """``id, name, cloud, region`` of the projects whose metrics the user may read."""
    return store.rows(
        "SELECT p.id, p.name, t.cloud, t.region FROM projects p "
        "JOIN tenant t ON t.project_id = p.id WHERE p.owner_id = ?1 OR EXISTS ("
        "SELECT 1 FROM project_collaborators c JOIN project_collaborator_privileges pr "
        "ON pr.project_collaborator_id = c.id WHERE c.project_id = p.id "
        "AND c.collaborator_id = ?1 AND pr.privilege_slug IN (?2, ?3)) ORDER BY p.id",
        (user_id, ADMIN, VIEW_METRICS),
    )


# ---------------------------------------------------------------- what an action needs


def require_tenant(store: Store, user_id: str, tenant_id: str) -> Row:
    """A tenant the caller sees, or NotFound (actions error where *_by_pk returns null)."""
    tenant = visible_tenant(store, user_id, tenant_id)
    if tenant is None:
        raise NotFound(f"tenant {tenant_id} not found")
    return tenant


def require_admin(store: Store, user_id: str, project_id: str, name: str, what: str) -> None:
    """AccessDenied unless the caller has ``admin`` on the (visible) project."""
    if not is_admin(store, user_id, project_id):
        raise AccessDenied(f"you need the admin privilege on project {name} to {what}")


def admin_tenant(store: Store, user_id: str, tenant_id: str, what: str) -> Row:
    """A tenant the caller administers: NotFound if they cannot see it, else AccessDenied."""
    tenant = require_tenant(store, user_id, tenant_id)
    require_admin(store, user_id, tenant["project_id"], tenant["slug"], what)
    return tenant


def admin_project(store: Store, user_id: str, project_id: str, what: str) -> Row:
    """A project the caller administers: NotFound if they cannot see it, else AccessDenied."""
    project = visible_project(store, user_id, project_id)
    if project is None:
        raise NotFound(f"project {project_id} not found")
    require_admin(store, user_id, project_id, project["name"], what)
    return project
