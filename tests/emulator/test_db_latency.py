"""checkDBLatency: the job's timeline, its result, and when it is refused or cut short."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from emulator_helpers import Gql, ManualClock, create_tenant, job_of
from paths import REAL_CLIENTS

from hasura_cloud_magic.emulator import RunningEmulator, start

CHECK = (REAL_CLIENTS / "console_check_db_latency.graphql").read_text()
FETCH = (REAL_CLIENTS / "console_fetch_job.graphql").read_text()
METADATA_KEY = "HASURA_GRAPHQL_METADATA_DATABASE_URL"


def check(gql: Gql, project_id: str) -> str:
    job_id: str = gql.data(CHECK, project_id=project_id)["checkDBLatency"]["db_latency_job_id"]
    return job_id


def sources_of(gql: Gql, job_id: str) -> dict[str, Any]:
    job = gql.data(FETCH, id=job_id)["jobs_by_pk"]
    assert job["status"] == "success"
    [task] = job["tasks"]
    success = next(e for e in task["task_events"] if e["event_type"] == "success")
    assert success["error"] is None
    sources: dict[str, Any] = success["public_event_data"]["sources"]
    return sources


def project_with(gql: Gql, region: str = "us-east-2", **env: str) -> str:
    pairs = [{"key": key, "value": value} for key, value in env.items()]
    project_id: str = create_tenant(gql, region=region, envs=pairs)["tenant"]["project_id"]
    return project_id


@pytest.fixture
def timed() -> Iterator[tuple[RunningEmulator, Gql, ManualClock]]:
    clock = ManualClock()
    with start(step_seconds=1.0, clock=clock) as running:
        client = Gql(running.endpoint, running.token)
        yield running, client, clock
        client.close()


def test_timeline(timed: tuple[RunningEmulator, Gql, ManualClock]) -> None:
    _, gql, clock = timed
    project_id = project_with(gql, PG_DATABASE_URL="postgres://u:p@db.example.com:5432/app")
    job_id = check(gql, project_id)
    queued = job_of(gql, job_id)
    assert (queued["status"], queued["tasks"], queued["job_type"]) == ("queued", [], "db_latency")
    assert queued["input"] == {"project_id": project_id}
    assert queued["project"] == {"id": project_id}
    clock.advance(1)
    running = gql.data(FETCH, id=job_id)["jobs_by_pk"]
    assert running["status"] == "running"
    [task] = running["tasks"]
    assert task["name"] == "check-db-latency"
    assert [(e["event_type"], e["public_event_data"], e["error"]) for e in task["task_events"]] == [
        ("created", None, None)
    ]
    clock.advance(1)
    done = gql.data(FETCH, id=job_id)["jobs_by_pk"]
    assert done["status"] == "success"
    events = sorted(done["tasks"][0]["task_events"], key=lambda e: e["event_type"])
    assert [e["event_type"] for e in events] == ["created", "success"]
    assert set(events[1]["public_event_data"]) == {"sources"}
    assert set(events[1]["public_event_data"]["sources"]["pg"]) == {
        "connection_source",
        "avg_latency",
        "error",
    }
    listed = gql.data(
        "query($p: uuid!) { projects_by_pk(id: $p) { jobs { id job_type } } }", p=project_id
    )["projects_by_pk"]["jobs"]
    assert listed == [{"id": job_id, "job_type": "db_latency"}]


def test_sources_are_the_database_url_env_vars(gql: Gql) -> None:
    project_id = project_with(
        gql,
        HASURA_GRAPHQL_DATABASE_URL="postgres://u:p@main.example.com/app",
        PG_DATABASE_URL="postgresql://reader@replica.example.com:6432/app?sslmode=require",
        ANALYTICS_DATABASE_URL="mysql://root:hunter2@mysql.example.com/stats",
        BROKEN_DATABASE_URL="not a url at all",
        UNRELATED="postgres://u:p@elsewhere.example.com/x",
    )
    sources = sources_of(gql, check(gql, project_id))
    assert set(sources) == {"default", "pg", "analytics", "broken"}
    assert sources["default"]["connection_source"] == "HASURA_GRAPHQL_DATABASE_URL"
    assert sources["pg"]["connection_source"] == "PG_DATABASE_URL"
    for name in ("default", "pg"):
        latency = sources[name]["avg_latency"]
        assert isinstance(latency, float) and 5 <= latency <= 250
        assert round(latency, 1) == latency
        assert sources[name]["error"] is None
    for name in ("analytics", "broken"):
        assert sources[name]["avg_latency"] is None
        assert sources[name]["error"] == "invalid connection string"
    dumped = json.dumps(sources)
    assert "hunter2" not in dumped and "not a url" not in dumped and "mysql" not in dumped


def test_without_sources_the_metadata_database_is_default(gql: Gql) -> None:
    sources = sources_of(gql, check(gql, project_with(gql)))
    assert list(sources) == ["default"]
    assert sources["default"]["connection_source"] == METADATA_KEY
    assert sources["default"]["error"] is None


def test_latency_depends_only_on_region_and_host(gql: Gql) -> None:
    url = "postgres://u:p@db.example.com/app"

    def latency(region: str, value: str) -> float:
        sources = sources_of(gql, check(gql, project_with(gql, region, PG_DATABASE_URL=value)))
        result: float = sources["pg"]["avg_latency"]
        return result

    first = latency("us-east-2", url)
    assert latency("us-east-2", "postgres://other:creds@db.example.com:5433/other") == first
    many = {latency(region, url) for region in ("eu-west-1", "ap-south-1", "us-west-2")}
    assert len(many | {first}) > 1


def test_unknown_foreign_and_malformed_projects(gql: Gql, other_gql: Gql) -> None:
    project_id = project_with(gql)
    for client, wanted in [(gql, str(uuid.uuid4())), (other_gql, project_id)]:
        assert client.error(CHECK, project_id=wanted) == {
            "extensions": {"path": "$", "code": "not-found"},
            "message": f"project {wanted} not found",
        }
    assert gql.error(CHECK, project_id="nope")["extensions"]["code"] == "data-exception"


def test_a_project_hibernated_meanwhile_fails_the_job(
    timed: tuple[RunningEmulator, Gql, ManualClock],
) -> None:
    emu, gql, clock = timed
    created = create_tenant(gql)
    job_id = check(gql, created["tenant"]["project_id"])
    clock.advance(1)
    emu.admin.hibernate(created["name"])
    clock.advance(1)
    job = gql.data(FETCH, id=job_id)["jobs_by_pk"]
    assert job["status"] == "failed"
    failed = next(e for e in job["tasks"][0]["task_events"] if e["event_type"] == "failed")
    assert failed["error"] == f"project {created['name']} is hibernated; reactivate it first"
    assert failed["public_event_data"] is None


def test_deleting_the_project_fails_the_unfinished_job(
    timed: tuple[RunningEmulator, Gql, ManualClock],
) -> None:
    _, gql, clock = timed
    created = create_tenant(gql)
    job_id = check(gql, created["tenant"]["project_id"])
    clock.advance(1)
    gql.data("mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }", t=created["id"])
    job = gql.data(FETCH, id=job_id)["jobs_by_pk"]
    assert job["status"] == "failed"
    errors = [e["error"] for e in job["tasks"][0]["task_events"] if e["event_type"] == "failed"]
    assert errors == ["deployment terminated: the project was deleted"]
    clock.advance(5)
    assert gql.data(FETCH, id=job_id)["jobs_by_pk"]["status"] == "failed"
