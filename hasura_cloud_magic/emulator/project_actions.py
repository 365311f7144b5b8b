"""Actions on a project by id: checkDBLatency and reactivateSuspendedProject."""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from . import access, db_latency, tenant_state
from . import projects as model
from .context import RequestContext, checks_uuids, context_of
from .errors import NotFound

Row = dict[str, Any]

mutation = ObjectType("mutation_root")


def _require_project(context: RequestContext, project_id: str, what: str) -> tuple[Row, Row]:
    """A project the caller administers and its tenant: NotFound when they cannot see it (or
    it has no tenant), AccessDenied when they see it without ``admin``."""
    project = access.admin_project(context.store, context.owner_id, project_id, what)
    tenant = model.tenant_of_project(context.store, project_id)
    if tenant is None:
        raise NotFound(f"project {project_id} not found")
    return project, tenant


@mutation.field("checkDBLatency")
@checks_uuids
def resolve_check_db_latency(_: Any, info: GraphQLResolveInfo, project_id: str) -> Row:
    context = context_of(info)
    _, tenant = _require_project(context, project_id, "check its database latency")
    tenant_state.ensure_active(tenant)
    return {"db_latency_job_id": db_latency.submit(context.store, context.owner_id, tenant)}


@mutation.field("reactivateSuspendedProject")
@checks_uuids
def resolve_reactivate(_: Any, info: GraphQLResolveInfo, projectId: str) -> Row:
    context = context_of(info)
    project, tenant = _require_project(context, projectId, "reactivate it")
    reactivated = not tenant["active"]
    if reactivated:
        tenant_state.reactivate(context.store, tenant)
    return {"projectId": projectId, "success": reactivated, "project": project}


OBJECT_TYPES = [mutation]
