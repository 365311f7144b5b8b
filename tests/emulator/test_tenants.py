"""createTenant, env vars with hash chaining, rename, delete, regions and list queries."""

from __future__ import annotations

import re
from typing import Any

import pytest
from emulator_helpers import Gql, create_tenant, unique_name

GET_ENV = "query($t: uuid!) { getTenantEnv(tenantId: $t) { hash envVars } }"
UPDATE_ENV = """
mutation($t: uuid!, $h: String!, $envs: [UpdateEnvObject!]!) {
  updateTenantEnv(tenantId: $t, currentHash: $h, envs: $envs) { hash envVars }
}
"""
DELETE_ENV = """
mutation($t: uuid!, $h: String!, $keys: [String!]!) {
  deleteTenantEnv(tenantId: $t, currentHash: $h, deleteEnvs: $keys) { hash envVars }
}
"""
TENANT_DETAILS = """
query($t: uuid!) {
  tenant_by_pk(id: $t) {
    id slug cloud region fqdn active maintenance_mode major_version project_id
    health_status project { id name endpoint plan_name owner_id tenant { id } }
  }
}
"""


def env_of(gql: Gql, tenant_id: str) -> dict[str, Any]:
    result: dict[str, Any] = gql.data(GET_ENV, t=tenant_id)["getTenantEnv"]
    return result


def test_create_tenant_with_a_name(gql: Gql) -> None:
    name = unique_name()
    created = create_tenant(
        gql, name=name, region="eu-central-1", plan="cloud_payg", envs=[{"key": "A", "value": "1"}]
    )
    assert created["name"] == name
    tenant = gql.data(TENANT_DETAILS, t=created["id"])["tenant_by_pk"]
    assert tenant["id"] == created["id"] != tenant["project_id"]
    assert (tenant["slug"], tenant["fqdn"]) == (name, f"{name}.hasura.app")
    assert (tenant["cloud"], tenant["region"]) == ("aws", "eu-central-1")
    assert tenant["active"] is True and tenant["maintenance_mode"] is False
    assert tenant["major_version"] == 2
    assert tenant["health_status"] == {"status": "healthy"}
    project = tenant["project"]
    assert project["endpoint"] == f"https://{name}.hasura.app"
    assert project["plan_name"] == "cloud_payg"
    assert project["tenant"] == {"id": created["id"]}
    environment = env_of(gql, created["id"])["envVars"]["environment"]
    assert environment["A"] == "1"
    assert {"HASURA_GRAPHQL_ADMIN_SECRET", "HASURA_GRAPHQL_METADATA_DATABASE_URL"} <= set(
        environment
    )


def test_create_tenant_generates_a_name_and_defaults_the_plan(gql: Gql) -> None:
    created = create_tenant(gql)
    assert re.fullmatch(r"[a-z]+-[a-z]+-\d\d", created["name"])
    plan = gql.data(
        "query($t: uuid!) { tenant_by_pk(id: $t) { project { plan_name } } }", t=created["id"]
    )
    assert plan["tenant_by_pk"]["project"]["plan_name"] == "cloud_free"


@pytest.mark.parametrize(
    ("arguments", "needle"),
    [
        ({"cloud": "azure"}, "unknown cloud 'azure'; available clouds: aws, gcp"),
        ({"region": "mars-1"}, "unknown region 'mars-1' for cloud 'aws'"),
        ({"region": "sa-east-1"}, "inactive region 'sa-east-1'"),
        ({"cloud": "gcp", "region": "us-east-2"}, "unknown region 'us-east-2' for cloud 'gcp'"),
        ({"plan": "gold"}, "unknown plan 'gold'; available plans: cloud_free, cloud_payg"),
        ({"name": "Bad_Name"}, "invalid project name 'Bad_Name'"),
        ({"name": "9lives"}, "invalid project name '9lives'"),
        ({"name": "a" * 51}, "at most 50 characters"),
        ({"envs": [{"key": "1BAD", "value": "x"}]}, "invalid env var name '1BAD'"),
    ],
)
def test_create_tenant_rejects_bad_input(gql: Gql, arguments: dict[str, Any], needle: str) -> None:
    before = len(gql.data("{ projects { id } }")["projects"])
    body = gql.run(
        "mutation($cloud: String!, $region: String!, $name: String, $plan: String, "
        "$envs: [UpdateEnvsObject]) { createTenant(cloud: $cloud, region: $region, name: $name, "
        "plan: $plan, envs: $envs) { id } }",
        **{"cloud": "aws", "region": "us-east-2", **arguments},
    )
    [error] = body["errors"]
    assert needle in error["message"]
    assert error["extensions"] == {"path": "$", "code": "bad-request"}
    assert len(gql.data("{ projects { id } }")["projects"]) == before


def test_create_tenant_rejects_a_taken_name_even_from_another_user(
    gql: Gql, other_gql: Gql
) -> None:
    name = unique_name()
    create_tenant(gql, name=name)
    for client in (gql, other_gql):
        body = client.run(
            'mutation($n: String) { createTenant(cloud: "aws", region: "us-east-2", name: $n) '
            "{ id } }",
            n=name,
        )
        assert body["errors"][0]["extensions"]["code"] == "constraint-violation"
        assert name in body["errors"][0]["message"]


def test_env_update_and_delete_chain_hashes(gql: Gql) -> None:
    tenant_id = create_tenant(gql)["id"]
    first = env_of(gql, tenant_id)
    assert re.fullmatch(r"[0-9a-f]{40}", first["hash"])
    updated = gql.data(
        UPDATE_ENV, t=tenant_id, h=first["hash"], envs=[{"key": "PG_URL", "value": "postgres://x"}]
    )["updateTenantEnv"]
    assert updated["hash"] != first["hash"]
    assert updated["envVars"]["environment"]["PG_URL"] == "postgres://x"
    # Keys not mentioned are kept (merge, not replace).
    assert set(first["envVars"]["environment"]) < set(updated["envVars"]["environment"])
    assert env_of(gql, tenant_id) == updated
    deleted = gql.data(DELETE_ENV, t=tenant_id, h=updated["hash"], keys=["PG_URL"])
    after = deleted["deleteTenantEnv"]
    assert "PG_URL" not in after["envVars"]["environment"]
    assert after == env_of(gql, tenant_id)
    # The hash is a function of the content: back to the first env, back to the first hash.
    assert after["hash"] == first["hash"]


def test_stale_hash_changes_nothing(gql: Gql) -> None:
    tenant_id = create_tenant(gql)["id"]
    stale = env_of(gql, tenant_id)["hash"]
    gql.data(UPDATE_ENV, t=tenant_id, h=stale, envs=[{"key": "A", "value": "1"}])
    current = env_of(gql, tenant_id)
    for query, variables in [
        (UPDATE_ENV, {"envs": [{"key": "B", "value": "2"}]}),
        (DELETE_ENV, {"keys": ["A"]}),
    ]:
        error = gql.error(query, t=tenant_id, h=stale, **variables)
        assert "hash" in error["message"]
        assert error["extensions"] == {"path": "$", "code": "unexpected"}
    assert env_of(gql, tenant_id) == current


def test_protected_key_is_refused_with_the_real_message(gql: Gql) -> None:
    tenant_id = create_tenant(gql)["id"]
    before = env_of(gql, tenant_id)
    key = "HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE"
    error = gql.error(UPDATE_ENV, t=tenant_id, h=before["hash"], envs=[{"key": key, "value": "x"}])
    assert error["message"] == (
        '{"location":"","message":"failed to process env update for '
        f'{key} failed with variable {key} can not be updated on major version 2"}}'
    )
    metadata_key = "HASURA_GRAPHQL_METADATA_DATABASE_URL"
    refused = gql.error(DELETE_ENV, t=tenant_id, h=before["hash"], keys=[metadata_key])
    assert metadata_key in refused["message"]
    assert env_of(gql, tenant_id) == before


def test_noop_update_and_absent_key_delete_are_errors(gql: Gql) -> None:
    tenant_id = create_tenant(gql, envs=[{"key": "A", "value": "1"}])["id"]
    current = env_of(gql, tenant_id)
    noop = gql.error(UPDATE_ENV, t=tenant_id, h=current["hash"], envs=[{"key": "A", "value": "1"}])
    assert noop["message"].startswith("no changes")
    absent = gql.error(DELETE_ENV, t=tenant_id, h=current["hash"], keys=["A", "NOPE"])
    assert "NOPE" in absent["message"]
    # All or nothing: A was not deleted either.
    assert env_of(gql, tenant_id) == current


def test_env_of_unknown_tenant_is_not_found(gql: Gql) -> None:
    error = gql.error(GET_ENV, t="00000000-0000-4000-8000-000000000000")
    assert error["extensions"] == {"path": "$", "code": "not-found"}


def test_delete_tenant_removes_project_tenant_and_env(gql: Gql) -> None:
    created = create_tenant(gql)
    tenant_id, project_id = created["id"], created["tenant"]["project_id"]
    result = gql.data("mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }", t=tenant_id)
    assert result == {"deleteTenant": {"status": "deleted"}}
    gone = gql.data(
        "query($p: uuid!, $t: uuid!) { projects_by_pk(id: $p) { id } tenant_by_pk(id: $t) { id } "
        "projects(where: {id: {_eq: $p}}) { id } }",
        p=project_id,
        t=tenant_id,
    )
    assert gone == {"projects_by_pk": None, "tenant_by_pk": None, "projects": []}
    assert gql.error(GET_ENV, t=tenant_id)["extensions"]["code"] == "not-found"
    again = gql.error("mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }", t=tenant_id)
    assert again["message"] == f"tenant {tenant_id} not found"


def test_update_tenant_name(gql: Gql) -> None:
    created = create_tenant(gql)
    new_name = unique_name("renamed")
    renamed = gql.data(
        "mutation($t: uuid!, $n: String!) { updateTenantName(tenantId: $t, name: $n) "
        "{ tenant_id tenant { slug fqdn project { name endpoint } } } }",
        t=created["id"],
        n=new_name,
    )["updateTenantName"]
    assert renamed == {
        "tenant_id": created["id"],
        "tenant": {
            "slug": new_name,
            "fqdn": f"{new_name}.hasura.app",
            "project": {"name": new_name, "endpoint": f"https://{new_name}.hasura.app"},
        },
    }
    taken = create_tenant(gql)["name"]
    clash = gql.error(
        "mutation($t: uuid!, $n: String!) { updateTenantName(tenantId: $t, name: $n) "
        "{ tenant_id } }",
        t=created["id"],
        n=taken,
    )
    assert clash["extensions"]["code"] == "constraint-violation"


def test_projects_filters_order_and_window(gql: Gql) -> None:
    prefix = unique_name("list")
    for suffix, region in [("b", "us-east-2"), ("a", "eu-west-1"), ("c", "us-east-2")]:
        create_tenant(gql, name=f"{prefix}-{suffix}", region=region)
    like = {"_like": f"{prefix}-%"}
    ordered = gql.data(
        "query($n: String_comparison_exp) { projects(where: {name: $n}, "
        "order_by: [{name: desc}], limit: 2, offset: 1) { name } }",
        n=like,
    )
    assert [p["name"] for p in ordered["projects"]] == [f"{prefix}-b", f"{prefix}-a"]
    by_tenant = gql.data(
        "query($n: String!) { projects(where: {_and: [{name: {_like: $n}}, "
        '{tenant: {region: {_eq: "us-east-2"}}}]}, order_by: {name: asc}) { name } }',
        n=f"{prefix}-%",
    )
    assert [p["name"] for p in by_tenant["projects"]] == [f"{prefix}-b", f"{prefix}-c"]
    tenants = gql.data(
        'query($n: String!) { tenant(where: {slug: {_like: $n}, region: {_neq: "us-east-2"}}) '
        "{ slug project { name } } }",
        n=f"{prefix}-%",
    )
    assert tenants["tenant"] == [{"slug": f"{prefix}-a", "project": {"name": f"{prefix}-a"}}]


def test_regions(gql: Gql) -> None:
    every = gql.data("{ region { name cloud is_active nat_ip nat_ips } }")["region"]
    assert {r["cloud"] for r in every} == {"aws", "gcp"}
    assert any(not r["is_active"] for r in every)
    for region in every:
        if region["nat_ip"] is not None:
            assert region["nat_ip"].startswith(("192.0.2.", "198.51.100.", "203.0.113."))
            assert region["nat_ips"][0] == region["nat_ip"]
    # The terraform provider's gateway-IP query.
    gateways = gql.data(
        "{ region(where: {is_active: {_eq: true}, nat_ip: {_is_null: false}}) { nat_ip } }"
    )["region"]
    expected = [r for r in every if r["is_active"] and r["nat_ip"] is not None]
    assert [g["nat_ip"] for g in gateways] == [r["nat_ip"] for r in expected]
    assert len(expected) < len([r for r in every if r["is_active"]])
    gcp = gql.data(
        "{ region(where: {cloud: {_eq: gcp}, is_active: {_eq: true}}, order_by: {name: desc}) "
        "{ name cloud } }"
    )["region"]
    assert {r["cloud"] for r in gcp} == {"gcp"}
    assert [r["name"] for r in gcp] == sorted((r["name"] for r in gcp), reverse=True)
    assert "asia-south1" not in [r["name"] for r in gcp]
