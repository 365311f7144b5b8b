"""The job machinery every job kind shares: lazy, time-driven steps over stored rows.

A job row has ``scheduled_from`` (the clock reading when it was submitted) and ``steps_done``.
``advance`` runs at the start of every request and applies each step whose due time
(``scheduled_from + (steps_done + 1) * step``) has passed, oldest due first, passing the due time
so that events are stamped with it. (``created_at`` may sit a few microseconds after
``scheduled_from`` to keep timestamps unique, which must not shift the schedule.) Nothing runs in
the background, so the outcome depends only on the stored rows, the clock and ``step``; with
``step == 0`` every job finishes as soon as it is next observed.

What one step of a job does is up to its kind (``preview_apps``, ``db_latency``); each kind
maps its ``job_type`` values to a :data:`StepFunction`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from .projects import delete_project_rows
from .store import Store

Row = dict[str, Any]
#: One step of a job: ``(store, job row as it was before this step, due time in µs)``.
#: ``job["steps_done"]`` is the number of steps applied before this one.
StepFunction = Callable[[Store, Row, int], None]

QUEUED, RUNNING, SUCCESS, FAILED, SKIPPED = "queued", "running", "success", "failed", "skipped"
ACTIVE = (QUEUED, RUNNING)
TERMINATED = "deployment terminated: the project was deleted"


def advance(store: Store, now_us: int, step_us: int, steps: Mapping[str, StepFunction]) -> None:
    """Apply, in due-time order, every job step due at or before ``now_us``."""
    while True:
        due_steps = [
            (job["scheduled_from"] + (job["steps_done"] + 1) * step_us, job)
            for job in store.rows(
                "SELECT * FROM jobs WHERE status IN (?, ?) ORDER BY created_at, id", ACTIVE
            )
            if job["job_type"] in steps
        ]
        due_steps = [(due, job) for due, job in due_steps if due <= now_us]
        if not due_steps:
            return
        due, job = min(due_steps, key=lambda pair: pair[0])
        store.update("jobs", job["id"], {"steps_done": job["steps_done"] + 1})
        steps[job["job_type"]](store, job, due)


def insert_job(
    store: Store,
    *,
    user_id: str,
    job_type: str,
    status: str,
    public_input: Mapping[str, Any],
    spec: Mapping[str, Any],
    project_id: str | None,
    project_name: str,
    scheduled_from: int,
) -> str:
    """Insert a job row; returns its id. ``spec`` (private) never leaves the store."""
    job_id = str(uuid.uuid4())
    created = store.timestamp(scheduled_from)
    store.insert(
        "jobs",
        {
            "id": job_id,
            "user_id": user_id,
            "job_type": job_type,
            "status": status,
            "input": json.dumps(public_input),
            "spec": json.dumps(spec),
            "project_id": project_id,
            "project_name": project_name,
            "scheduled_from": scheduled_from,
            "created_at": created,
            "updated_at": created,
        },
    )
    return job_id


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
            add_event(store, latest["id"], FAILED, at, error=TERMINATED)
        set_status(store, job["id"], FAILED, at)
    delete_project_rows(store, project_id)


# ---------------------------------------------------------------- rows


def set_status(store: Store, job_id: str, status: str, at: int) -> None:
    store.update("jobs", job_id, {"status": status, "updated_at": store.timestamp(at)})


def task(store: Store, job_id: str, name: str) -> Row:
    found = store.row("SELECT * FROM tasks WHERE job_id = ? AND name = ?", (job_id, name))
    assert found is not None, f"task {name} is created before it completes"
    return found


def add_task(store: Store, job_id: str, name: str, cloud: str, region: str, at: int) -> None:
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
    add_event(store, task_id, "created", at)


def add_event(
    store: Store,
    task_id: str,
    event_type: str,
    at: int,
    *,
    error: str | None = None,
    public_event_data: Mapping[str, Any] | None = None,
    github_detail: str | None = None,
) -> None:
    stamp = store.timestamp(at)
    public = None if public_event_data is None else json.dumps(public_event_data)
    store.insert(
        "task_event",
        {
            "id": str(uuid.uuid4()),
            "task_id": task_id,
            "event_type": event_type,
            "error": error,
            "public_event_data": public,
            "event_data": json.dumps({"event_type": event_type}),
            "github_detail": github_detail,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    store.execute("UPDATE tasks SET updated_at = ? WHERE id = ?", (stamp, task_id))
