"""Who owns a project, what its plan allows, where it runs: users, owner, entitlements,
collaborators, region_info, metrics_fqdn and nat_ips(path); and the console's documents."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from emulator_helpers import Gql, create_tenant, unique_name
from paths import REAL_CLIENTS

from hasura_cloud_magic.emulator import RunningEmulator

PROJECT = """
query($p: uuid!) {
  projects_by_pk(id: $p) {
    owner_id owner { id email enterprise_user { is_active } }
    plan_name entitlements { id entitlement { type config_is_enabled } }
    collaborators { id collaborator { id } }
  }
}
"""


def project_of(gql: Gql, project_id: str) -> dict[str, Any]:
    project: dict[str, Any] = gql.data(PROJECT, p=project_id)["projects_by_pk"]
    return project


def test_users_is_the_tokens_own_user_only(gql: Gql, other_gql: Gql) -> None:
    mine = gql.data("{ users { id email enterprise_user { is_active } } }")["users"]
    theirs = other_gql.data("{ users { id email } }")["users"]
    assert len(mine) == 1 and len(theirs) == 1
    assert mine[0]["id"] != theirs[0]["id"]
    assert mine[0]["email"] == f"user-{uuid.UUID(mine[0]['id']).hex[:8]}@emulator.invalid"
    assert mine[0]["enterprise_user"] is None
    assert gql.data("{ users(offset: 1) { id } }")["users"] == []
    assert gql.data("{ users(limit: 0) { id } }")["users"] == []


def test_owner_is_the_creating_user(gql: Gql) -> None:
    project_id = create_tenant(gql)["tenant"]["project_id"]
    project = project_of(gql, project_id)
    [me] = gql.data("{ users { id email enterprise_user { is_active } } }")["users"]
    assert project["owner"] == me
    assert project["owner"]["id"] == project["owner_id"]


@pytest.mark.parametrize("plan", ["cloud_free", "cloud_payg", "cloud_free_v2"])
def test_entitlements_follow_the_plan(gql: Gql, plan: str) -> None:
    first = project_of(gql, create_tenant(gql, plan=plan)["tenant"]["project_id"])
    second = project_of(gql, create_tenant(gql, plan=plan)["tenant"]["project_id"])
    entitlements = first["entitlements"]
    types = {e["entitlement"]["type"] for e in entitlements}
    assert len(types) == len(entitlements)
    assert all(e["entitlement"]["config_is_enabled"] is True for e in entitlements)
    # The id names (plan, type), so it is the same for every project on the plan.
    assert entitlements == second["entitlements"]
    if plan == "cloud_free":
        assert {"db_limit", "collaborator_limit"} <= types
        assert "read_replicas" not in types
    else:
        assert {"read_replicas", "apm_integration_prometheus", "gql_allow_lists"} <= types


def test_paid_plans_have_more_entitlements_and_ids_differ_by_plan(gql: Gql) -> None:
    free = project_of(gql, create_tenant(gql, plan="cloud_free")["tenant"]["project_id"])
    paid = project_of(gql, create_tenant(gql, plan="cloud_payg")["tenant"]["project_id"])
    assert len(paid["entitlements"]) > len(free["entitlements"])
    assert not {e["id"] for e in free["entitlements"]} & {e["id"] for e in paid["entitlements"]}
    window = gql.data(
        "query($p: uuid!) { projects_by_pk(id: $p) { entitlements(limit: 2, offset: 1) { id } } }",
        p=create_tenant(gql, plan="cloud_payg")["tenant"]["project_id"],
    )["projects_by_pk"]["entitlements"]
    assert window == [{"id": e["id"]} for e in paid["entitlements"][1:3]]


def test_collaborators_are_empty(gql: Gql) -> None:
    project = project_of(gql, create_tenant(gql)["tenant"]["project_id"])
    assert project["collaborators"] == []


def test_region_info_metrics_fqdn_and_nat_ips_path(gql: Gql) -> None:
    created = create_tenant(gql, cloud="gcp", region="europe-west1")
    tenant = gql.data(
        "query($t: uuid!) { tenant_by_pk(id: $t) { region_info { name cloud is_active nat_ip "
        'nat_ips metrics_fqdn second: nat_ips(path: "$[1]") missing: nat_ips(path: "$[5]") } } }',
        t=created["id"],
    )["tenant_by_pk"]
    info = tenant["region_info"]
    assert (info["name"], info["cloud"], info["is_active"]) == ("europe-west1", "gcp", True)
    assert info["nat_ips"] == [info["nat_ip"], info["second"]]
    assert info["missing"] is None
    assert info["metrics_fqdn"] == "metrics-europe-west1.gcp.hasura.app"
    regions = gql.data(
        '{ region(where: {name: {_in: ["us-east-2", "australia-southeast1"]}}, '
        'order_by: {name: asc}) { name metrics_fqdn nat_ips first: nat_ips(path: "$[0]") } }'
    )["region"]
    assert regions == [
        {
            "name": "australia-southeast1",
            "metrics_fqdn": "metrics-australia-southeast1.gcp.hasura.app",
            "nat_ips": None,
            "first": None,
        },
        {
            "name": "us-east-2",
            "metrics_fqdn": "metrics-us-east-2.aws.hasura.app",
            "nat_ips": ["192.0.2.20", "192.0.2.21"],
            "first": "192.0.2.20",
        },
    ]


def test_tenant_filter_on_maintenance_mode(emu: RunningEmulator, gql: Gql) -> None:
    prefix = unique_name("mm")
    locked, free = create_tenant(gql, name=f"{prefix}-a"), create_tenant(gql, name=f"{prefix}-b")
    emu.admin.set_state(locked["name"], maintenance=True)
    try:
        found = gql.data(
            "query($n: String!) { "
            "on: tenant(where: {slug: {_like: $n}, maintenance_mode: {_eq: true}}) { id } "
            "off: tenant(where: {slug: {_like: $n}, maintenance_mode: {_eq: false}}) { id } "
            "projects(where: {name: {_like: $n}, tenant: {maintenance_mode: {_eq: true}}}) "
            "{ name } }",
            n=f"{prefix}-%",
        )
    finally:
        emu.admin.set_state(locked["name"], maintenance=False)
    assert found == {
        "on": [{"id": locked["id"]}],
        "off": [{"id": free["id"]}],
        "projects": [{"name": locked["name"]}],
    }


# ---------------------------------------------------------------- the console's documents


def console(name: str) -> str:
    return (REAL_CLIENTS / f"console_{name}.graphql").read_text()


def test_console_documents_execute(gql: Gql) -> None:
    created = create_tenant(
        gql, plan="cloud_payg", envs=[{"key": "PG_DATABASE_URL", "value": "postgres://db.x/app"}]
    )
    tenant_id, project_id = created["id"], created["tenant"]["project_id"]
    info = gql.data(console("project_info"), id=project_id)
    assert info["users"][0]["id"] == info["projects_by_pk"]["owner"]["id"]
    assert info["projects_by_pk"]["name"] == created["name"]
    assert info["projects_by_pk"]["collaborators"] == []
    assert info["projects_by_pk"]["tenant"]["region_info"]["metrics_fqdn"] == (
        "metrics-us-east-2.aws.hasura.app"
    )
    assert info["projects_by_pk"]["plan_name"] == "cloud_payg"
    entitlements = gql.data(console("project_entitlements"), id=project_id)["projects_by_pk"]
    assert entitlements["entitlements"]
    live = gql.data(console("config_status"), tenantId=tenant_id)["config_status"]
    env_hash = gql.data("query($t: uuid!) { getTenantEnv(tenantId: $t) { hash } }", t=tenant_id)
    assert live == [{"hash": env_hash["getTenantEnv"]["hash"], "message": None}] * 2
    job_id = gql.data(console("check_db_latency"), project_id=project_id)["checkDBLatency"][
        "db_latency_job_id"
    ]
    job = gql.data(console("fetch_job"), id=job_id)["jobs_by_pk"]  # step 0: done at once
    assert job["status"] == "success"
    [check] = job["tasks"]
    events = {e["event_type"]: e for e in check["task_events"]}
    assert set(events) == {"created", "success"}
    pg = events["success"]["public_event_data"]["sources"]["pg"]
    assert pg["connection_source"] == "PG_DATABASE_URL" and pg["error"] is None
    assert re.fullmatch(r"\d+\.\d", str(pg["avg_latency"]))
