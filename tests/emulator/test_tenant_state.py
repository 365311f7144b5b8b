"""Tenant state: maintenance mode, hibernated/suspended projects, reactivation, the state
controls (``emu.admin``), and what health_status and tenant_public_status say."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from emulator_helpers import (
    DELETE_ENV,
    GET_ENV,
    UPDATE_ENV,
    Gql,
    ManualClock,
    create_preview_app,
    create_tenant,
    env_hash_of,
    job_of,
    set_env,
)

from hasura_cloud_magic.emulator import RunningEmulator, start

STATUS = """
query($t: uuid!) {
  tenant_by_pk(id: $t) {
    slug active active_status_reason maintenance_mode health_status
    tenant_public_status { endpoint type is_active message tenant_id updated_at }
  }
}
"""
REACTIVATE = """
mutation($p: uuid!) {
  reactivateSuspendedProject(projectId: $p) { projectId success project { id name } }
}
"""
CHECK = "mutation($p: uuid!) { checkDBLatency(project_id: $p) { db_latency_job_id } }"
DELETE_TENANT = "mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }"


def status_of(gql: Gql, tenant_id: str) -> dict[str, Any]:
    tenant: dict[str, Any] = gql.data(STATUS, t=tenant_id)["tenant_by_pk"]
    return tenant


def maintenance_message(name: str) -> str:
    return (
        f"project {name} is in maintenance mode; env vars, plan, region and deletion are "
        "locked until maintenance ends"
    )


# ---------------------------------------------------------------- the state controls


def test_a_new_project_is_active_up_and_unlocked(emu: RunningEmulator, gql: Gql) -> None:
    created = create_tenant(gql)
    assert emu.admin.state(created["name"]) == {
        "name": created["name"],
        "active": True,
        "active_status_reason": None,
        "maintenance_mode": False,
        "endpoint": "up",
    }
    tenant = status_of(gql, created["id"])
    assert tenant["health_status"] == {"status": "healthy"}
    assert tenant["tenant_public_status"] == [
        {
            "endpoint": f"https://{created['name']}.hasura.app/v1/graphql",
            "type": "graphql",
            "is_active": True,
            "message": None,
            "tenant_id": created["id"],
            "updated_at": tenant["tenant_public_status"][0]["updated_at"],
        }
    ]


def test_hibernate_suspend_and_set_state(emu: RunningEmulator, gql: Gql) -> None:
    name = create_tenant(gql)["name"]
    assert emu.admin.hibernate(name)["active_status_reason"] == "hibernated"
    suspended = emu.admin.suspend(name)
    assert (suspended["active"], suspended["active_status_reason"]) == (False, "suspended")
    assert emu.admin.suspend(name, reason="billing")["active_status_reason"] == "billing"
    woken = emu.admin.set_state(name, active=True)
    assert (woken["active"], woken["active_status_reason"]) == (True, None)
    assert emu.admin.set_state(name, active=False)["active_status_reason"] == "hibernated"
    both = emu.admin.set_state(name, active=True, maintenance=True, endpoint="down")
    assert both == {
        "name": name,
        "active": True,
        "active_status_reason": None,
        "maintenance_mode": True,
        "endpoint": "down",
    }
    assert emu.admin.state(name) == both


def test_state_controls_find_any_users_project(emu: RunningEmulator, other_gql: Gql) -> None:
    name = create_tenant(other_gql)["name"]
    assert emu.admin.set_state(name, endpoint="hang")["endpoint"] == "hang"


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        ({"endpoint": "sideways"}, "endpoint must be one of up, down, hang"),
        ({"active": True, "reason": "suspended"}, "cannot go with active=True"),
        ({"reason": "suspended"}, "a reason needs active=False"),
        ({"maintenance": "yes"}, "maintenance must be true or false"),
        ({"active": 1}, "active must be true or false"),
        ({"active": False, "reason": ""}, "reason must be a non-empty line"),
        ({"active": False, "reason": "two\nlines"}, "reason must be a non-empty line"),
    ],
)
def test_bad_changes_raise_value_error_and_change_nothing(
    emu: RunningEmulator, gql: Gql, changes: dict[str, Any], needle: str
) -> None:
    name = create_tenant(gql)["name"]
    before = emu.admin.state(name)
    with pytest.raises(ValueError, match=needle):
        # The valid changes given alongside are not applied either.
        emu.admin.set_state(name, **{"maintenance": True, "endpoint": "down", **changes})
    assert emu.admin.state(name) == before


def test_unknown_project_is_a_lookup_error_of_one_line(emu: RunningEmulator) -> None:
    for call in (
        lambda: emu.admin.state("no-such-project"),
        lambda: emu.admin.set_state("no-such-project", maintenance=True),
        lambda: emu.admin.hibernate("no-such-project"),
    ):
        with pytest.raises(LookupError) as raised:
            call()
        assert str(raised.value) == "no project named 'no-such-project'"


# ---------------------------------------------------------------- maintenance mode


@pytest.fixture
def locked(emu: RunningEmulator, gql: Gql) -> Iterator[dict[str, Any]]:
    """A project in maintenance mode (released after the test)."""
    created = create_tenant(gql, envs=[{"key": "A", "value": "1"}])
    emu.admin.set_state(created["name"], maintenance=True)
    yield created
    emu.admin.set_state(created["name"], maintenance=False)


def test_maintenance_refuses_env_writes_and_deletion(gql: Gql, locked: dict[str, Any]) -> None:
    tenant_id, name = locked["id"], locked["name"]
    before = gql.data(GET_ENV, t=tenant_id)["getTenantEnv"]
    expected = {
        "extensions": {"path": "$", "code": "unexpected"},
        "message": maintenance_message(name),
    }
    attempts = [
        (UPDATE_ENV, {"t": tenant_id, "h": before["hash"], "envs": [{"key": "B", "value": "2"}]}),
        (DELETE_ENV, {"t": tenant_id, "h": before["hash"], "keys": ["A"]}),
        (DELETE_TENANT, {"t": tenant_id}),
    ]
    for query, variables in attempts:
        assert gql.error(query, **variables) == expected
    assert gql.data(GET_ENV, t=tenant_id)["getTenantEnv"] == before
    assert status_of(gql, tenant_id)["slug"] == name


def test_maintenance_allows_reads_rename_and_latency_checks(
    gql: Gql, locked: dict[str, Any]
) -> None:
    tenant = status_of(gql, locked["id"])
    assert tenant["maintenance_mode"] is True
    assert tenant["health_status"] == {"status": "maintenance"}
    assert tenant["tenant_public_status"][0]["is_active"] is True  # it still serves
    renamed = gql.data(
        "mutation($t: uuid!, $n: String!) { updateTenantName(tenantId: $t, name: $n) "
        "{ tenant { slug } } }",
        t=locked["id"],
        n=locked["name"],
    )
    assert renamed["updateTenantName"]["tenant"]["slug"] == locked["name"]
    job = gql.data(CHECK, p=locked["tenant"]["project_id"])["checkDBLatency"]
    assert uuid.UUID(job["db_latency_job_id"])
    reactivated = gql.data(REACTIVATE, p=locked["tenant"]["project_id"])
    assert reactivated["reactivateSuspendedProject"]["success"] is False


def test_maintenance_fails_a_preview_app_that_would_replace_it(
    emu: RunningEmulator, gql: Gql
) -> None:
    name = f"pr-{uuid.uuid4().hex[:8]}"
    first = job_of(gql, create_preview_app(gql, name))
    project_id = first["tasks"][0]["task_events"][-1]["public_event_data"]["projectId"]
    emu.admin.set_state(name, maintenance=True)
    try:
        replacing = job_of(gql, create_preview_app(gql, name))
    finally:
        emu.admin.set_state(name, maintenance=False)
    assert replacing["status"] == "failed"
    failed = next(e for e in replacing["tasks"][0]["task_events"] if e["event_type"] == "failed")
    assert failed["error"] == f"error creating tenant: {maintenance_message(name)}"
    assert failed["public_event_data"] is None
    still = gql.data("query($p: uuid!) { projects_by_pk(id: $p) { name } }", p=project_id)
    assert still["projects_by_pk"] == {"name": name}


# ---------------------------------------------------------------- inactive projects


@pytest.mark.parametrize("reason", ["hibernated", "suspended"])
def test_an_inactive_project(emu: RunningEmulator, gql: Gql, reason: str) -> None:
    created = create_tenant(gql)
    tenant_id, project_id, name = created["id"], created["tenant"]["project_id"], created["name"]
    emu.admin.set_state(name, active=False, reason=reason)
    tenant = status_of(gql, tenant_id)
    assert (tenant["active"], tenant["active_status_reason"]) == (False, reason)
    assert tenant["health_status"] == {"status": "inactive"}
    [public] = tenant["tenant_public_status"]
    assert (public["is_active"], public["message"]) == (False, reason)
    refused = gql.error(CHECK, p=project_id)
    assert refused == {
        "extensions": {"path": "$", "code": "unexpected"},
        "message": f"project {name} is {reason}; reactivate it first",
    }
    # Env writes are stored (they go live once it is reactivated).
    new_hash = set_env(gql, tenant_id, LATER="yes")
    assert env_hash_of(gql, tenant_id) == new_hash
    # Its servers do not run: no config_status rows.
    servers = gql.data(
        "query($t: uuid!) { config_status(where: {tenant_id: {_eq: $t}}) { hash } "
        "tenant_by_pk(id: $t) { config { hash status { hash } } } }",
        t=tenant_id,
    )
    assert servers["config_status"] == []
    assert servers["tenant_by_pk"]["config"] == {"hash": new_hash, "status": []}


def test_inactive_wins_over_maintenance_in_health_status(emu: RunningEmulator, gql: Gql) -> None:
    created = create_tenant(gql)
    emu.admin.set_state(created["name"], active=False, maintenance=True)
    try:
        assert status_of(gql, created["id"])["health_status"] == {"status": "inactive"}
    finally:
        emu.admin.set_state(created["name"], maintenance=False)


@pytest.mark.parametrize(
    ("endpoint", "message"), [("down", "endpoint down"), ("hang", "endpoint not responding")]
)
def test_public_status_reports_the_endpoint(
    emu: RunningEmulator, gql: Gql, endpoint: str, message: str
) -> None:
    created = create_tenant(gql)
    before = status_of(gql, created["id"])["tenant_public_status"][0]["updated_at"]
    emu.admin.set_state(created["name"], endpoint=endpoint)
    [public] = status_of(gql, created["id"])["tenant_public_status"]
    assert (public["is_active"], public["message"]) == (False, message)
    assert public["updated_at"] > before
    listed = gql.data(
        "query($t: uuid!) { tenant_public_status(where: {tenant_id: {_eq: $t}}) { is_active } "
        "inactive: tenant_public_status(where: {is_active: {_eq: false}}) { tenant_id } }",
        t=created["id"],
    )
    assert listed["tenant_public_status"] == [{"is_active": False}]
    assert {"tenant_id": created["id"]} in listed["inactive"]


def test_public_status_is_scoped_to_the_user(gql: Gql, other_gql: Gql) -> None:
    mine = create_tenant(gql)["id"]
    theirs = [
        row["tenant_id"]
        for row in other_gql.data("{ tenant_public_status { tenant_id } }")["tenant_public_status"]
    ]
    assert mine not in theirs
    nested = gql.data(
        "query($t: uuid!) { tenant_public_status(where: {tenant_id: {_eq: $t}}) "
        "{ tenant { id } } }",
        t=mine,
    )
    assert nested["tenant_public_status"] == [{"tenant": {"id": mine}}]


# ---------------------------------------------------------------- reactivation


def test_reactivation(emu: RunningEmulator, gql: Gql) -> None:
    created = create_tenant(gql)
    project_id, name = created["tenant"]["project_id"], created["name"]
    emu.admin.suspend(name)
    answer = gql.data(REACTIVATE, p=project_id)["reactivateSuspendedProject"]
    assert answer == {
        "projectId": project_id,
        "success": True,
        "project": {"id": project_id, "name": name},
    }
    tenant = status_of(gql, created["id"])
    assert (tenant["active"], tenant["active_status_reason"]) == (True, None)
    assert tenant["health_status"] == {"status": "healthy"}
    again = gql.data(REACTIVATE, p=project_id)["reactivateSuspendedProject"]
    assert again["success"] is False
    assert emu.admin.state(name)["active"] is True


def test_reactivation_of_unknown_or_foreign_projects(gql: Gql, other_gql: Gql) -> None:
    created = create_tenant(gql)
    for client, project_id in [
        (gql, str(uuid.uuid4())),
        (other_gql, created["tenant"]["project_id"]),
    ]:
        assert client.error(REACTIVATE, p=project_id) == {
            "extensions": {"path": "$", "code": "not-found"},
            "message": f"project {project_id} not found",
        }
    assert gql.error(REACTIVATE, p="not-a-uuid") == {
        "extensions": {"path": "$", "code": "data-exception"},
        "message": 'invalid input syntax for type uuid: "not-a-uuid"',
    }


def test_state_survives_a_restart(tmp_path: Any) -> None:
    db = tmp_path / "state.db"
    with start(db=db, step_seconds=0, clock=ManualClock()) as first:
        gql = Gql(first.endpoint, first.token)
        name = create_tenant(gql)["name"]
        first.admin.set_state(
            name, active=False, reason="suspended", maintenance=True, endpoint="down"
        )
        gql.close()
    with start(db=db, step_seconds=0) as second:
        assert second.admin.state(name) == {
            "name": name,
            "active": False,
            "active_status_reason": "suspended",
            "maintenance_mode": True,
            "endpoint": "down",
        }
