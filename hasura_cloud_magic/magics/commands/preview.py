"""``%hasura preview create|status|delete``: GitHub preview apps, as the official action runs them.

``create`` queues the app (the GitHub token comes from an env var, never from the cell); a
name that an existing project has is refused unless ``--replace`` (the API deletes and
replaces that project);
``--wait`` (or ``status --wait``) follows the creation job, then the deployment job, task by
task, polling every ``poll_interval`` seconds (2 s, the action's cadence). A failed or skipped
app is an error, so a notebook run stops on it.
"""

from __future__ import annotations

import argparse
import os
import uuid
from collections.abc import Callable

from hasura_cloud_magic.errors import ConfigurationError, NotFoundError, PreviewAppFailed
from hasura_cloud_magic.magics.parsing import parse_assignments
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import confirm
from hasura_cloud_magic.preview_apps import follow, refuse_silent_replacement
from hasura_cloud_magic.results import PreviewJob, PreviewStatus
from hasura_cloud_magic.targets import Target


def _github_token(env_name: str) -> str:
    token = os.environ.get(env_name, "").strip()
    if not token:
        raise ConfigurationError(
            f"env var {env_name} is not set: put a GitHub token with read access to the "
            "repository there (or name another with --github-token-env)"
        )
    return token


def _follow(session: Session, job_id: uuid.UUID, args: argparse.Namespace) -> PreviewStatus:
    if args.wait:  # an unknown job is its error alone, before any live view appears
        follow(session.cloud(), job_id, wait=False, timeout=args.timeout)
        session.running = f"the job goes on: %hasura preview status {job_id} --wait"
    # A live view only when waiting: a single read needs no view that never moves.
    live = session.out.progress() if args.wait else None
    progress = follow(
        session.cloud(),
        job_id,
        wait=args.wait,
        timeout=args.timeout,
        interval=session.preferences.poll_interval,
        on_update=live.update if live else None,
    )
    status = PreviewStatus(progress)
    if progress.finished and not progress.succeeded:
        raise PreviewAppFailed(f"preview app {progress.error()}")
    if progress.succeeded:
        session.out.success(f"Preview app ready: {progress.graphql_endpoint}")
    return status


def _create(session: Session, args: argparse.Namespace) -> PreviewJob | PreviewStatus:
    envs = parse_assignments(args.env)
    github_token = _github_token(args.github_token_env)
    refuse_silent_replacement(session.cloud(), args.name, replace=args.replace, how="add --replace")
    with session.journal.writing("preview create", args.name, keys=envs) as entry:
        job_id = session.cloud().create_preview_app(
            name=args.name,
            owner=args.owner,
            repo=args.repo,
            branch=args.branch,
            directory=args.directory,
            github_token=github_token,
            cloud=args.cloud,
            region=args.region,
            plan=args.plan,
            envs=envs,
        )
        entry.detail = f"creation job {job_id}"
    session.preview_jobs[args.name] = job_id
    session.cache.project_names.add(args.name)
    session.out.info(f"Preview app {args.name} queued: creation job {job_id}")
    if not args.wait:
        return PreviewJob(job_id, args.name)
    return _follow(session, job_id, args)


def _delete(session: Session, args: argparse.Namespace) -> None:
    cloud = session.cloud()
    found = [p for p in cloud.projects_named(args.name) if p.tenant is not None]
    if not found:
        raise NotFoundError(
            "Could not delete the preview app because the given app does not exist."
        )
    tenant_id = found[0].tenant.id  # type: ignore[union-attr]
    session.guard_removal(Target(tenant_id, found[0].id, args.name), "delete", args.confirm)
    confirm(
        f"Delete preview app {args.name} (tenant {tenant_id})?",
        assume_yes=args.yes,
        type_to_confirm=args.name,
    )
    with session.journal.writing("preview delete", args.name):
        cloud.delete_tenant(tenant_id)
    session.forget_targets(tenant_id)
    session.cache.project_names.discard(args.name)
    session.out.success(f"Deleted preview app {args.name}.")


def _wizard(session: Session, args: argparse.Namespace) -> object:
    if not session.out.rich():
        session.out.warning(
            "The wizard is a Jupyter form; in a terminal use %hasura preview create ... --wait"
        )
        return None
    from hasura_cloud_magic.widgets.preview_wizard import PreviewWizard  # ipywidgets: only here

    return PreviewWizard(
        session.cloud(),
        github_token_env=args.github_token_env,
        poll_interval=session.preferences.poll_interval,
        journal=session.journal,
    )


def _job_of(session: Session, job_or_name: str) -> uuid.UUID:
    """A creation job id, or the app name of one this session queued."""
    if job_or_name in session.preview_jobs:
        return session.preview_jobs[job_or_name]
    try:
        return uuid.UUID(job_or_name.strip())
    except ValueError:
        raise NotFoundError(
            f"no preview app {job_or_name!r} was queued in this session: give its creation "
            "job id (printed by %hasura preview create)"
        ) from None


def _status(session: Session, args: argparse.Namespace) -> PreviewStatus:
    return _follow(session, _job_of(session, args.job_id), args)


_ACTIONS: dict[str, Callable[[Session, argparse.Namespace], object]] = {
    "create": _create,
    "status": _status,
    "delete": _delete,
    "wizard": _wizard,
}


def run(session: Session, args: argparse.Namespace) -> object:
    return _ACTIONS[args.action](session, args)
