"""Query-root and table-type resolvers: lists, ``*_by_pk`` and relationships.

Every read is scoped to the authenticated user; another user's row looks exactly like a row
that does not exist.
"""

from __future__ import annotations

import json
from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from . import access
from . import projects as model
from .accounts import entitlement_rows, user_row
from .context import checks_uuids, context_of, json_path
from .filters import Related, select, window
from .regions import find_region, region_rows
from .store import Store

Row = dict[str, Any]


def _filterable_project(store: Store, project: Row) -> Row:
    # projects_bool_exp can reach into the tenant relationship.
    return {**project, "tenant": Related(lambda: model.tenant_of_project(store, project["id"]))}


def job_view(row: Row) -> Row:
    # spec holds the private request (env values); it never leaves the store.
    hidden = {"spec", "steps_done", "scheduled_from"}
    return {**{k: v for k, v in row.items() if k not in hidden}, "input": json.loads(row["input"])}


def _decode(row: Row, *columns: str) -> Row:
    decoded = {c: None if row[c] is None else json.loads(row[c]) for c in columns}
    return {**row, **decoded}


# ---------------------------------------------------------------- query_root


query = ObjectType("query_root")


@query.field("projects")
@checks_uuids
def resolve_projects(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    visible = access.visible_projects(context.store, context.owner_id)
    return select([_filterable_project(context.store, p) for p in visible], **args)


@query.field("projects_by_pk")
@checks_uuids
def resolve_project_by_pk(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    return access.visible_project(context.store, context.owner_id, id)


@query.field("tenant")
@checks_uuids
def resolve_tenants(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    return select(access.visible_tenants(context.store, context.owner_id), **args)


@query.field("tenant_by_pk")
@checks_uuids
def resolve_tenant_by_pk(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    return access.visible_tenant(context.store, context.owner_id, id)


@query.field("jobs_by_pk")
@checks_uuids
def resolve_job_by_pk(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    row = context.store.row(
        "SELECT * FROM jobs WHERE id = ? AND user_id = ?", (id, context.owner_id)
    )
    return None if row is None else job_view(row)


@query.field("region")
def resolve_regions(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    return select(region_rows(), **args)


@query.field("users")
def resolve_users(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    # Only the token's own user: nobody else's row is visible.
    context = context_of(info)
    own = user_row(context.store, context.owner_id)
    return window([own], args.get("limit"), args.get("offset"))


# ---------------------------------------------------------------- tables


project_type = ObjectType("projects")
tenant_type = ObjectType("tenant")
region_type = ObjectType("region")
job_type = ObjectType("jobs")
task_type = ObjectType("tasks")
event_type = ObjectType("task_event")


@project_type.field("tenant")
def resolve_project_tenant(project: Row, info: GraphQLResolveInfo) -> Row | None:
    return model.tenant_of_project(context_of(info).store, project["id"])


@project_type.field("jobs")
def resolve_project_jobs(project: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    rows = context.store.rows(
        "SELECT * FROM jobs WHERE project_id = ? AND user_id = ? ORDER BY created_at, id",
        (project["id"], context.owner_id),
    )
    return select([job_view(row) for row in rows], **args)


@project_type.field("owner")
def resolve_project_owner(project: Row, info: GraphQLResolveInfo) -> Row:
    return user_row(context_of(info).store, project["owner_id"])


@project_type.field("entitlements")
def resolve_project_entitlements(project: Row, _: GraphQLResolveInfo, **args: Any) -> list[Row]:
    return window(entitlement_rows(project["plan_name"]), args.get("limit"), args.get("offset"))


@tenant_type.field("project")
def resolve_tenant_project(tenant: Row, info: GraphQLResolveInfo) -> Row | None:
    return model.project_of_tenant(context_of(info).store, tenant)


@tenant_type.field("region_info")
def resolve_tenant_region(tenant: Row, _: GraphQLResolveInfo) -> Row | None:
    region = find_region(tenant["cloud"], tenant["region"])
    return None if region is None else region.as_row()


@region_type.field("nat_ips")
def resolve_nat_ips(region: Row, _: GraphQLResolveInfo, path: str | None = None) -> Any:
    return json_path(region["nat_ips"], path)


@job_type.field("input")
def resolve_job_input(job: Row, _: GraphQLResolveInfo, path: str | None = None) -> Any:
    return json_path(job["input"], path)


@job_type.field("project")
def resolve_job_project(job: Row, info: GraphQLResolveInfo) -> Row | None:
    context = context_of(info)
    if job["project_id"] is None:
        return None
    return access.visible_project(context.store, context.owner_id, job["project_id"])


@job_type.field("tasks")
def resolve_job_tasks(job: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    rows = context_of(info).store.rows(
        "SELECT * FROM tasks WHERE job_id = ? ORDER BY created_at, id", (job["id"],)
    )
    return select([_decode(row, "payload") for row in rows], **args)


@task_type.field("job")
def resolve_task_job(task: Row, info: GraphQLResolveInfo) -> Row | None:
    row = context_of(info).store.row("SELECT * FROM jobs WHERE id = ?", (task["job_id"],))
    return None if row is None else job_view(row)


@task_type.field("payload")
def resolve_task_payload(task: Row, _: GraphQLResolveInfo, path: str | None = None) -> Any:
    return json_path(task["payload"], path)


@task_type.field("task_events")
def resolve_task_events(task: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    rows = context_of(info).store.rows(
        "SELECT * FROM task_event WHERE task_id = ? ORDER BY created_at, id", (task["id"],)
    )
    return select([_decode(row, "public_event_data", "event_data") for row in rows], **args)


@event_type.field("task")
def resolve_event_task(event: Row, info: GraphQLResolveInfo) -> Row | None:
    row = context_of(info).store.row("SELECT * FROM tasks WHERE id = ?", (event["task_id"],))
    return None if row is None else _decode(row, "payload")


@event_type.field("public_event_data")
def resolve_public_event_data(event: Row, _: GraphQLResolveInfo, path: str | None = None) -> Any:
    return json_path(event["public_event_data"], path)


@event_type.field("event_data")
def resolve_event_data(event: Row, _: GraphQLResolveInfo, path: str | None = None) -> Any:
    return json_path(event["event_data"], path)


OBJECT_TYPES = [query, project_type, tenant_type, region_type, job_type, task_type, event_type]
