"""Reading preview-app jobs the way the official GitHub Action does.

Creating a preview app runs two jobs. The *creation* job (id returned by
``createGitHubPreviewApp``) ends ``success``, ``failed`` or ``skipped``; on success its task's
``success`` event carries ``public_event_data.projectId`` and ``.githubDeploymentJobID``. The
*deployment* job then runs ``gh-validation`` … ``check-healthz`` and ends ``success`` or
``failed``. Any other status means "still going: poll again in 2 s".
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hasura_cloud_magic.errors import ConfirmationRequired, NotFoundError, WaitTimeout
from hasura_cloud_magic.settings import POLL_INTERVAL_SECONDS

if TYPE_CHECKING:
    from hasura_cloud_client import (
        GetDeploymentJobStatusJobsByPk,
        GetPreviewAppCreationStatusJobsByPk,
    )

    from hasura_cloud_magic.api import HasuraCloud

CREATION_FINAL = frozenset({"success", "failed", "skipped"})
DEPLOYMENT_FINAL = frozenset({"success", "failed"})
SKIPPED_MESSAGE = (
    "This preview app creation was skipped due to another preview app creation being scheduled."
)


@dataclass(frozen=True)
class CreationOutcome:
    """Where a creation job stands: ``status`` plus what its final event says."""

    status: str
    project_id: uuid.UUID | None = None
    deployment_job_id: uuid.UUID | None = None
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in CREATION_FINAL


def creation_outcome(job: GetPreviewAppCreationStatusJobsByPk) -> CreationOutcome:
    """Interpret a creation job as the action does (newest events first)."""
    events = [event for task in job.tasks[:1] for event in task.task_events]
    if job.status == "success":
        success = next((e for e in events if e.event_type == "success"), None)
        data = success.public_event_data if success else None
        if not isinstance(data, dict):
            return CreationOutcome("failed", error="unexpected; no job success task event")
        return CreationOutcome(
            "success",
            project_id=uuid.UUID(str(data["projectId"])),
            deployment_job_id=uuid.UUID(str(data["githubDeploymentJobID"])),
        )
    if job.status == "failed":
        failed = next((e for e in events if e.event_type == "failed"), None)
        return CreationOutcome("failed", error=(failed.error if failed else None) or "failed")
    if job.status == "skipped":
        return CreationOutcome("skipped", error=SKIPPED_MESSAGE)
    return CreationOutcome(job.status)


# ---------------------------------------------------------------- following both jobs

DEPLOYMENT_TASKS = (
    "gh-validation",
    "parse-metadata-migration",
    "apply-migration",
    "apply-metadata",
    "reload-metadata",
    "check-healthz",
)
TASK_LABELS = {
    "gh-validation": "Fetching metadata",
    "parse-metadata-migration": "Parsing metadata and migrations",
    "parse-migration": "Parsing migrations",
    "parse-metadata": "Parsing metadata",
    "apply-migration": "Applying migrations",
    "apply-metadata": "Applying metadata",
    "reload-metadata": "Refreshing metadata",
    "check-healthz": "Checking project health",
}
CREATION_BUDGET_SECONDS = 120.0  # the official action gives up on the creation job after this
_EVENT_STATES = {"created": "running", "success": "success", "failed": "failed"}


@dataclass(frozen=True)
class TaskState:
    """One deployment task: ``pending``, ``running``, ``success`` or ``failed``."""

    name: str
    state: str
    error: str | None = None
    detail: str | None = None

    @property
    def label(self) -> str:
        return TASK_LABELS.get(self.name, self.name)


@dataclass(frozen=True)
class PreviewProgress:
    """Both jobs of one preview app, as last seen."""

    job_id: uuid.UUID
    creation: CreationOutcome
    deployment_status: str | None = None
    tasks: tuple[TaskState, ...] = ()
    elapsed_seconds: float = 0.0
    graphql_endpoint: str | None = None

    @property
    def finished(self) -> bool:
        if self.creation.finished and self.creation.status != "success":
            return True
        return self.deployment_status in DEPLOYMENT_FINAL

    @property
    def succeeded(self) -> bool:
        return self.deployment_status == "success"

    @property
    def failed_task(self) -> TaskState | None:
        return next((task for task in self.tasks if task.state == "failed"), None)

    @property
    def done_count(self) -> int:
        return sum(task.state == "success" for task in self.tasks)

    @property
    def console_url(self) -> str | None:
        project = self.creation.project_id
        return f"https://cloud.hasura.io/project/{project}/console" if project else None

    def error(self) -> str | None:
        """Why it failed, in one line, or None."""
        if self.creation.finished and self.creation.status != "success":
            return f"creation {self.creation.status}: {self.creation.error}"
        failed = self.failed_task
        if failed is not None:
            return f"{failed.name} failed: {failed.error or 'no error text'}"
        if self.deployment_status == "failed":
            return "the deployment job failed"
        return None

    def headline(self) -> str:
        """One line: the phase, the current task and the elapsed time."""
        elapsed = f"{self.elapsed_seconds:.0f} s"
        if not self.creation.finished or self.deployment_status is None:
            return f"creation job {self.creation.status} ({elapsed})"
        current = next((t for t in reversed(self.tasks) if t.state != "pending"), None)
        step = f"{current.name} {current.state}" if current else "waiting for tasks"
        return (
            f"deployment {self.deployment_status}: [{self.done_count}/"
            f"{len(DEPLOYMENT_TASKS)}] {step} ({elapsed})"
        )


def deployment_tasks(job: GetDeploymentJobStatusJobsByPk) -> tuple[TaskState, ...]:
    """Tasks in the order the job runs them; ones not created yet are ``pending``."""
    seen = {
        task.name: TaskState(
            task.name,
            _EVENT_STATES.get(task.task_events[0].event_type, task.task_events[0].event_type),
            task.task_events[0].error,
            task.task_events[0].github_detail,
        )
        for task in job.tasks
        if task.task_events
    }
    extra = tuple(state for name, state in seen.items() if name not in DEPLOYMENT_TASKS)
    known = tuple(seen.get(name, TaskState(name, "pending")) for name in DEPLOYMENT_TASKS)
    return known + extra


def refuse_silent_replacement(cloud: HasuraCloud, name: str, *, replace: bool, how: str) -> None:
    """A preview app takes its name from any project that has it, deleting that project and
    its env vars (the API's rule). Never silently: unless ``replace``, refuse and say what
    would be replaced and ``how`` to go ahead."""
    existing = cloud.find_project_by_name(name)
    if existing is None or replace:
        return
    tenant = f"tenant {existing.tenant.id}" if existing.tenant else "no tenant"
    raise ConfirmationRequired(
        f"a project named {name} exists ({tenant}); a preview app of that name deletes and "
        f"replaces it, env vars included: {how} to do that"
    )


def follow(
    cloud: HasuraCloud,
    job_id: uuid.UUID,
    *,
    wait: bool,
    timeout: float,
    interval: float = POLL_INTERVAL_SECONDS,
    on_update: Callable[[PreviewProgress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> PreviewProgress:
    """Read the creation job, then the deployment job; with ``wait``, poll until both end.

    Polls once per ``interval`` like the official action (one request per poll, two on the
    poll where creation turns to success). Raises NotFoundError for an unknown job and
    WaitTimeout after ``timeout`` seconds (or the action's 120 s creation budget).
    """
    started = clock()
    creation: CreationOutcome | None = None
    while True:
        if creation is None or not creation.finished:
            creation = _read_creation(cloud, job_id)
        progress = _with_deployment(cloud, job_id, creation, clock() - started)
        if on_update is not None:
            on_update(progress)
        if progress.finished or not wait:
            return progress
        elapsed = clock() - started
        if elapsed > timeout or (not creation.finished and elapsed > CREATION_BUDGET_SECONDS):
            raise WaitTimeout(
                f"gave up waiting after {elapsed:.0f} s ({progress.headline()}); the job goes "
                f"on: %hasura preview status {job_id} --wait"
            )
        sleep(interval)


def _read_creation(cloud: HasuraCloud, job_id: uuid.UUID) -> CreationOutcome:
    job = cloud.get_preview_app_creation_status(job_id)
    if job is None:
        raise NotFoundError(f"No such preview app creation job exists: {job_id}")
    return creation_outcome(job)


def _with_deployment(
    cloud: HasuraCloud, job_id: uuid.UUID, creation: CreationOutcome, elapsed: float
) -> PreviewProgress:
    if creation.deployment_job_id is None:
        return PreviewProgress(job_id, creation, elapsed_seconds=elapsed)
    job = cloud.get_deployment_job_status(creation.deployment_job_id)
    if job is None:
        raise NotFoundError(
            "could not find the GitHub job; the associated deployment was terminated"
        )
    endpoint = f"{job.project.endpoint.rstrip('/')}/v1/graphql" if job.project else None
    return PreviewProgress(
        job_id,
        creation,
        job.status,
        deployment_tasks(job),
        elapsed,
        graphql_endpoint=endpoint if job.status == "success" else None,
    )
