"""The client's operation files, and every field of the schema, against the emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from emulator_helpers import Gql, unique_name
from graphql import (
    FragmentDefinitionNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    get_named_type,
    parse,
    print_ast,
)

from hasura_cloud_magic.emulator import RunningEmulator
from hasura_cloud_magic.emulator.schema_source import schema_path

QUERIES = schema_path().parent
if not (QUERIES / "createTenant.graphql").exists():  # the installed copy has no operations
    QUERIES = Path(__file__).resolve().parents[2] / "queries" / "cloud"


def operation(name: str) -> str:
    """An operation file plus exactly the fragments it spreads (unused ones fail validation)."""
    text = (QUERIES / f"{name}.graphql").read_text()
    fragments = parse((QUERIES / "fragments.graphql").read_text()).definitions
    used = [
        fragment
        for fragment in fragments
        if isinstance(fragment, FragmentDefinitionNode) and f"...{fragment.name.value}" in text
    ]
    return text + "\n" + "\n".join(print_ast(fragment) for fragment in used)


def test_every_operation_file_works(gql: Gql) -> None:
    name = unique_name("ops")
    created = gql.data(
        operation("createTenant"),
        cloud="aws",
        region="us-east-2",
        name=name,
        plan="cloud_payg",
        envs=[{"key": "A", "value": "1"}],
    )["createTenant"]
    tenant_id = created["id"]
    details = gql.data(operation("getTenantDetails"), id=tenant_id)["tenant_by_pk"]
    project_id = details["project"]["id"]
    assert details["project"]["plan_name"] == "cloud_payg"
    by_id = gql.data(operation("getProjectTenantId"), id=project_id)["projects_by_pk"]
    assert by_id["tenant"]["id"] == tenant_id
    assert gql.data(operation("getProjectByName"), name=name)["projects"] == [by_id]
    listed = gql.data(operation("listProjects"), name={"_like": "ops-%"})["projects"]
    assert by_id in listed
    assert [p["name"] for p in listed] == sorted(p["name"] for p in listed)
    env = gql.data(operation("getTenantEnv"), tenantId=tenant_id)["getTenantEnv"]
    env = gql.data(
        operation("updateTenantEnv"),
        tenantId=tenant_id,
        currentHash=env["hash"],
        envs=[{"key": "B", "value": "2"}],
    )["updateTenantEnv"]
    env = gql.data(
        operation("deleteTenantEnv"), tenantId=tenant_id, currentHash=env["hash"], deleteEnvs=["A"]
    )["deleteTenantEnv"]
    assert {"B"} <= set(env["envVars"]["environment"]) and "A" not in env["envVars"]["environment"]
    renamed = gql.data(operation("updateTenantName"), tenantId=tenant_id, name=name + "-x")
    assert renamed["updateTenantName"]["tenant"]["project"]["name"] == name + "-x"
    regions = gql.data(operation("listRegions"), cloud={"_eq": "gcp"})["region"]
    assert regions and all(r["cloud"] == "gcp" and r["is_active"] for r in regions)
    deleted = gql.data(operation("deleteTenant"), tenantId=tenant_id)
    assert deleted == {"deleteTenant": {"status": "deleted"}}


def test_preview_app_operation_files_work(gql: Gql) -> None:
    payload = {
        "githubPersonalAccessToken": "github_pat_example",
        "githubRepoDetails": {"branch": "main", "directory": "", "owner": "o", "repo": "r"},
        "projectOptions": {"cloud": "gcp", "region": "us-central1", "name": unique_name("pv")},
    }
    created = gql.data(operation("createGitHubPreviewApp"), payload=payload)
    job_id = created["createGitHubPreviewApp"]["githubPreviewAppJobID"]
    creation = gql.data(operation("getPreviewAppCreationStatus"), jobId=job_id)["jobs_by_pk"]
    assert creation["status"] == "success"
    success = creation["tasks"][0]["task_events"][0]
    deployment_id = success["public_event_data"]["githubDeploymentJobID"]
    deployment = gql.data(operation("getDeploymentJobStatus"), jobId=deployment_id)["jobs_by_pk"]
    assert deployment["status"] == "success"
    assert deployment["tasks"][-1]["name"] == "check-healthz"
    assert deployment["tasks"][-1]["task_events"][0]["github_detail"]


# ---------------------------------------------------------------- every field


def selection(schema: GraphQLSchema, type_name: str, depth: int) -> str:
    """Every field of an object type, recursing into object fields ``depth`` levels deep."""
    object_type = schema.type_map[type_name]
    assert isinstance(object_type, GraphQLObjectType)
    parts = []
    for field_name, field in object_type.fields.items():
        named = get_named_type(field.type)
        if not isinstance(named, GraphQLObjectType):
            parts.append(field_name)
        elif depth > 0:
            parts.append(f"{field_name} {{ {selection(schema, named.name, depth - 1)} }}")
    return " ".join(parts)


def returns(schema: GraphQLSchema, root: GraphQLObjectType, field: str) -> str:
    field_type: Any = root.fields[field].type
    while isinstance(field_type, (GraphQLNonNull, GraphQLList)):
        field_type = field_type.of_type
    return str(field_type.name)


def test_every_field_of_the_schema_resolves(gql: Gql) -> None:
    schema = build_schema(schema_path().read_text())
    mutation, query = schema.mutation_type, schema.query_type
    assert mutation is not None and query is not None

    def everything(root: GraphQLObjectType, field: str) -> str:
        return selection(schema, returns(schema, root, field), 4)

    name = unique_name("all")
    created = gql.data(
        f'mutation {{ createTenant(cloud: "aws", region: "us-east-1", name: "{name}") '
        f"{{ {everything(mutation, 'createTenant')} }} }}"
    )["createTenant"]
    payload = (
        '{githubPersonalAccessToken: "ghs_x", githubRepoDetails: {branch: "b", directory: "d", '
        f'owner: "o", repo: "r"}}, projectOptions: {{cloud: "aws", region: "us-east-1", '
        f'name: "{name}-pv", plan: "cloud_free_v2", envVars: [{{key: "K", value: "v"}}]}}}}'
    )
    preview = gql.data(
        f"mutation {{ createGitHubPreviewApp(payload: {payload}) "
        f"{{ {everything(mutation, 'createGitHubPreviewApp')} }} }}"
    )["createGitHubPreviewApp"]
    job_id = preview["githubPreviewAppJobID"]
    tenant_id = created["id"]
    data = gql.data(
        "query($t: uuid!, $j: uuid!, $p: uuid!) { "
        f"projects {{ {everything(query, 'projects')} }} "
        f"projects_by_pk(id: $p) {{ {everything(query, 'projects_by_pk')} }} "
        f"tenant {{ {everything(query, 'tenant')} }} "
        f"tenant_by_pk(id: $t) {{ {everything(query, 'tenant_by_pk')} }} "
        f"jobs_by_pk(id: $j) {{ {everything(query, 'jobs_by_pk')} }} "
        f"region {{ {everything(query, 'region')} }} "
        f"getTenantEnv(tenantId: $t) {{ {everything(query, 'getTenantEnv')} }} "
        f"users {{ {everything(query, 'users')} }} "
        f"config_status {{ {everything(query, 'config_status')} }} "
        f"tenant_public_status {{ {everything(query, 'tenant_public_status')} }} }}",
        t=tenant_id,
        j=job_id,
        p=created["tenant"]["project_id"],
    )
    assert data["jobs_by_pk"]["tasks"][0]["task_events"][0]["task"]["job"]["id"] == job_id
    assert data["tenant_by_pk"]["project"]["tenant"]["id"] == tenant_id
    assert data["tenant_by_pk"]["config"]["tenant"]["region_info"]["metrics_fqdn"]
    project_actions = gql.data(
        "mutation($p: uuid!) { "
        f"checkDBLatency(project_id: $p) {{ {everything(mutation, 'checkDBLatency')} }} "
        "reactivateSuspendedProject(projectId: $p) "
        f"{{ {everything(mutation, 'reactivateSuspendedProject')} }} }}",
        p=created["tenant"]["project_id"],
    )
    assert project_actions["reactivateSuspendedProject"]["success"] is False
    env = data["getTenantEnv"]
    renamed = gql.data(
        f'mutation($t: uuid!) {{ updateTenantName(tenantId: $t, name: "{name}-2") '
        f"{{ {everything(mutation, 'updateTenantName')} }} "
        f'updateTenantEnv(tenantId: $t, currentHash: "{env["hash"]}", '
        f'envs: [{{key: "X", value: "y"}}]) {{ {everything(mutation, "updateTenantEnv")} }} }}',
        t=tenant_id,
    )
    assert renamed["updateTenantName"]["tenant"]["slug"] == f"{name}-2"
    after = renamed["updateTenantEnv"]
    final = gql.data(
        f'mutation($t: uuid!) {{ deleteTenantEnv(tenantId: $t, currentHash: "{after["hash"]}", '
        f'deleteEnvs: ["X"]) {{ {everything(mutation, "deleteTenantEnv")} }} '
        f"deleteTenant(tenantId: $t) {{ {everything(mutation, 'deleteTenant')} }} }}",
        t=tenant_id,
    )
    assert final["deleteTenant"] == {"status": "deleted"}


def test_every_field_of_the_team_and_domain_roots_resolves(emu: RunningEmulator, gql: Gql) -> None:
    schema = build_schema(schema_path().read_text())
    mutation, query = schema.mutation_type, schema.query_type
    assert mutation is not None and query is not None

    def everything(root: GraphQLObjectType, field: str) -> str:
        return selection(schema, returns(schema, root, field), 3)

    created = gql.data(
        'mutation { createTenant(cloud: "aws", region: "us-east-1") { id tenant { project_id } } }'
    )["createTenant"]
    tenant_id, project_id = created["id"], created["tenant"]["project_id"]
    fqdn = f"{unique_name('www')}.example.com"
    domain = gql.data(
        "mutation($t: uuid!, $f: String!) { insert_custom_domain_one(object: "
        f"{{tenant_id: $t, fqdn: $f}}) {{ {everything(mutation, 'insert_custom_domain_one')} }} }}",
        t=tenant_id,
        f=fqdn,
    )["insert_custom_domain_one"]
    assert domain["tenant"]["id"] == tenant_id
    teammate = Gql(emu.endpoint, "token-bob")
    try:
        [bob] = teammate.data("{ users { email } }")["users"]
        invite = {
            "collaborator_email": bob["email"],
            "privileges": ["admin"],
            "project_id": project_id,
        }
        gql.data(
            "mutation($i: InviteColloboratorRequest!) { inviteCollaborator(invite: $i) "
            f"{{ {everything(mutation, 'inviteCollaborator')} }} }}",
            i=invite,
        )
        pending = teammate.data(
            f"{{ fetchPendingInvitations {{ {everything(query, 'fetchPendingInvitations')} }} }}"
        )["fetchPendingInvitations"]
        [key] = [p["key"] for p in pending if p["projectID"] == project_id]
        teammate.data("mutation($k: String!) { acceptInvite(inviteKey: $k) { id } }", k=key)
    finally:
        teammate.close()
    data = gql.data(
        "query($d: uuid!) { "
        f"custom_domain {{ {everything(query, 'custom_domain')} }} "
        f"custom_domain_by_pk(id: $d) {{ {everything(query, 'custom_domain_by_pk')} }} "
        f"project_collaborators {{ {everything(query, 'project_collaborators')} }} "
        "project_collaborator_invitations "
        f"{{ {everything(query, 'project_collaborator_invitations')} }} }}",
        d=domain["id"],
    )
    assert data["custom_domain_by_pk"]["fqdn"] == fqdn
    [collaborator] = [c for c in data["project_collaborators"] if c["project_id"] == project_id]
    assert collaborator["collaborator"]["email"] == bob["email"]
    assert (
        collaborator["project_collaborator_privileges"][0]["project_collaborator"]["id"]
        == (collaborator["id"])
    )
    [invitation] = [
        i for i in data["project_collaborator_invitations"] if i["project_id"] == project_id
    ]
    assert invitation["project"]["id"] == project_id and invitation["accepted_at"]
