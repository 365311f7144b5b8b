"""checkDBLatency: a job that measures the latency from the project's region to its databases.

It follows the shared timeline of ``jobs.advance``. With step s, from the request at t=0:
  t>=s   the job is ``running``; its task ``check-db-latency`` gets a ``created`` event.
  t>=2s  the task gets ``success`` with ``{"sources": {...}}`` as ``public_event_data`` and the
         job ends ``success`` (or both ``failed``, if the project went inactive meanwhile).

Nothing is measured for real: a latency is a function of the region and the database host, so
the same setup always reports the same numbers. Connection strings are never echoed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .errors import EmulatorError
from .jobs import (
    FAILED,
    QUEUED,
    RUNNING,
    SUCCESS,
    StepFunction,
    add_event,
    add_task,
    insert_job,
    set_status,
    task,
)
from .projects import METADATA_DB_KEY, read_env, tenant_of_project
from .store import Store
from .tenant_state import ensure_active

JOB_TYPE = "db_latency"
TASK = "check-db-latency"
DATABASE_SUFFIX = "DATABASE_URL"
DEFAULT_DATABASE_KEY = "HASURA_GRAPHQL_DATABASE_URL"
DEFAULT_SOURCE = "default"
INVALID = "invalid connection string"
POSTGRES_SCHEMES = ("postgres", "postgresql")
# Latencies span MIN_MS .. MIN_MS + (SPREAD - 1) / 10 ms, in tenths of a millisecond.
MIN_MS, SPREAD = 5.0, 2451


def submit(store: Store, owner_id: str, tenant: Mapping[str, Any]) -> str:
    """Queue a latency check of the tenant's project; returns the job id."""
    return insert_job(
        store,
        user_id=owner_id,
        job_type=JOB_TYPE,
        status=QUEUED,
        public_input={"project_id": tenant["project_id"]},
        spec={},
        project_id=tenant["project_id"],
        project_name=tenant["slug"],
        scheduled_from=store.now_us(),
    )


def _step(store: Store, job: dict[str, Any], due: int) -> None:
    tenant = tenant_of_project(store, job["project_id"])
    assert tenant is not None, "deleting a project fails its unfinished jobs first"
    if job["steps_done"] == 0:
        set_status(store, job["id"], RUNNING, due)
        add_task(store, job["id"], TASK, tenant["cloud"], tenant["region"], due)
        return
    check = task(store, job["id"], TASK)
    try:
        ensure_active(tenant)  # it may have been hibernated since the request
    except EmulatorError as error:
        add_event(store, check["id"], FAILED, due, error=error.message)
        set_status(store, job["id"], FAILED, due)
        return
    env = read_env(store, tenant["id"])
    result = {"sources": measure(env, tenant["cloud"], tenant["region"])}
    add_event(store, check["id"], SUCCESS, due, public_event_data=result)
    set_status(store, job["id"], SUCCESS, due)


STEPS: dict[str, StepFunction] = {JOB_TYPE: _step}


# ---------------------------------------------------------------- measuring


def sources(env: Mapping[str, str]) -> dict[str, str]:
    """Source name -> the env var holding its URL: every ``*DATABASE_URL`` but the metadata one,
    or the metadata database as ``default`` when there is none."""
    found: dict[str, str] = {}
    for key in sorted(env):
        if not key.endswith(DATABASE_SUFFIX) or key == METADATA_DB_KEY:
            continue
        name = _source_name(key)
        found[key.lower() if name in found else name] = key  # two keys, one name: keep both
    if not found and METADATA_DB_KEY in env:
        found[DEFAULT_SOURCE] = METADATA_DB_KEY
    return found


def _source_name(key: str) -> str:
    if key == DEFAULT_DATABASE_KEY:
        return DEFAULT_SOURCE
    prefix = key.removesuffix(DATABASE_SUFFIX).rstrip("_")
    return prefix.lower() if prefix else key.lower()


def measure(env: Mapping[str, str], cloud: str, region: str) -> dict[str, dict[str, Any]]:
    """``public_event_data.sources`` of a successful check."""
    report: dict[str, dict[str, Any]] = {}
    for name, key in sources(env).items():
        host = _postgres_host(env[key])
        report[name] = {
            "connection_source": key,
            "avg_latency": None if host is None else latency_ms(cloud, region, host),
            "error": INVALID if host is None else None,
        }
    return report


def _postgres_host(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    return host if parts.scheme.lower() in POSTGRES_SCHEMES and host else None


def latency_ms(cloud: str, region: str, host: str) -> float:
    """A stable latency for a (region, host) pair, 5.0 to 250.0 ms with one decimal."""
    digest = hashlib.sha256(f"{cloud}/{region}|{host}".encode()).digest()
    tenths = int.from_bytes(digest[:4], "big") % SPREAD
    return round(MIN_MS + tenths / 10, 1)
