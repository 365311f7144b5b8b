"""Action resolvers (the camelCase fields): tenants, env vars and preview apps."""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from . import access
from . import projects as model
from .context import RequestContext, checks_uuids, context_of
from .env_actions import delete_env, update_env
from .errors import BadRequest, NameTaken
from .jobs import remove_project
from .preview_apps import PreviewAppRequest, github_token_accepted, submit_preview_app
from .resolvers import job_view
from .tenant_state import ensure_unlocked
from .validation import env_from_pairs, generate_name, validate_name, validate_placement

Row = dict[str, Any]
DELETED_STATUS = "deleted"

mutation = ObjectType("mutation_root")
env_query = ObjectType("query_root")


def _env_result(env: dict[str, str]) -> Row:
    return {"hash": model.env_hash(env), "envVars": model.env_document(env)}


@env_query.field("getTenantEnv")
@checks_uuids
def resolve_get_tenant_env(_: Any, info: GraphQLResolveInfo, tenantId: str) -> Row:
    context = context_of(info)
    tenant = access.admin_tenant(context.store, context.owner_id, tenantId, "read its env vars")
    return _env_result(model.read_env(context.store, tenant["id"]))


@mutation.field("createTenant")
@checks_uuids
def resolve_create_tenant(
    _: Any,
    info: GraphQLResolveInfo,
    cloud: str,
    region: str,
    envs: list[Row | None] | None = None,
    name: str | None = None,
    plan: str | None = None,
    dedicatedVPCID: str | None = None,
    projectMetadata: Row | None = None,
) -> Row:
    context = context_of(info)
    chosen_plan = validate_placement(cloud, region, plan)
    if dedicatedVPCID is not None:
        raise BadRequest(f"dedicated VPC {dedicatedVPCID!r} not found")
    env = env_from_pairs(envs)
    chosen_name = _choose_name(context, name)
    new = model.NewProject(context.owner_id, chosen_name, cloud, region, chosen_plan, env)
    tenant = model.create_project(context.store, new)
    return {"id": tenant["id"], "name": chosen_name, "tenant": tenant}


def _choose_name(context: RequestContext, name: str | None) -> str:
    if name is None:
        return generate_name(lambda candidate: model.name_taken(context.store, candidate))
    validate_name(name)
    model.ensure_name_free(context.store, name)
    return name


@mutation.field("deleteTenant")
@checks_uuids
def resolve_delete_tenant(_: Any, info: GraphQLResolveInfo, tenantId: str) -> Row:
    context = context_of(info)
    tenant = access.admin_tenant(context.store, context.owner_id, tenantId, "delete it")
    ensure_unlocked(tenant)
    remove_project(context.store, tenant["project_id"])
    return {"status": DELETED_STATUS}


@mutation.field("updateTenantEnv")
@checks_uuids
def resolve_update_tenant_env(
    _: Any, info: GraphQLResolveInfo, tenantId: str, currentHash: str, envs: list[Row]
) -> Row:
    context = context_of(info)
    tenant = access.admin_tenant(context.store, context.owner_id, tenantId, "change its env vars")
    return _env_result(update_env(context.store, tenant, currentHash, envs))


@mutation.field("deleteTenantEnv")
@checks_uuids
def resolve_delete_tenant_env(
    _: Any, info: GraphQLResolveInfo, tenantId: str, currentHash: str, deleteEnvs: list[str]
) -> Row:
    context = context_of(info)
    tenant = access.admin_tenant(context.store, context.owner_id, tenantId, "delete its env vars")
    return _env_result(delete_env(context.store, tenant, currentHash, deleteEnvs))


@mutation.field("updateTenantName")
@checks_uuids
def resolve_update_tenant_name(_: Any, info: GraphQLResolveInfo, tenantId: str, name: str) -> Row:
    context = context_of(info)
    tenant = access.admin_tenant(context.store, context.owner_id, tenantId, "rename it")
    model.rename_project(context.store, tenant, validate_name(name))
    renamed = access.require_tenant(context.store, context.owner_id, tenantId)
    return {"tenant_id": renamed["id"], "tenant": renamed}


@mutation.field("createGitHubPreviewApp")
def resolve_create_preview_app(_: Any, info: GraphQLResolveInfo, payload: Row | None) -> Row:
    context = context_of(info)
    if payload is None:
        raise BadRequest(
            "payload is required: pass githubPersonalAccessToken, githubRepoDetails "
            "and projectOptions"
        )
    request = _preview_app_request(context, payload)
    job_id = submit_preview_app(context.store, request)
    job = context.store.row("SELECT * FROM jobs WHERE id = ?", (job_id,))
    return {"githubPreviewAppJobID": job_id, "github_preview_app_job": _public_job(job)}


def _public_job(row: Row | None) -> Row | None:
    return None if row is None else job_view(row)


def _preview_app_request(context: RequestContext, payload: Row) -> PreviewAppRequest:
    options = payload["projectOptions"]
    name = validate_name(options["name"])
    plan = validate_placement(options["cloud"], options["region"], options.get("plan"))
    env = env_from_pairs(options.get("envVars"))
    holder = context.store.row("SELECT owner_id FROM projects WHERE name = ?", (name,))
    if holder is not None and holder["owner_id"] != context.owner_id:
        # The same user's app of that name is replaced; someone else's is not ours to touch.
        raise NameTaken(f"the project name {name!r} is already taken; choose another name")
    return PreviewAppRequest(
        owner_id=context.owner_id,
        name=name,
        cloud=options["cloud"],
        region=options["region"],
        plan=plan,
        env=env,
        repo=dict(payload["githubRepoDetails"]),
        token_accepted=github_token_accepted(payload["githubPersonalAccessToken"]),
    )


OBJECT_TYPES = [mutation, env_query]
