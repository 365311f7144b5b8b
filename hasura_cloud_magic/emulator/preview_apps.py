"""The preview-app job kinds: a creation job, then a GitHub deployment job.

Both follow the shared timeline of ``jobs.advance``. With step s, from the creation request at
t=0:
  t>=s   creation job ``running``; task ``create-preview-app`` gets a ``created`` event.
  t>=2s  the app is (re)created; the task gets ``success`` (or ``failed``); the creation job ends;
         a deployment job starts with its first task ``gh-validation`` ``created``.
  then every s: the current deployment task gets ``success`` (or ``failed``, ending the job)
         and the next one is ``created``; after ``check-healthz`` the job is ``success``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from .errors import EmulatorError
from .jobs import (
    ACTIVE,
    FAILED,
    QUEUED,
    RUNNING,
    SKIPPED,
    SUCCESS,
    StepFunction,
    add_event,
    add_task,
    insert_job,
    remove_project,
    set_status,
    task,
)
from .projects import NewProject, create_project, name_taken, project_by_name, tenant_of_project
from .store import Store
from .tenant_state import ensure_unlocked

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
GITHUB_TOKEN_PREFIXES = ("ghp_", "github_pat_", "gho_", "ghs_")
BAD_CREDENTIALS = "Bad credentials: the GitHub personal access token was rejected by GitHub"
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
    return insert_job(
        store,
        user_id=request.owner_id,
        job_type=CREATION_JOB,
        status=QUEUED,
        public_input=_redacted_input(request),
        spec=asdict(request),
        project_id=None,
        project_name=request.name,
        scheduled_from=scheduled_from,
    )


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


def _creation_step(store: Store, job: dict[str, Any], due: int) -> None:
    request = PreviewAppRequest(**json.loads(job["spec"]))
    if job["steps_done"] == 0:
        set_status(store, job["id"], RUNNING, due)
        add_task(store, job["id"], CREATION_TASK, request.cloud, request.region, due)
        return
    creation = task(store, job["id"], CREATION_TASK)
    try:
        project_id, deployment_id = _create_app(store, request, due)
    except EmulatorError as error:
        message = f"error creating tenant: {error.message}"
        add_event(store, creation["id"], FAILED, due, error=message)
        set_status(store, job["id"], FAILED, due)
        return
    public = {"projectId": project_id, "githubDeploymentJobID": deployment_id}
    add_event(store, creation["id"], SUCCESS, due, public_event_data=public)
    store.update("jobs", job["id"], {"project_id": project_id})
    set_status(store, job["id"], SUCCESS, due)


def _create_app(store: Store, request: PreviewAppRequest, due: int) -> tuple[str, str]:
    """Replace any same-name app of this user with a fresh one; start its deployment."""
    existing = project_by_name(store, request.owner_id, request.name)
    if existing is not None:
        tenant = tenant_of_project(store, existing["id"])
        if tenant is not None:
            ensure_unlocked(tenant)  # replacing deletes it, which maintenance forbids
        remove_project(store, existing["id"], due)
    if name_taken(store, request.name):
        raise EmulatorError(f"the project name {request.name!r} is already taken")
    new = NewProject(
        request.owner_id, request.name, request.cloud, request.region, request.plan, request.env
    )
    tenant = create_project(store, new, at_us=due)
    return tenant["project_id"], _start_deployment(store, request, tenant["project_id"], due)


def _start_deployment(store: Store, request: PreviewAppRequest, project_id: str, due: int) -> str:
    job_id = insert_job(
        store,
        user_id=request.owner_id,
        job_type=DEPLOYMENT_JOB,
        status=RUNNING,
        public_input={"projectId": project_id, "githubRepoDetails": request.repo},
        spec=asdict(request),
        project_id=project_id,
        project_name=request.name,
        scheduled_from=due,
    )
    add_task(store, job_id, DEPLOYMENT_TASKS[0], request.cloud, request.region, due)
    return job_id


def _deployment_step(store: Store, job: dict[str, Any], due: int) -> None:
    request = PreviewAppRequest(**json.loads(job["spec"]))
    index = job["steps_done"]
    current = DEPLOYMENT_TASKS[index]
    running = task(store, job["id"], current)
    if current == "gh-validation" and not request.token_accepted:
        add_event(store, running["id"], FAILED, due, error=BAD_CREDENTIALS)
        set_status(store, job["id"], FAILED, due)
        return
    detail = _success_detail(current, request)
    add_event(store, running["id"], SUCCESS, due, github_detail=detail)
    if index + 1 == len(DEPLOYMENT_TASKS):
        set_status(store, job["id"], SUCCESS, due)
        return
    add_task(store, job["id"], DEPLOYMENT_TASKS[index + 1], request.cloud, request.region, due)


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


STEPS: dict[str, StepFunction] = {CREATION_JOB: _creation_step, DEPLOYMENT_JOB: _deployment_step}


def deployment_running(store: Store, project_id: str) -> bool:
    """Whether a deployment of the project is still running (``health_status`` deploying)."""
    running = store.row(
        "SELECT 1 AS busy FROM jobs WHERE project_id = ? AND job_type = ? AND status IN (?, ?)",
        (project_id, DEPLOYMENT_JOB, *ACTIVE),
    )
    return running is not None
