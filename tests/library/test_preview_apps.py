"""Creation jobs are read as the official action reads them."""

import uuid

from hasura_cloud_client import GetPreviewAppCreationStatusJobsByPk

from hasura_cloud_magic.preview_apps import SKIPPED_MESSAGE, creation_outcome

PROJECT_ID = uuid.uuid4()
DEPLOYMENT_ID = uuid.uuid4()


def job(status: str, *events: dict[str, object]) -> GetPreviewAppCreationStatusJobsByPk:
    return GetPreviewAppCreationStatusJobsByPk.model_validate(
        {
            "id": str(uuid.uuid4()),
            "status": status,
            "tasks": [
                {
                    "id": str(uuid.uuid4()),
                    "name": "create",
                    "task_events": [
                        {"id": str(uuid.uuid4()), "error": None, "public_event_data": None, **e}
                        for e in events
                    ],
                }
            ],
        }
    )


def test_success_reads_ids_from_the_success_event() -> None:
    outcome = creation_outcome(
        job(
            "success",
            {
                "event_type": "success",
                "public_event_data": {
                    "projectId": str(PROJECT_ID),
                    "githubDeploymentJobID": str(DEPLOYMENT_ID),
                },
            },
            {"event_type": "created"},
        )
    )
    assert outcome.finished
    assert (outcome.project_id, outcome.deployment_job_id) == (PROJECT_ID, DEPLOYMENT_ID)


def test_success_without_event_is_reported() -> None:
    outcome = creation_outcome(job("success", {"event_type": "created"}))
    assert outcome.status == "failed" and outcome.error == "unexpected; no job success task event"


def test_failed_carries_the_event_error() -> None:
    outcome = creation_outcome(
        job("failed", {"event_type": "failed", "error": "error creating tenant: boom"})
    )
    assert (outcome.status, outcome.error) == ("failed", "error creating tenant: boom")


def test_skipped_says_why() -> None:
    outcome = creation_outcome(job("skipped"))
    assert outcome.finished and outcome.error == SKIPPED_MESSAGE


def test_other_statuses_mean_keep_polling() -> None:
    for status in ("queued", "running"):
        outcome = creation_outcome(job(status, {"event_type": "created"}))
        assert not outcome.finished and outcome.status == status
