"""Reading preview-app jobs the way the official GitHub Action does.

Creating a preview app runs two jobs. The *creation* job (id returned by
``createGitHubPreviewApp``) ends ``success``, ``failed`` or ``skipped``; on success its task's
``success`` event carries ``public_event_data.projectId`` and ``.githubDeploymentJobID``. The
*deployment* job then runs ``gh-validation`` … ``check-healthz`` and ends ``success`` or
``failed``. Any other status means "still going: poll again in 2 s".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hasura_cloud_client import GetPreviewAppCreationStatusJobsByPk

CREATION_FINAL = frozenset({"success", "failed", "skipped"})
DEPLOYMENT_FINAL = frozenset({"success", "failed"})
POLL_INTERVAL_SECONDS = 2.0  # the official action's cadence
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
