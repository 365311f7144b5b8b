"""Resolvers of a tenant's status: health, public status, config and the servers' rollout.

Like every read, the root lists (``config_status``, ``tenant_public_status``) cover only the
tenants the authenticated user may see (``access.py``).
"""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from . import access, rollout, tenant_state
from .context import RequestContext, checks_uuids, context_of, json_path
from .filters import select
from .preview_apps import deployment_running

Row = dict[str, Any]

query = ObjectType("query_root")
tenant_type = ObjectType("tenant")
config_type = ObjectType("config")
public_status_type = ObjectType("tenant_public_status")


def _config_status(context: RequestContext, tenant: Row) -> list[Row]:
    store = context.store
    current = tenant_state.current_hash(store, tenant["id"])
    return rollout.status_rows(store, tenant, current, store.now_us(), context.step_us)


@query.field("config_status")
@checks_uuids
def resolve_config_status(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    tenants = access.visible_tenants(context.store, context.owner_id)
    return select([row for t in tenants for row in _config_status(context, t)], **args)


@query.field("tenant_public_status")
@checks_uuids
def resolve_public_statuses(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    tenants = access.visible_tenants(context.store, context.owner_id)
    return select([tenant_state.public_status(context.store, t) for t in tenants], **args)


@tenant_type.field("health_status")
def resolve_health(tenant: Row, info: GraphQLResolveInfo, path: str | None = None) -> Any:
    deploying = deployment_running(context_of(info).store, tenant["project_id"])
    return json_path(tenant_state.health(tenant, deploying), path)


@tenant_type.field("tenant_public_status")
@checks_uuids
def resolve_tenant_public_status(tenant: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    return select([tenant_state.public_status(context_of(info).store, tenant)], **args)


@tenant_type.field("config")
def resolve_config(tenant: Row, info: GraphQLResolveInfo) -> Row:
    store = context_of(info).store
    config = rollout.config_row(store, tenant, tenant_state.current_hash(store, tenant["id"]))
    return {**config, "tenant": tenant}


@config_type.field("status")
@checks_uuids
def resolve_config_rows(config: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    return select(_config_status(context_of(info), config["tenant"]), **args)


@public_status_type.field("tenant")
def resolve_status_tenant(status: Row, info: GraphQLResolveInfo) -> Row | None:
    context = context_of(info)
    return access.visible_tenant(context.store, context.owner_id, status["tenant_id"])


OBJECT_TYPES = [query, tenant_type, config_type, public_status_type]
