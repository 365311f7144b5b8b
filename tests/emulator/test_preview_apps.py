"""Preview apps: the creation job, the deployment job, supersede and replace."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from emulator_helpers import Gql, ManualClock, unique_name

from hasura_cloud_magic.emulator import start

GOOD_TOKEN = "ghp_exampleexampleexample"
CREATE = """
mutation createPreviewApp($name: String!, $cloud: String!, $region: String!, $plan: String!,
    $branch: String!, $githubPAT: String!, $githubRepoOwner: String!, $githubRepo: String!,
    $githubDir: String!, $env: [UpdateEnvsObject]) {
  createGitHubPreviewApp(payload: {
    githubPersonalAccessToken: $githubPAT,
    githubRepoDetails: {branch: $branch, owner: $githubRepoOwner, repo: $githubRepo,
                        directory: $githubDir},
    projectOptions: {cloud: $cloud, region: $region, plan: $plan, name: $name, envVars: $env}
  }) { githubPreviewAppJobID }
}
"""
# The GitHub Action's two polling queries (reference §6.2), including the odd default value.
CREATION_STATUS = """
query getPreviewAppCreationJob($jobId: uuid!="GF12zEeQai1skCuOoVU3wyyiqj30nEnzt2hpZ0LRe368UdwE5JC7nrT4AIr85rmu") {
  jobs_by_pk(id: $jobId) {
    id status
    tasks { id name task_events(order_by: {created_at: desc}) {
      id event_type public_event_data error } }
  }
}
"""  # noqa: E501
DEPLOYMENT_STATUS = """
query getJobStatus($jobId: uuid!) {
  jobs_by_pk(id: $jobId) {
    status
    tasks(order_by: {updated_at: asc}) {
      id name cloud region
      task_events(order_by: {updated_at: desc}, limit: 1) { event_type id error github_detail }
    }
  }
}
"""
DEPLOYMENT_TASKS = [
    "gh-validation",
    "parse-metadata-migration",
    "apply-migration",
    "apply-metadata",
    "reload-metadata",
    "check-healthz",
]


def create_app(gql: Gql, name: str, token: str = GOOD_TOKEN, **overrides: Any) -> str:
    variables = {
        "name": name,
        "cloud": "aws",
        "region": "us-west-1",
        "plan": "cloud_free",
        "branch": "feature-x",
        "githubPAT": token,
        "githubRepoOwner": "my-org",
        "githubRepo": "my-repo",
        "githubDir": "backend/hasura",
        "env": [{"key": "PG_DATABASE_URL", "value": "postgres://db/pr"}],
        **overrides,
    }
    job_id: str = gql.data(CREATE, **variables)["createGitHubPreviewApp"]["githubPreviewAppJobID"]
    return job_id


def creation_job(gql: Gql, job_id: str) -> dict[str, Any]:
    job: dict[str, Any] = gql.data(CREATION_STATUS, jobId=job_id)["jobs_by_pk"]
    return job


def deployment_job(gql: Gql, job_id: str) -> dict[str, Any]:
    job: dict[str, Any] = gql.data(DEPLOYMENT_STATUS, jobId=job_id)["jobs_by_pk"]
    return job


def success_data(job: dict[str, Any]) -> dict[str, str]:
    [task] = job["tasks"]
    event = next(e for e in task["task_events"] if e["event_type"] == "success")
    data: dict[str, str] = event["public_event_data"]
    return data


def test_whole_flow_at_step_zero(gql: Gql) -> None:
    name = unique_name("pr")
    job_id = create_app(gql, name)
    creation = creation_job(gql, job_id)
    assert creation["status"] == "success"
    assert [t["name"] for t in creation["tasks"]] == ["create-preview-app"]
    events = creation["tasks"][0]["task_events"]
    assert [e["event_type"] for e in events] == ["success", "created"]
    data = success_data(creation)
    assert set(data) == {"projectId", "githubDeploymentJobID"}
    deployment = deployment_job(gql, data["githubDeploymentJobID"])
    assert deployment["status"] == "success"
    assert [t["name"] for t in deployment["tasks"]] == DEPLOYMENT_TASKS
    for task in deployment["tasks"]:
        [latest] = task["task_events"]
        assert latest["event_type"] == "success" and latest["error"] is None
        assert (task["cloud"], task["region"]) == ("aws", "us-west-1")
    github_detail = deployment["tasks"][0]["task_events"][0]["github_detail"]
    assert github_detail == "fetched metadata from my-org/my-repo@feature-x:backend/hasura"
    project = gql.data(
        "query($n: String!) { projects(where: {name: {_eq: $n}}) { id endpoint "
        "tenant { id health_status } jobs(order_by: {created_at: asc}) { id job_type } } }",
        n=name,
    )["projects"]
    assert [p["id"] for p in project] == [data["projectId"]]
    assert project[0]["endpoint"] == f"https://{name}.hasura.app"
    assert project[0]["tenant"]["health_status"] == {"status": "healthy"}
    assert project[0]["jobs"] == [
        {"id": job_id, "job_type": "preview_app"},
        {"id": data["githubDeploymentJobID"], "job_type": "github_deployment"},
    ]
    tenant_id = project[0]["tenant"]["id"]
    env = gql.data("query($t: uuid!) { getTenantEnv(tenantId: $t) { envVars } }", t=tenant_id)
    assert env["getTenantEnv"]["envVars"]["environment"]["PG_DATABASE_URL"] == "postgres://db/pr"


def test_github_token_is_never_stored_or_echoed(gql: Gql) -> None:
    secret = "ghp_ThisMustNeverBeEchoed0123456789"
    job_id = create_app(gql, unique_name("pr"), token=secret)
    everything = gql.data(
        "query($j: uuid!) { jobs_by_pk(id: $j) { input tasks { payload task_events { "
        "error public_event_data event_data github_detail } } } }",
        j=job_id,
    )
    dumped = json.dumps(everything)
    assert secret not in dumped and "ThisMustNeverBeEchoed" not in dumped
    job_input = everything["jobs_by_pk"]["input"]
    assert job_input["githubPersonalAccessToken"] == "[redacted]"
    assert job_input["githubRepoDetails"]["repo"] == "my-repo"
    assert (
        gql.data(
            'query($j: uuid!) { jobs_by_pk(id: $j) { input(path: "$.projectOptions.name") } }',
            j=job_id,
        )["jobs_by_pk"]["input"]
        == job_input["projectOptions"]["name"]
    )


def test_bad_github_token_fails_gh_validation(gql: Gql) -> None:
    name = unique_name("pr")
    creation = creation_job(gql, create_app(gql, name, token="not-a-github-token"))
    assert creation["status"] == "success"
    deployment = deployment_job(gql, success_data(creation)["githubDeploymentJobID"])
    assert deployment["status"] == "failed"
    [task] = deployment["tasks"]
    assert task["name"] == "gh-validation"
    assert task["task_events"][0]["event_type"] == "failed"
    assert "Bad credentials" in task["task_events"][0]["error"]
    # The app exists even though applying metadata and migrations failed.
    projects = gql.data("query($n: String!) { projects(where: {name: {_eq: $n}}) { id } }", n=name)
    assert projects["projects"] == [{"id": success_data(creation)["projectId"]}]


@pytest.mark.parametrize(
    ("overrides", "code", "needle"),
    [
        ({"region": "nowhere-1"}, "bad-request", "unknown region 'nowhere-1'"),
        ({"cloud": "do"}, "bad-request", "unknown cloud 'do'"),
        ({"plan": "gold"}, "bad-request", "unknown plan 'gold'"),
        ({"name": "Not_Valid"}, "bad-request", "invalid project name"),
        ({"env": [{"key": "BAD-KEY", "value": "x"}]}, "bad-request", "invalid env var name"),
    ],
)
def test_invalid_payload_is_refused_synchronously(
    gql: Gql, overrides: dict[str, Any], code: str, needle: str
) -> None:
    variables = {"name": unique_name("pr"), **overrides}
    body = gql.run(
        CREATE,
        **{
            "cloud": "aws",
            "region": "us-west-1",
            "plan": "cloud_free",
            "branch": "main",
            "githubPAT": GOOD_TOKEN,
            "githubRepoOwner": "o",
            "githubRepo": "r",
            "githubDir": "",
            **variables,
        },
    )
    [error] = body["errors"]
    assert error["extensions"] == {"path": "$", "code": code}
    assert needle in error["message"]


def test_null_payload_and_foreign_name_are_refused(gql: Gql, other_gql: Gql) -> None:
    error = gql.error(
        "mutation { createGitHubPreviewApp(payload: null) { githubPreviewAppJobID } }"
    )
    assert error["extensions"]["code"] == "bad-request"
    assert "payload" in error["message"]
    name = unique_name("pr")
    create_app(other_gql, name)
    creation_job(other_gql, create_app(other_gql, unique_name("pr")))  # lets the first one run
    body = gql.run(CREATE, **_variables(name))
    assert body["errors"][0]["extensions"]["code"] == "constraint-violation"


def _variables(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "cloud": "aws",
        "region": "us-west-1",
        "plan": "cloud_free",
        "branch": "main",
        "githubPAT": GOOD_TOKEN,
        "githubRepoOwner": "o",
        "githubRepo": "r",
        "githubDir": "",
    }


def test_tasks_and_events_honour_order_by_limit_offset(gql: Gql) -> None:
    creation = creation_job(gql, create_app(gql, unique_name("pr")))
    deployment_id = success_data(creation)["githubDeploymentJobID"]
    job = gql.data(
        "query($j: uuid!) { jobs_by_pk(id: $j) { "
        "by_name: tasks(order_by: {name: asc}, limit: 2, offset: 1) { name } "
        "newest: tasks(order_by: {created_at: desc}, limit: 1) { name "
        "  task_events(order_by: {created_at: asc}) { event_type created_at } } } }",
        j=deployment_id,
    )["jobs_by_pk"]
    assert [t["name"] for t in job["by_name"]] == sorted(DEPLOYMENT_TASKS)[1:3]
    [newest] = job["newest"]
    assert newest["name"] == "check-healthz"
    assert [e["event_type"] for e in newest["task_events"]] == ["created", "success"]
    stamps = [e["created_at"] for e in newest["task_events"]]
    assert stamps == sorted(stamps) and len(set(stamps)) == 2


# ---------------------------------------------------------------- time-driven, manual clock


@pytest.fixture
def timed() -> Iterator[tuple[Gql, ManualClock]]:
    """An emulator with 1-second steps on a clock the test moves by hand."""
    clock = ManualClock()
    with start(step_seconds=1.0, clock=clock) as running:
        client = Gql(running.endpoint, running.token)
        yield client, clock
        client.close()


def test_timeline_one_step_at_a_time(timed: tuple[Gql, ManualClock]) -> None:
    gql, clock = timed
    job_id = create_app(gql, "timeline-app")
    assert creation_job(gql, job_id)["status"] == "queued"
    assert creation_job(gql, job_id)["tasks"] == []
    clock.advance(1.0)
    running = creation_job(gql, job_id)
    assert running["status"] == "running"
    assert [e["event_type"] for e in running["tasks"][0]["task_events"]] == ["created"]
    assert gql.data("{ projects { id } }")["projects"] == []
    clock.advance(1.0)
    done = creation_job(gql, job_id)
    assert done["status"] == "success"
    deployment_id = success_data(done)["githubDeploymentJobID"]
    seen: list[list[tuple[str, str]]] = []
    for _ in DEPLOYMENT_TASKS:
        job = deployment_job(gql, deployment_id)
        seen.append([(t["name"], t["task_events"][0]["event_type"]) for t in job["tasks"]])
        assert job["status"] == "running"
        clock.advance(1.0)
    assert seen[0] == [("gh-validation", "created")]
    assert seen[1] == [("gh-validation", "success"), ("parse-metadata-migration", "created")]
    assert seen[5][-1] == ("check-healthz", "created")
    final = deployment_job(gql, deployment_id)
    assert final["status"] == "success"
    assert all(t["task_events"][0]["event_type"] == "success" for t in final["tasks"])


def test_newer_request_skips_a_queued_one(timed: tuple[Gql, ManualClock]) -> None:
    gql, clock = timed
    older = create_app(gql, "superseded-app")
    newer = create_app(gql, "superseded-app")
    assert creation_job(gql, older)["status"] == "skipped"
    clock.advance(2.0)
    assert creation_job(gql, older)["status"] == "skipped"
    assert creation_job(gql, newer)["status"] == "success"
    projects = gql.data('{ projects(where: {name: {_eq: "superseded-app"}}) { id } }')["projects"]
    assert projects == [{"id": success_data(creation_job(gql, newer))["projectId"]}]


def test_same_name_request_replaces_the_existing_app(timed: tuple[Gql, ManualClock]) -> None:
    gql, clock = timed
    first = create_app(gql, "replaced-app")
    clock.advance(2.0)
    old = success_data(creation_job(gql, first))
    clock.advance(2.0)  # The old deployment is mid-way (two tasks done) when the new one runs.
    second = create_app(gql, "replaced-app")
    clock.advance(1.0)
    still_there = gql.data("query($p: uuid!) { projects_by_pk(id: $p) { id } }", p=old["projectId"])
    assert still_there["projects_by_pk"] == {"id": old["projectId"]}
    clock.advance(1.0)
    new = success_data(creation_job(gql, second))
    assert new["projectId"] != old["projectId"]
    after = gql.data(
        "query($p: uuid!) { projects_by_pk(id: $p) { id } "
        'projects(where: {name: {_eq: "replaced-app"}}) { id } }',
        p=old["projectId"],
    )
    assert after == {"projects_by_pk": None, "projects": [{"id": new["projectId"]}]}
    terminated = deployment_job(gql, old["githubDeploymentJobID"])
    assert terminated["status"] == "failed"
    assert "terminated" in terminated["tasks"][-1]["task_events"][0]["error"]
    clock.advance(10.0)
    assert deployment_job(gql, new["githubDeploymentJobID"])["status"] == "success"
