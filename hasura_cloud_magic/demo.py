"""A short end-to-end tour of the Hasura Cloud API against the embedded emulator.

    python -m hasura_cloud_magic.demo

Starts the local emulator (no account, no network), then through the facade: lists regions,
creates a project with env vars, looks up its tenant, changes env vars with the hash protocol,
shows what a stale hash does, creates a preview app and follows it to healthy, and deletes
everything it made. Env values are printed masked. Exits non-zero if any step fails.
"""

from __future__ import annotations

import sys
import uuid

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.errors import HashConflictError, HasuraCloudError, PreviewAppFailed
from hasura_cloud_magic.preview_apps import follow
from hasura_cloud_magic.settings import ClientSettings

DEMO_GITHUB_TOKEN = "ghp_" + "demo0" * 8  # shaped like a GitHub token; the emulator accepts it


def say(text: str) -> None:
    print(text, flush=True)


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
    progress = follow(cloud, job_id, wait=True, timeout=30.0, interval=0.5)
    if not progress.succeeded:
        raise PreviewAppFailed(f"preview app {progress.error()}")
    steps = ", ".join(f"{task.name}={task.state}" for task in progress.tasks)
    say(f"7. deployment {progress.deployment_status}: {steps}")

    project_id = progress.creation.project_id
    preview = cloud.get_project(project_id) if project_id else None
    for project in (preview, cloud.find_project_by_name(name)):
        if project is not None and project.tenant is not None:
            cloud.delete_tenant(project.tenant.id)
    say(f"8. deleted both projects; {len(cloud.list_projects())} projects left")


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
