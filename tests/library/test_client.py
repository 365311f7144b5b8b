"""Every operation, through the facade and the generated client, against the emulator over HTTP."""

import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from hasura_cloud_client import HasuraCloudClient

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import (
    ApiError,
    HashConflictError,
    InvalidInputError,
    NotFoundError,
)
from hasura_cloud_magic.preview_apps import DEPLOYMENT_TASKS, CreationOutcome, creation_outcome

GOOD_GITHUB_TOKEN = "ghp_" + "A" * 36


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def project(cloud: HasuraCloud) -> Iterator[tuple[uuid.UUID, str]]:
    """A fresh project, deleted afterwards if the test did not delete it."""
    created = cloud.create_project(
        cloud="aws", region="us-east-2", name=unique("test"), envs={"GREETING": "hello"}
    )
    yield created.id, created.name
    if cloud.get_tenant(created.id) is not None:
        cloud.delete_tenant(created.id)


def test_create_project_returns_tenant_id_and_name(cloud: HasuraCloud) -> None:
    name = unique("created")
    created = cloud.create_project(cloud="gcp", region="us-central1", name=name, plan="cloud_payg")
    tenant = cloud.get_tenant(created.id)
    assert created.name == name
    assert tenant is not None and tenant.id == created.id
    assert (tenant.cloud, tenant.region, tenant.project.name) == ("gcp", "us-central1", name)
    assert tenant.project.plan_name == "cloud_payg"
    assert tenant.project.endpoint == f"https://{name}.hasura.app"
    cloud.delete_tenant(created.id)


def test_create_project_without_name_generates_one(cloud: HasuraCloud) -> None:
    created = cloud.create_project(cloud="aws", region="us-east-2")
    assert created.name and created.name == created.name.lower()
    cloud.delete_tenant(created.id)


def test_project_by_id_by_name_and_in_the_list(
    cloud: HasuraCloud, project: tuple[uuid.UUID, str]
) -> None:
    tenant_id, name = project
    by_name = cloud.find_project_by_name(name)
    assert by_name is not None and by_name.tenant is not None and by_name.tenant.id == tenant_id
    by_id = cloud.get_project(by_name.id)
    assert by_id is not None and by_id.name == name
    assert name in [p.name for p in cloud.list_projects()]
    assert [p.name for p in cloud.list_projects(name_like=name[:-3] + "%")] == [name]
    assert cloud.list_projects(name_like="no-such-%") == []


def test_unknown_ids_and_names_are_none(cloud: HasuraCloud) -> None:
    assert cloud.get_tenant(uuid.uuid4()) is None
    assert cloud.get_project(uuid.uuid4()) is None
    assert cloud.find_project_by_name("no-such-project") is None
    assert cloud.get_preview_app_creation_status(uuid.uuid4()) is None
    assert cloud.get_deployment_job_status(uuid.uuid4()) is None


def test_malformed_id_is_refused_before_sending(cloud: HasuraCloud) -> None:
    with pytest.raises(InvalidInputError, match="tenant id must be a UUID"):
        cloud.get_tenant("not-a-uuid")


def test_env_round_trip_chains_hashes(cloud: HasuraCloud, project: tuple[uuid.UUID, str]) -> None:
    tenant_id, _ = project
    before = cloud.get_env(tenant_id)
    assert before.values["GREETING"] == "hello"
    assert len(before.hash) == 40 and int(before.hash, 16) >= 0

    updated = cloud.update_env(tenant_id, before.hash, {"GREETING": "hi", "NEW_KEY": "1"})
    assert updated.hash != before.hash
    assert (updated.values["GREETING"], updated.values["NEW_KEY"]) == ("hi", "1")

    deleted = cloud.delete_env(tenant_id, updated.hash, ["NEW_KEY"])
    assert "NEW_KEY" not in deleted.values and deleted.values["GREETING"] == "hi"
    assert cloud.get_env(tenant_id) == deleted


def test_stale_hash_is_a_conflict_and_changes_nothing(
    cloud: HasuraCloud, project: tuple[uuid.UUID, str]
) -> None:
    tenant_id, _ = project
    stale = cloud.get_env(tenant_id)
    fresh = cloud.update_env(tenant_id, stale.hash, {"OTHER": "x"})
    with pytest.raises(HashConflictError):
        cloud.update_env(tenant_id, stale.hash, {"GREETING": "lost update"})
    with pytest.raises(HashConflictError):
        cloud.delete_env(tenant_id, stale.hash, ["GREETING"])
    assert cloud.get_env(tenant_id) == fresh


def test_invalid_env_key_is_refused_before_sending(
    cloud: HasuraCloud, project: tuple[uuid.UUID, str]
) -> None:
    tenant_id, _ = project
    env = cloud.get_env(tenant_id)
    with pytest.raises(InvalidInputError, match="invalid env var name '1BAD'"):
        cloud.update_env(tenant_id, env.hash, {"1BAD": "x"})
    assert cloud.get_env(tenant_id) == env


def test_env_of_unknown_tenant(cloud: HasuraCloud) -> None:
    with pytest.raises((NotFoundError, ApiError)):
        cloud.get_env(uuid.uuid4())


def test_rename(cloud: HasuraCloud, project: tuple[uuid.UUID, str]) -> None:
    tenant_id, old_name = project
    new_name = unique("renamed")
    renamed = cloud.rename_project(tenant_id, new_name)
    assert renamed.tenant_id == tenant_id
    assert renamed.tenant is not None and renamed.tenant.project.name == new_name
    assert cloud.find_project_by_name(old_name) is None
    with pytest.raises(ApiError):
        cloud.rename_project(tenant_id, "Not_Valid")


def test_delete_removes_the_project(cloud: HasuraCloud, project: tuple[uuid.UUID, str]) -> None:
    tenant_id, name = project
    assert cloud.delete_tenant(tenant_id)
    assert cloud.get_tenant(tenant_id) is None
    assert cloud.find_project_by_name(name) is None


def test_regions(cloud: HasuraCloud) -> None:
    regions = cloud.list_regions()
    assert {"aws", "gcp"} <= {r.cloud.value for r in regions}
    aws = cloud.list_regions("aws")
    assert aws and {r.cloud.value for r in aws} == {"aws"}
    assert {"us-east-2", "us-west-1", "eu-central-1"} <= {r.name for r in aws}
    assert all(r.is_active for r in regions)
    assert all(r.nat_ip for r in regions if r.name != "australia-southeast1")
    with pytest.raises(InvalidInputError, match="unknown cloud 'mars'"):
        cloud.list_regions("mars")


@pytest.mark.parametrize(
    ("field", "value"),
    [("cloud", "mars"), ("region", "moon-1"), ("plan", "gold")],
)
def test_create_rejects_unknown_cloud_region_plan(
    cloud: HasuraCloud, field: str, value: str
) -> None:
    arguments = {"cloud": "aws", "region": "us-east-2", "plan": "cloud_free", field: value}
    name = unique("never")
    with pytest.raises(ApiError, match=value):
        cloud.create_project(name=name, **arguments)
    assert cloud.find_project_by_name(name) is None


def _wait_for(fetch, done, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def _finished_creation(cloud: HasuraCloud, job_id: uuid.UUID) -> CreationOutcome:
    def fetch() -> CreationOutcome:
        job = cloud.get_preview_app_creation_status(job_id)
        return creation_outcome(job) if job else CreationOutcome("unknown")

    return _wait_for(fetch, lambda outcome: outcome.finished)


def test_preview_app_flow(cloud: HasuraCloud) -> None:
    name = unique("preview")
    job_id = cloud.create_preview_app(
        name=name,
        owner="my-org",
        repo="my-repo",
        branch="main",
        directory="backend/hasura",
        github_token=GOOD_GITHUB_TOKEN,
        envs={"HASURA_GRAPHQL_AUTH_HOOK": "https://example.test/hook"},
    )
    creation = _finished_creation(cloud, job_id)
    assert creation.status == "success" and creation.project_id and creation.deployment_job_id

    deployment = _wait_for(
        lambda: cloud.get_deployment_job_status(creation.deployment_job_id),  # type: ignore[arg-type]
        lambda job: job is not None and job.status in ("success", "failed"),
    )
    assert deployment is not None and deployment.status == "success"
    assert tuple(task.name for task in deployment.tasks) == DEPLOYMENT_TASKS
    assert all(task.task_events[0].event_type == "success" for task in deployment.tasks)

    project = cloud.get_project(creation.project_id)
    assert project is not None and project.name == name and project.tenant is not None
    env = cloud.get_env(project.tenant.id)
    assert env.values["HASURA_GRAPHQL_AUTH_HOOK"] == "https://example.test/hook"
    cloud.delete_tenant(project.tenant.id)


def test_preview_app_with_bad_github_token_fails_validation(cloud: HasuraCloud) -> None:
    job_id = cloud.create_preview_app(
        name=unique("badtoken"),
        owner="my-org",
        repo="my-repo",
        branch="main",
        directory="",
        github_token="not-a-github-token",
    )
    creation = _finished_creation(cloud, job_id)
    assert creation.status == "success" and creation.project_id and creation.deployment_job_id
    deployment = _wait_for(
        lambda: cloud.get_deployment_job_status(creation.deployment_job_id),  # type: ignore[arg-type]
        lambda job: job is not None and job.status in ("success", "failed"),
    )
    assert deployment is not None and deployment.status == "failed"
    validation = deployment.tasks[0]
    assert validation.name == "gh-validation"
    assert validation.task_events[0].event_type == "failed"
    assert validation.task_events[0].error
    assert "not-a-github-token" not in (validation.task_events[0].error or "")
    project = cloud.get_project(creation.project_id)
    assert project is not None and project.tenant is not None
    cloud.delete_tenant(project.tenant.id)


def test_raw_execute(cloud: HasuraCloud, project: tuple[uuid.UUID, str]) -> None:
    _, name = project
    data = cloud.execute(
        "query ($n: String!) { projects(where: {name: {_eq: $n}}) { name } }", {"n": name}
    )
    assert data == {"projects": [{"name": name}]}
    with pytest.raises(InvalidInputError, match="GraphQL syntax error"):
        cloud.execute("query { projects { name }")


def test_generated_client_works_on_its_own(emulator: object) -> None:
    """Scripts can use hasura_cloud_client without hasura_cloud_magic."""
    headers = {"Authorization": f"pat {emulator.token}"}  # type: ignore[attr-defined]
    with HasuraCloudClient(
        url=emulator.endpoint,  # type: ignore[attr-defined]
        http_client=httpx.Client(headers=headers),
    ) as client:
        regions = client.list_regions()
    assert any(region.name == "us-east-2" for region in regions.region)
