"""Who may see and do what: owners, admin collaborators, graphql_admin and view_metrics ones,
and strangers, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from emulator_helpers import (
    DELETE_ENV,
    GET_ENV,
    UPDATE_ENV,
    Gql,
    ManualClock,
    create_tenant,
    env_hash_of,
    unique_name,
)
from team_helpers import access_of, join, me, operation, people_of

from hasura_cloud_magic.emulator import RunningEmulator, start

TOKENS = ["token-owner", "token-admin", "token-viewer", "token-grapher", "token-stranger"]
METRICS_HOST = "metrics-us-east-2.aws.hasura.app"
SUMMARY = """
query($p: _uuid) {
  search_summary_metrics(args: {project_ids: $p, from_time: "2023-11-01T00:00:00Z",
                                to_time: "2023-11-14T00:00:00Z"}) { total_requests }
}
"""
RENAME = (
    "mutation($t: uuid!, $n: String!) { updateTenantName(tenantId: $t, name: $n) { tenant_id } }"
)
DELETE = "mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }"
LATENCY = "mutation($p: uuid!) { checkDBLatency(project_id: $p) { db_latency_job_id } }"
REACTIVATE = "mutation($p: uuid!) { reactivateSuspendedProject(projectId: $p) { success } }"
SEES = """
query($p: uuid!, $t: uuid!) {
  projects_by_pk(id: $p) { id name tenant { id health_status custom_domains { fqdn } } }
  tenant_by_pk(id: $t) { id config { hash } tenant_public_status { is_active } }
  projects(where: {id: {_eq: $p}}) { id }
  tenant(where: {id: {_eq: $t}}) { id }
  config_status(where: {tenant_id: {_eq: $t}}) { tenant_id }
  tenant_public_status(where: {tenant_id: {_eq: $t}}) { tenant_id tenant { id } }
}
"""


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningEmulator]:
    # A fixed clock: the Metrics API's invented traffic lies in the 30 days before it.
    with start(step_seconds=0, tokens=TOKENS, clock=ManualClock(1_700_000_000.0)) as running:
        yield running


@pytest.fixture(scope="module")
def clients(emu: RunningEmulator) -> Iterator[dict[str, Gql]]:
    with people_of(emu.endpoint, TOKENS) as made:
        yield made


@pytest.fixture
def team(clients: dict[str, Gql]) -> dict[str, Any]:
    """A fresh project of ``owner`` with an admin, a view_metrics and a graphql_admin
    collaborator (a new project per test, so tests do not see each other's changes)."""
    owner = clients["owner"]
    created = create_tenant(owner, name=unique_name("team"), plan="cloud_payg")
    project_id = created["tenant"]["project_id"]
    ids = {
        "admin": join(owner, clients["admin"], project_id, ["admin"]),
        "viewer": join(owner, clients["viewer"], project_id, ["view_metrics"]),
        "grapher": join(owner, clients["grapher"], project_id, ["graphql_admin"]),
    }
    return {"tenant_id": created["id"], "project_id": project_id, "name": created["name"], **ids}


def denied(gql: Gql, query: str, what: str, name: str, **variables: Any) -> None:
    error = gql.error(query, **variables)
    assert error == {
        "extensions": {"path": "$", "code": "access-denied"},
        "message": f"you need the admin privilege on project {name} to {what}",
    }


def test_every_member_sees_the_project_and_a_stranger_nothing(
    clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    ids = {"p": team["project_id"], "t": team["tenant_id"]}
    for who in ("owner", "admin", "viewer", "grapher"):
        seen = clients[who].data(SEES, **ids)
        assert seen["projects_by_pk"]["name"] == team["name"], who
        assert seen["tenant_by_pk"]["id"] == team["tenant_id"]
        assert seen["projects"] == [{"id": team["project_id"]}]
        assert seen["tenant"] == [{"id": team["tenant_id"]}]
        assert len(seen["config_status"]) >= 2
        assert seen["tenant_public_status"][0]["tenant"] == {"id": team["tenant_id"]}
    stranger = clients["stranger"].data(SEES, **ids)
    assert stranger == {
        "projects_by_pk": None,
        "tenant_by_pk": None,
        "projects": [],
        "tenant": [],
        "config_status": [],
        "tenant_public_status": [],
    }


@pytest.mark.parametrize("who", ["viewer", "grapher"])
def test_a_non_admin_collaborator_cannot_touch_env_name_or_the_project(
    clients: dict[str, Gql], team: dict[str, Any], who: str
) -> None:
    member, owner = clients[who], clients["owner"]
    tenant_id, project_id, name = team["tenant_id"], team["project_id"], team["name"]
    current = env_hash_of(owner, tenant_id)
    denied(member, GET_ENV, "read its env vars", name, t=tenant_id)
    pairs = [{"key": "K", "value": "v"}]
    denied(member, UPDATE_ENV, "change its env vars", name, t=tenant_id, h=current, envs=pairs)
    keys = ["HASURA_GRAPHQL_ADMIN_SECRET"]
    denied(member, DELETE_ENV, "delete its env vars", name, t=tenant_id, h=current, keys=keys)
    denied(member, RENAME, "rename it", name, t=tenant_id, n=unique_name("stolen"))
    denied(member, DELETE, "delete it", name, t=tenant_id)
    denied(member, LATENCY, "check its database latency", name, p=project_id)
    denied(member, REACTIVATE, "reactivate it", name, p=project_id)
    refused = member.error(
        operation("inviteCollaborator"),
        invite={
            "collaborator_email": "x@example.com",
            "privileges": ["admin"],
            "project_id": project_id,
        },
    )
    assert refused["extensions"]["code"] == "access-denied"
    assert (
        refused["message"]
        == f"you need the admin privilege on project {name} to invite collaborators"
    )
    # Nothing changed.
    assert env_hash_of(owner, tenant_id) == current
    assert owner.data(SEES, p=project_id, t=tenant_id)["projects_by_pk"]["name"] == name


def test_a_stranger_gets_not_found_not_access_denied(
    clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    stranger = clients["stranger"]
    error = stranger.error(GET_ENV, t=team["tenant_id"])
    assert error["extensions"]["code"] == "not-found"
    assert error["message"] == f"tenant {team['tenant_id']} not found"
    error = stranger.error(LATENCY, p=team["project_id"])
    assert error["message"] == f"project {team['project_id']} not found"


def test_an_admin_collaborator_can_do_what_the_owner_does(
    clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    admin, tenant_id = clients["admin"], team["tenant_id"]
    env = admin.data(GET_ENV, t=tenant_id)["getTenantEnv"]
    updated = admin.data(UPDATE_ENV, t=tenant_id, h=env["hash"], envs=[{"key": "K", "value": "v"}])
    after = admin.data(DELETE_ENV, t=tenant_id, h=updated["updateTenantEnv"]["hash"], keys=["K"])
    assert "K" not in after["deleteTenantEnv"]["envVars"]["environment"]
    job = admin.data(LATENCY, p=team["project_id"])["checkDBLatency"]["db_latency_job_id"]
    assert admin.data("query($j: uuid!) { jobs_by_pk(id: $j) { id } }", j=job)["jobs_by_pk"]
    assert admin.data(REACTIVATE, p=team["project_id"])["reactivateSuspendedProject"] == {
        "success": False
    }
    new_name = unique_name("renamed")
    admin.data(RENAME, t=tenant_id, n=new_name)
    invitation = admin.data(
        operation("inviteCollaborator"),
        invite={
            "collaborator_email": me(clients["stranger"])["email"],
            "privileges": ["view_metrics"],
            "project_id": team["project_id"],
        },
    )["inviteCollaborator"]
    assert invitation["invited_at"] and invitation["privileges"] == ["view_metrics"]
    assert admin.data(DELETE, t=tenant_id) == {"deleteTenant": {"status": "deleted"}}
    assert clients["owner"].data(SEES, p=team["project_id"], t=tenant_id)["projects"] == []


def test_members_see_collaborators_only_admins_see_invitations(
    clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    owner = clients["owner"]
    owner.data(
        operation("inviteCollaborator"),
        invite={
            "collaborator_email": "later@example.com",
            "privileges": ["graphql_admin"],
            "project_id": team["project_id"],
        },
    )
    for who in ("owner", "admin", "viewer", "grapher"):
        seen = access_of(clients[who], team["project_id"])
        assert seen is not None
        assert seen["owner"] == me(owner)
        collaborators = {c["collaborator"]["email"]: c for c in seen["collaborators"]}
        assert set(collaborators) == {
            me(clients[w])["email"] for w in ("admin", "viewer", "grapher")
        }
        admin_row = collaborators[me(clients["admin"])["email"]]
        assert admin_row["status"] == "active"
        assert admin_row["project_collaborator_privileges"] == [{"privilege_slug": "admin"}]
        emails = [i["collaborator_email"] for i in seen["invitations"]]
        assert emails == (["later@example.com"] if who in ("owner", "admin") else []), who
        invitations = clients[who].data(
            "query($p: uuid!) { project_collaborator_invitations("
            "where: {project_id: {_eq: $p}}) { collaborator_email accepted_at } }",
            p=team["project_id"],
        )["project_collaborator_invitations"]
        # The three accepted ones stay, with accepted_at.
        accepted = [i for i in invitations if i["accepted_at"] is not None]
        assert len(invitations) == (4 if who in ("owner", "admin") else 0), who
        assert len(accepted) == (3 if who in ("owner", "admin") else 0)
    assert access_of(clients["stranger"], team["project_id"]) is None


def _metrics(emu: RunningEmulator, token: str, project_id: str) -> int:
    response = httpx.post(
        emu.endpoint,
        json={"query": SUMMARY, "variables": {"p": f"{{{project_id}}}"}},
        headers={"Host": METRICS_HOST, "Authorization": f"pat {token}"},
        timeout=30,
    )
    body = response.json()
    assert "errors" not in body, body
    total: int = body["data"]["search_summary_metrics"][0]["total_requests"]
    return total


def test_the_metrics_api_needs_view_metrics_or_admin(
    emu: RunningEmulator, team: dict[str, Any]
) -> None:
    project_id = team["project_id"]
    seen = {token: _metrics(emu, token, project_id) for token in TOKENS}
    assert seen["token-owner"] > 0
    assert seen["token-admin"] == seen["token-viewer"] == seen["token-owner"]
    assert seen["token-grapher"] == 0
    assert seen["token-stranger"] == 0


def test_a_collaborator_may_leave_and_then_sees_nothing(
    clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    viewer = clients["viewer"]
    # Someone else's row: no admin, not themself: null.
    other = viewer.data(operation("removeCollaborator"), id=team["grapher"])
    assert other == {"delete_project_collaborators_by_pk": None}
    left = viewer.data(operation("removeCollaborator"), id=team["viewer"])
    assert left["delete_project_collaborators_by_pk"]["id"] == team["viewer"]
    assert access_of(viewer, team["project_id"]) is None
    remaining = access_of(clients["owner"], team["project_id"])
    assert remaining is not None and len(remaining["collaborators"]) == 2


def test_an_admin_removes_a_collaborator_with_their_privileges(
    clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    removed = clients["admin"].data(
        "mutation($id: uuid!) { delete_project_collaborators_by_pk(id: $id) { id "
        "project_collaborator_privileges { privilege_slug } collaborator { email } } }",
        id=team["grapher"],
    )["delete_project_collaborators_by_pk"]
    assert removed["project_collaborator_privileges"] == [{"privilege_slug": "graphql_admin"}]
    assert removed["collaborator"] == {"email": me(clients["grapher"])["email"]}
    left = clients["owner"].data(
        "query($id: uuid!) { project_collaborator_privileges: project_collaborators("
        "where: {id: {_eq: $id}}) { id } }",
        id=team["grapher"],
    )
    assert left == {"project_collaborator_privileges": []}
    assert access_of(clients["grapher"], team["project_id"]) is None


def test_deleting_a_project_removes_its_team(
    emu: RunningEmulator, clients: dict[str, Gql], team: dict[str, Any]
) -> None:
    owner = clients["owner"]
    domain = f"{unique_name('api')}.example.com"
    owner.data(operation("addCustomDomain"), tenantId=team["tenant_id"], fqdn=domain)
    owner.data(DELETE, t=team["tenant_id"])
    collaborators = owner.data(
        "query($p: uuid!) { project_collaborators(where: {project_id: {_eq: $p}}) { id } "
        "project_collaborator_invitations(where: {project_id: {_eq: $p}}) { id } }",
        p=team["project_id"],
    )
    assert collaborators == {"project_collaborators": [], "project_collaborator_invitations": []}
    remaining = owner.data("{ custom_domain { fqdn } }")["custom_domain"]
    assert domain not in [row["fqdn"] for row in remaining]
    # The domain is free again, for anyone.
    other = create_tenant(clients["stranger"])
    added = clients["stranger"].data(
        operation("addCustomDomain"), tenantId=other["id"], fqdn=domain
    )
    assert added["insert_custom_domain_one"]["fqdn"] == domain
