"""Env rollout: tenant.config and config_status, over steps of a clock the test moves."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from emulator_helpers import (
    DELETE_ENV,
    Gql,
    ManualClock,
    create_preview_app,
    create_tenant,
    env_hash_of,
    healthz,
    job_of,
    set_env,
)
from paths import REAL_CLIENTS

from hasura_cloud_magic.emulator import RunningEmulator, start
from hasura_cloud_magic.emulator.scalars import format_timestamp

STATUS = """
query($t: uuid!) {
  config_status(where: {tenant_id: {_eq: $t}}) {
    hash is_active worker_state worker_id tenant_id message updated_at
  }
}
"""
CONFIG = """
query($t: uuid!) {
  tenant_by_pk(id: $t) {
    config { hash tenant_id updated_at vault_path tenant { id } status { hash worker_state } }
  }
}
"""
CONSOLE = (REAL_CLIENTS / "console_config_status.graphql").read_text()


def rows(gql: Gql, tenant_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = gql.data(STATUS, t=tenant_id)["config_status"]
    return found


def per_worker(gql: Gql, tenant_id: str) -> list[tuple[str, str]]:
    """``(worker_state, hash)`` in row order: worker 0's rows, then worker 1's."""
    return [(row["worker_state"], row["hash"]) for row in rows(gql, tenant_id)]


def live_hashes(gql: Gql, tenant_id: str) -> list[str]:
    """What the console's FetchConfigStatus sees."""
    return [row["hash"] for row in gql.data(CONSOLE, tenantId=tenant_id)["config_status"]]


def micros(seconds: float) -> int:
    return round(seconds * 1_000_000)


@pytest.fixture
def timed() -> Iterator[tuple[RunningEmulator, Gql, ManualClock]]:
    """An emulator with 1-second steps on a clock the test moves by hand."""
    clock = ManualClock()
    with start(step_seconds=1.0, clock=clock) as running:
        client = Gql(running.endpoint, running.token)
        yield running, client, clock
        client.close()


def test_a_write_rolls_out_one_server_per_step(
    timed: tuple[RunningEmulator, Gql, ManualClock],
) -> None:
    _, gql, clock = timed
    tenant_id = create_tenant(gql)["id"]
    first = env_hash_of(gql, tenant_id)
    assert per_worker(gql, tenant_id) == [("live", first), ("live", first)]  # at once
    clock.advance(5)
    written_at = clock()
    second = set_env(gql, tenant_id, A="1")
    config = gql.data(CONFIG, t=tenant_id)["tenant_by_pk"]["config"]
    assert config == {
        "hash": second,
        "tenant_id": tenant_id,
        "updated_at": format_timestamp(micros(written_at)),
        "vault_path": f"secret/tenants/{tenant_id}/env",
        "tenant": {"id": tenant_id},
        "status": config["status"],
    }
    pending = [("live", first), ("pending", second)]
    assert per_worker(gql, tenant_id) == pending + pending
    assert live_hashes(gql, tenant_id) == [first, first]
    clock.advance(1)
    assert per_worker(gql, tenant_id) == [("live", second), *pending]
    assert live_hashes(gql, tenant_id) == [second, first]
    clock.advance(1)
    assert per_worker(gql, tenant_id) == [("live", second), ("live", second)]
    assert live_hashes(gql, tenant_id) == [second, second]


def test_row_fields(timed: tuple[RunningEmulator, Gql, ManualClock]) -> None:
    _, gql, clock = timed
    tenant_id = create_tenant(gql)["id"]
    first = env_hash_of(gql, tenant_id)
    clock.advance(3)
    written_at = clock()
    second = set_env(gql, tenant_id, A="1")
    workers = [str(uuid.uuid5(uuid.UUID(tenant_id), str(index))) for index in (0, 1)]
    created_at = written_at - 3
    assert rows(gql, tenant_id) == [
        {
            "hash": first,
            "is_active": True,
            "worker_state": "live",
            "worker_id": workers[index],
            "tenant_id": tenant_id,
            "message": None,
            "updated_at": format_timestamp(micros(created_at)),
        }
        if state == "live"
        else {
            "hash": second,
            "is_active": False,
            "worker_state": "pending",
            "worker_id": workers[index],
            "tenant_id": tenant_id,
            "message": "rolling out",
            "updated_at": format_timestamp(micros(written_at)),
        }
        for index in (0, 1)
        for state in ("live", "pending")
    ]
    clock.advance(1)
    live = rows(gql, tenant_id)[0]
    assert (live["hash"], live["updated_at"]) == (second, format_timestamp(micros(written_at + 1)))


def test_writes_closer_than_a_step_each_roll_out(
    timed: tuple[RunningEmulator, Gql, ManualClock],
) -> None:
    _, gql, clock = timed
    tenant_id = create_tenant(gql, envs=[{"key": "A", "value": "0"}])["id"]
    first = env_hash_of(gql, tenant_id)
    second = set_env(gql, tenant_id, A="1")
    clock.advance(0.5)
    third = gql.data(DELETE_ENV, t=tenant_id, h=second, keys=["A"])["deleteTenantEnv"]["hash"]
    clock.advance(0.5)  # t=1: worker 0 runs the second write, worker 1 still the first
    assert per_worker(gql, tenant_id) == [
        ("live", second),
        ("pending", third),
        ("live", first),
        ("pending", third),
    ]
    clock.advance(0.5)  # t=1.5: worker 0 runs the third
    assert per_worker(gql, tenant_id)[:1] == [("live", third)]
    clock.advance(0.5)  # t=2: worker 1 runs the second
    assert per_worker(gql, tenant_id)[1:] == [("live", second), ("pending", third)]
    clock.advance(0.5)
    assert per_worker(gql, tenant_id) == [("live", third), ("live", third)]


def test_step_zero_is_live_at_once(gql: Gql) -> None:
    tenant_id = create_tenant(gql)["id"]
    new_hash = set_env(gql, tenant_id, A="1")
    assert per_worker(gql, tenant_id) == [("live", new_hash), ("live", new_hash)]
    assert live_hashes(gql, tenant_id) == [new_hash, new_hash]


def test_filters_and_windows(timed: tuple[RunningEmulator, Gql, ManualClock]) -> None:
    _, gql, _clock = timed
    tenant_id = create_tenant(gql)["id"]
    other_id = create_tenant(gql)["id"]
    second = set_env(gql, tenant_id, A="1")
    found = gql.data(
        "query($t: uuid!, $w: uuid!, $h: String!) { "
        'pending: config_status(where: {worker_state: {_eq: "pending"}}) { tenant_id hash } '
        "one: config_status(where: {worker_id: {_eq: $w}}) { worker_state } "
        "by_hash: config_status(where: {hash: {_eq: $h}, is_active: {_eq: false}}) { hash } "
        "window: config_status(limit: 2, offset: 1) { tenant_id worker_state } "
        "tenant_by_pk(id: $t) { config { status(where: {is_active: {_eq: true}}, limit: 1) "
        "{ worker_state } } } }",
        t=tenant_id,
        w=str(uuid.uuid5(uuid.UUID(tenant_id), "1")),
        h=second,
    )
    assert found["pending"] == [{"tenant_id": tenant_id, "hash": second}] * 2
    assert found["one"] == [{"worker_state": "live"}, {"worker_state": "pending"}]
    assert found["by_hash"] == [{"hash": second}] * 2
    assert found["window"] == [
        {"tenant_id": tenant_id, "worker_state": "pending"},
        {"tenant_id": tenant_id, "worker_state": "live"},
    ]
    assert found["tenant_by_pk"]["config"]["status"] == [{"worker_state": "live"}]
    assert {row["tenant_id"] for row in rows(gql, other_id)} == {other_id}


def test_config_status_is_scoped_to_the_user(gql: Gql, other_gql: Gql) -> None:
    tenant_id = create_tenant(gql)["id"]
    assert rows(other_gql, tenant_id) == []
    assert live_hashes(other_gql, tenant_id) == []
    assert len(rows(gql, tenant_id)) == 2


def test_a_preview_app_runs_its_config_at_once(gql: Gql) -> None:
    job = job_of(gql, create_preview_app(gql, f"pr-{uuid.uuid4().hex[:8]}", {"K": "v"}))
    project_id = job["project"]["id"]
    tenant_id = gql.data(
        "query($p: uuid!) { projects_by_pk(id: $p) { tenant { id } } }", p=project_id
    )["projects_by_pk"]["tenant"]["id"]
    current = env_hash_of(gql, tenant_id)
    assert per_worker(gql, tenant_id) == [("live", current), ("live", current)]


# ---------------------------------------------------------------- inactive and reactivated


def test_writes_while_inactive_roll_out_after_reactivation(
    timed: tuple[RunningEmulator, Gql, ManualClock],
) -> None:
    emu, gql, clock = timed
    created = create_tenant(gql)
    tenant_id, project_id = created["id"], created["tenant"]["project_id"]
    before = env_hash_of(gql, tenant_id)
    emu.admin.hibernate(created["name"])
    after = set_env(gql, tenant_id, WHILE_ASLEEP="1")
    assert rows(gql, tenant_id) == []
    clock.advance(60)  # long past any step: still not live, the servers were down
    reactivated_at = clock()
    answer = gql.data(
        "mutation($p: uuid!) { reactivateSuspendedProject(projectId: $p) { success } }",
        p=project_id,
    )
    assert answer == {"reactivateSuspendedProject": {"success": True}}
    pending = [("live", before), ("pending", after)]
    assert per_worker(gql, tenant_id) == pending + pending
    config = gql.data(CONFIG, t=tenant_id)["tenant_by_pk"]["config"]
    assert config["hash"] == after
    assert config["updated_at"] == format_timestamp(micros(reactivated_at))
    clock.advance(1)
    assert per_worker(gql, tenant_id) == [("live", after), *pending]
    clock.advance(1)
    assert live_hashes(gql, tenant_id) == [after, after]


def test_reactivation_without_changes_keeps_the_config_live(
    timed: tuple[RunningEmulator, Gql, ManualClock],
) -> None:
    emu, gql, clock = timed
    created = create_tenant(gql)
    current = env_hash_of(gql, created["id"])
    emu.admin.suspend(created["name"])
    clock.advance(10)
    emu.admin.set_state(created["name"], active=True)
    assert per_worker(gql, created["id"]) == [("live", current), ("live", current)]


# ---------------------------------------------------------------- restarts and old databases


def test_rollout_survives_a_restart(tmp_path: Path) -> None:
    db, clock = tmp_path / "state.db", ManualClock()
    with start(db=db, step_seconds=1, clock=clock) as first:
        gql = Gql(first.endpoint, first.token)
        tenant_id = create_tenant(gql)["id"]
        old_hash = env_hash_of(gql, tenant_id)
        new_hash = set_env(gql, tenant_id, A="1")
        gql.close()
    clock.advance(1)
    with start(db=db, step_seconds=1, clock=clock) as second:
        gql = Gql(second.endpoint, second.token)
        assert per_worker(gql, tenant_id) == [
            ("live", new_hash),
            ("live", old_hash),
            ("pending", new_hash),
        ]
        gql.close()


def test_a_database_from_before_the_new_tables(tmp_path: Path) -> None:
    """Tenants without rows in tenant_endpoint and config_writes are up and live."""
    db, clock = tmp_path / "old.db", ManualClock()
    with start(db=db, step_seconds=1, clock=clock) as first:
        gql = Gql(first.endpoint, first.token)
        created = create_tenant(gql)
        old_hash = set_env(gql, created["id"], A="1")
        gql.close()
    with sqlite3.connect(db) as connection:
        connection.executescript("DROP TABLE config_writes; DROP TABLE tenant_endpoint;")
    connection.close()
    with start(db=db, step_seconds=1, clock=clock) as second:
        gql = Gql(second.endpoint, second.token)
        tenant_id = created["id"]
        assert per_worker(gql, tenant_id) == [("live", old_hash), ("live", old_hash)]
        assert second.admin.state(created["name"])["endpoint"] == "up"
        assert healthz(second.endpoint, f"{created['name']}.hasura.app").status_code == 200
        public = gql.data(
            "query($t: uuid!) { tenant_by_pk(id: $t) { tenant_public_status { is_active } "
            "config { hash } } }",
            t=tenant_id,
        )["tenant_by_pk"]
        assert public == {
            "tenant_public_status": [{"is_active": True}],
            "config": {"hash": old_hash},
        }
        # The first write after the upgrade rolls out from the config the servers ran.
        new_hash = set_env(gql, tenant_id, B="2")
        assert per_worker(gql, tenant_id)[:2] == [("live", old_hash), ("pending", new_hash)]
        clock.advance(2)
        assert live_hashes(gql, tenant_id) == [new_hash, new_hash]
        gql.close()
