"""A short end-to-end tour of the Hasura Cloud API against the embedded emulator.

    python -m hasura_cloud_magic.demo

Starts the local emulator (no account, no network), then through the facade: lists regions,
creates a project with env vars, looks up its tenant, changes env vars with the hash protocol,
shows what a stale hash does, creates a preview app and follows it to healthy, and deletes
everything it made. Env values are printed masked. Exits non-zero if any step fails.
"""

from __future__ import annotations

import sys
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.errors import HashConflictError, HasuraCloudError
from hasura_cloud_magic.preview_apps import DEPLOYMENT_FINAL, CreationOutcome, creation_outcome
from hasura_cloud_magic.settings import ClientSettings

T = TypeVar("T")
DEMO_GITHUB_TOKEN = "ghp_" + "demo0" * 8  # shaped like a GitHub token; the emulator accepts it


def say(text: str) -> None:
    print(text, flush=True)


def wait_until(fetch: Callable[[], T], done: Callable[[T], bool], timeout: float = 30.0) -> T:
    deadline = time.monotonic() + timeout
    value = fetch()
    while not done(value):
        if time.monotonic() > deadline:
            raise TimeoutError("gave up waiting")
        time.sleep(0.5)
        value = fetch()
    return value


def tour(cloud: HasuraCloud) -> None:
    aws = [region.name for region in cloud.list_regions("aws")]
    say(f"1. {len(aws)} active aws regions, e.g. {', '.join(aws[:4])}")

    name = f"demo-{uuid.uuid4().hex[:6]}"
    created = cloud.create_project(
        cloud="aws", region="us-east-2", name=name, envs={"API_KEY": "first-secret"}
    )
    tenant = cloud.get_tenant(created.id)
    assert tenant is not None
    say(f"2. created project {created.name} (tenant {created.id}) at {tenant.project.endpoint}")

    env = cloud.get_env(created.id)
    say(f"3. env keys {env.keys}, hash {env.hash[:12]}…")
    env = cloud.update_env(created.id, env.hash, {"API_KEY": "rotated-secret", "REGION": "eu"})
    say(f"4. rotated API_KEY and added REGION; new hash {env.hash[:12]}… (values masked)")
    try:
        cloud.update_env(created.id, "0" * 40, {"API_KEY": "lost-update"})
    except HashConflictError as conflict:
        say(f"5. a write with a stale hash is refused, nothing changed: {conflict}")

    job_id = cloud.create_preview_app(
        name=f"{name}-pr-1",
        owner="my-org",
        repo="my-repo",
        branch="feature",
        directory="hasura",
        github_token=DEMO_GITHUB_TOKEN,
    )
    say(f"6. preview app queued as job {job_id}")
    creation = wait_until(lambda: _outcome(cloud, job_id), lambda outcome: outcome.finished)
    if creation.status != "success" or creation.deployment_job_id is None:
        raise HasuraCloudError(f"preview app creation {creation.status}: {creation.error}")
    deployment_job_id = creation.deployment_job_id
    deployment = wait_until(
        lambda: cloud.get_deployment_job_status(deployment_job_id),
        lambda job: job is not None and job.status in DEPLOYMENT_FINAL,
    )
    assert deployment is not None
    steps = ", ".join(f"{t.name}={t.task_events[0].event_type}" for t in deployment.tasks)
    say(f"7. deployment {deployment.status}: {steps}")

    preview = cloud.get_project(creation.project_id) if creation.project_id else None
    for project in (preview, cloud.find_project_by_name(name)):
        if project is not None and project.tenant is not None:
            cloud.delete_tenant(project.tenant.id)
    say(f"8. deleted both projects; {len(cloud.list_projects())} projects left")


def _outcome(cloud: HasuraCloud, job_id: uuid.UUID) -> CreationOutcome:
    job = cloud.get_preview_app_creation_status(job_id)
    return creation_outcome(job) if job else CreationOutcome("unknown")


def main() -> int:
    say("Starting the local Hasura Cloud emulator…")
    with start() as emulator:
        settings = ClientSettings(endpoint=emulator.endpoint, token=emulator.token)
        say(settings.describe())
        with HasuraCloud(settings) as cloud:
            try:
                tour(cloud)
            except HasuraCloudError as error:
                say(f"error: {error}")
                return 1
    say("Done.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
