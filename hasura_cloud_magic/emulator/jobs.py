"""The preview-app job model: a creation job, then a GitHub deployment job.

Progress is lazy and driven by time: ``advance`` runs at the start of every request and applies
each step whose due time (``job.scheduled_from + n * step``) has passed, stamping events with
their due time. (``scheduled_from`` is the clock reading itself; ``created_at`` may sit a few
microseconds later to keep timestamps unique, which must not shift the schedule.) Nothing
runs in the background, so the outcome depends only on the stored rows, the clock and
``step``; with ``step == 0`` every job finishes as soon as it is next observed.

Timeline with step s, from the creation request at t=0:
  t>=s   creation job ``running``; task ``create-preview-app`` gets a ``created`` event.
  t>=2s  the app is (re)created; the task gets ``success`` (or ``failed``); the creation job ends;
         a deployment job starts with its first task ``gh-validation`` ``created``.
  then every s: the current deployment task gets ``success`` (or ``failed``, ending the job)
         and the next one is ``created``; after ``check-healthz`` the job is ``success``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from .errors import EmulatorError
from .projects import (
    NewProject,
    create_project,
    delete_project_rows,
    name_taken,
    project_by_name,
    tenant_of_project,
)
from .store import Store

CREATION_JOB = "preview_app"
DEPLOYMENT_JOB = "github_deployment"
CREATION_TASK = "create-preview-app"
DEPLOYMENT_TASKS = (
    "gh-validation",
    "parse-metadata-migration",
    "apply-migration",
    "apply-metadata",
    "reload-metadata",
    "check-healthz",
)
QUEUED, RUNNING, SUCCESS, FAILED, SKIPPED = "queued", "running", "success", "failed", "skipped"
ACTIVE = (QUEUED, RUNNING)
GITHUB_TOKEN_PREFIXES = ("ghp_", "github_pat_", "gho_", "ghs_")
BAD_CREDENTIALS = "Bad credentials: the GitHub personal access token was rejected by GitHub"
TERMINATED = "deployment terminated: the project was deleted"
REDACTED = "[redacted]"


@dataclass(frozen=True)
class PreviewAppRequest:
    """A validated createGitHubPreviewApp payload; the GitHub token itself is never kept."""

    owner_id: str
    name: str
    cloud: str
    region: str
    plan: str
    env: dict[str, str]
    repo: dict[str, str]
    token_accepted: bool


def github_token_accepted(token: str) -> bool:
    return token.startswith(GITHUB_TOKEN_PREFIXES)


# ---------------------------------------------------------------- submitting


def submit_preview_app(store: Store, request: PreviewAppRequest) -> str:
    """Queue a creation job (superseding queued ones for the same name); returns its id."""
    scheduled_from = store.now_us()
    now = store.timestamp(scheduled_from)
    store.execute(
        "UPDATE jobs SET status = ?, updated_at = ? "
        "WHERE user_id = ? AND job_type = ? AND status = ? AND project_name = ?",
        (SKIPPED, now, request.owner_id, CREATION_JOB, QUEUED, request.name),
    )
    job_id = str(uuid.uuid4())
    store.insert(
        "jobs",
        {
            "id": job_id,
            "user_id": request.owner_id,
            "job_type": CREATION_JOB,
            "status": QUEUED,
            "input": json.dumps(_redacted_input(request)),
            "spec": json.dumps(asdict(request)),
            "project_id": None,
            "project_name": request.name,
            "scheduled_from": scheduled_from,
            "created_at": now,
            "updated_at": now,
        },
    )
    return job_id


def _redacted_input(request: PreviewAppRequest) -> dict[str, Any]:
    # What jobs.input shows: the payload with the token and env values blanked out.
    return {
        "githubPersonalAccessToken": REDACTED,
        "githubRepoDetails": request.repo,
        "projectOptions": {
            "cloud": request.cloud,
            "region": request.region,
            "name": request.name,
            "plan": request.plan,
            "envVars": [{"key": key, "value": REDACTED} for key in request.env],
        },
    }


# ---------------------------------------------------------------- progressing


def advance(store: Store, now_us: int, step_us: int) -> None:
    """Apply, in due-time order, every job step due at or before ``now_us``."""
    while True:
        due_steps = [
            (job["scheduled_from"] + (job["steps_done"] + 1) * step_us, job)
            for job in store.rows(
                "SELECT * FROM jobs WHERE status IN (?, ?) ORDER BY created_at, id", ACTIVE
            )
        ]
        due_steps = [(due, job) for due, job in due_steps if due <= now_us]
        if not due_steps:
            return
        due, job = min(due_steps, key=lambda pair: pair[0])
        store.update("jobs", job["id"], {"steps_done": job["steps_done"] + 1})
        if job["job_type"] == CREATION_JOB:
            _creation_step(store, job, due)
        else:
            _deployment_step(store, job, due)


def _creation_step(store: Store, job: dict[str, Any], due: int) -> None:
    request = PreviewAppRequest(**json.loads(job["spec"]))
    if job["steps_done"] == 0:
        _set_status(store, job["id"], RUNNING, due)
        _add_task(store, job["id"], CREATION_TASK, request.cloud, request.region, due)
        return
    task = _task(store, job["id"], CREATION_TASK)
    try:
        project_id, deployment_id = _create_app(store, request, due)
    except EmulatorError as error:
        _add_event(store, task["id"], FAILED, due, error=f"error creating tenant: {error.message}")
        _set_status(store, job["id"], FAILED, due)
        return
    public = {"projectId": project_id, "githubDeploymentJobID": deployment_id}
    _add_event(store, task["id"], SUCCESS, due, public_event_data=public)
    store.update("jobs", job["id"], {"project_id": project_id})
    _set_status(store, job["id"], SUCCESS, due)


def _create_app(store: Store, request: PreviewAppRequest, due: int) -> tuple[str, str]:
    """Replace any same-name app of this user with a fresh one; start its deployment."""
    existing = project_by_name(store, request.owner_id, request.name)
    if existing is not None:
        remove_project(store, existing["id"], due)
    if name_taken(store, request.name):
        raise EmulatorError(f"the project name {request.name!r} is already taken")
    new = NewProject(
        request.owner_id, request.name, request.cloud, request.region, request.plan, request.env
    )
    tenant = create_project(store, new, at_us=due)
    return tenant["project_id"], _start_deployment(store, request, tenant["project_id"], due)


def _start_deployment(store: Store, request: PreviewAppRequest, project_id: str, due: int) -> str:
    job_id = str(uuid.uuid4())
    created = store.timestamp(due)
    store.insert(
        "jobs",
        {
            "id": job_id,
            "user_id": request.owner_id,
            "job_type": DEPLOYMENT_JOB,
            "status": RUNNING,
            "input": json.dumps({"projectId": project_id, "githubRepoDetails": request.repo}),
            "spec": json.dumps(asdict(request)),
            "project_id": project_id,
            "project_name": request.name,
            "scheduled_from": due,
            "created_at": created,
            "updated_at": created,
        },
    )
    _add_task(store, job_id, DEPLOYMENT_TASKS[0], request.cloud, request.region, created)
    return job_id


def _deployment_step(store: Store, job: dict[str, Any], due: int) -> None:
    request = PreviewAppRequest(**json.loads(job["spec"]))
    index = job["steps_done"]
    current = DEPLOYMENT_TASKS[index]
    task = _task(store, job["id"], current)
    if current == "gh-validation" and not request.token_accepted:
        _add_event(store, task["id"], FAILED, due, error=BAD_CREDENTIALS)
        _set_status(store, job["id"], FAILED, due)
        return
    detail = _success_detail(current, request)
    _add_event(store, task["id"], SUCCESS, due, github_detail=detail)
    if index + 1 == len(DEPLOYMENT_TASKS):
        _set_status(store, job["id"], SUCCESS, due)
        return
    _add_task(store, job["id"], DEPLOYMENT_TASKS[index + 1], request.cloud, request.region, due)


def _source(request: PreviewAppRequest) -> str:
    repo = request.repo
    return f"{repo['owner']}/{repo['repo']}@{repo['branch']}:{repo['directory'] or '/'}"


def _success_detail(task_name: str, request: PreviewAppRequest) -> str:
    healthz = f"https://{request.name}.hasura.app/healthz"
    return {
        "gh-validation": f"fetched metadata from {_source(request)}",
        "parse-metadata-migration": f"parsed metadata and migrations from {_source(request)}",
        "apply-migration": "applied migrations to the default database",
        "apply-metadata": "applied metadata",
        "reload-metadata": "reloaded metadata; no inconsistencies",
        "check-healthz": f"{healthz} returned 200 OK",
    }[task_name]


def remove_project(store: Store, project_id: str, at_us: int | None = None) -> None:
    """Delete a project; its unfinished jobs fail, as the real deployment is terminated."""
    at = store.timestamp(at_us)
    for job in store.rows(
        "SELECT id FROM jobs WHERE project_id = ? AND status IN (?, ?)", (project_id, *ACTIVE)
    ):
        latest = store.row(
            "SELECT id FROM tasks WHERE job_id = ? ORDER BY created_at DESC LIMIT 1", (job["id"],)
        )
        if latest is not None:
            _add_event(store, latest["id"], FAILED, at, error=TERMINATED)
        _set_status(store, job["id"], FAILED, at)
    delete_project_rows(store, project_id)


# ---------------------------------------------------------------- rows


def _set_status(store: Store, job_id: str, status: str, at: int) -> None:
    store.update("jobs", job_id, {"status": status, "updated_at": store.timestamp(at)})


def _task(store: Store, job_id: str, name: str) -> dict[str, Any]:
    found = store.row("SELECT * FROM tasks WHERE job_id = ? AND name = ?", (job_id, name))
    assert found is not None, f"task {name} is created before it completes"
    return found


def _add_task(store: Store, job_id: str, name: str, cloud: str, region: str, at: int) -> None:
    task_id = str(uuid.uuid4())
    created = store.timestamp(at)
    store.insert(
        "tasks",
        {
            "id": task_id,
            "job_id": job_id,
            "name": name,
            "cloud": cloud,
            "region": region,
            "max_retry": 3,
            "payload": json.dumps({"name": name}),
            "created_at": created,
            "updated_at": created,
        },
    )
    _add_event(store, task_id, "created", at)


def _add_event(
    store: Store,
    task_id: str,
    event_type: str,
    at: int,
    *,
    error: str | None = None,
    public_event_data: dict[str, Any] | None = None,
    github_detail: str | None = None,
) -> None:
    stamp = store.timestamp(at)
    store.insert(
        "task_event",
        {
            "id": str(uuid.uuid4()),
            "task_id": task_id,
            "event_type": event_type,
            "error": error,
            "public_event_data": _json_or_null(public_event_data),
            "event_data": json.dumps({"event_type": event_type}),
            "github_detail": github_detail,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    store.execute("UPDATE tasks SET updated_at = ? WHERE id = ?", (stamp, task_id))


def _json_or_null(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value)


def tenant_health(store: Store, project_id: str) -> dict[str, str]:
    """``tenant.health_status``: healthy unless a deployment of the project is still running."""
    if tenant_of_project(store, project_id) is None:
        return {"status": "unknown"}
    running = store.row(
        "SELECT 1 AS busy FROM jobs WHERE project_id = ? AND job_type = ? AND status IN (?, ?)",
        (project_id, DEPLOYMENT_JOB, *ACTIVE),
    )
    return {"status": "deploying" if running else "healthy"}
