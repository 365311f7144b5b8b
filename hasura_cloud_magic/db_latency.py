"""The DB-latency check: how far a project's databases are from its Hasura Cloud region.

``checkDBLatency`` starts a job like a preview app's (``jobs_by_pk`` → tasks → events); when
its task succeeds, the event's ``public_event_data`` holds, per database source, the average
latency in milliseconds or the error that stopped the measurement.

>>> job_id = cloud.check_db_latency(project_id)
>>> result = follow_db_latency(cloud, job_id, project="shop-prod", wait=True, timeout=60)
>>> result.sources
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hasura_cloud_magic.display import Table, TableView
from hasura_cloud_magic.errors import NotFoundError, WaitTimeout
from hasura_cloud_magic.polling import poll
from hasura_cloud_magic.settings import POLL_INTERVAL_SECONDS

if TYPE_CHECKING:
    from hasura_cloud_client import GetDBLatencyJobJobsByPk

    from hasura_cloud_magic.api import HasuraCloud

__all__ = ["DBLatency", "SourceLatency", "follow_db_latency"]

FINAL = frozenset({"success", "failed"})


@dataclass(frozen=True)
class SourceLatency:
    """One database source: its average latency (ms), or why it could not be measured."""

    source: str
    connection_source: str | None
    avg_latency_ms: float | None
    error: str | None

    def row(self) -> list[str]:
        latency = "—" if self.avg_latency_ms is None else f"{self.avg_latency_ms:g} ms"
        return [self.source, self.connection_source or "—", latency, self.error or ""]


@dataclass(frozen=True, repr=False)
class DBLatency(TableView):
    """Where a DB-latency job stands; its sources once it succeeded."""

    project: str
    job_id: uuid.UUID
    status: str
    sources: tuple[SourceLatency, ...] = ()
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINAL

    def headline(self) -> str:
        if self.error:
            return f"DB latency of {self.project}: {self.status}: {self.error}"
        return f"DB latency of {self.project}: {self.status}"

    def table(self) -> Table:
        rows = [source.row() for source in self.sources]
        return Table(("source", "connection from", "avg latency", "error"), rows, self.headline())


def read_db_latency(job: GetDBLatencyJobJobsByPk, project: str) -> DBLatency:
    """The job's status, and the sources (or the error) its task's last event reports."""
    events = [event for task in job.tasks for event in task.task_events]
    final = next((e for e in reversed(events) if e.event_type in FINAL), None)
    if final is None:
        return DBLatency(project, job.id, job.status)
    if final.event_type == "failed":
        return DBLatency(project, job.id, job.status, error=final.error or "the check failed")
    return DBLatency(project, job.id, job.status, _sources(final.public_event_data))


def _sources(data: Any) -> tuple[SourceLatency, ...]:
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, dict):
        return ()
    return tuple(
        SourceLatency(
            source=str(name),
            connection_source=_text(entry.get("connection_source")),
            avg_latency_ms=_number(entry.get("avg_latency")),
            error=_text(entry.get("error")),
        )
        for name, entry in sorted(sources.items())
        if isinstance(entry, dict)
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _number(value: object) -> float | None:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if is_number else None  # type: ignore[arg-type]


def follow_db_latency(
    cloud: HasuraCloud,
    job_id: uuid.UUID,
    *,
    project: str,
    wait: bool,
    timeout: float,
    interval: float = POLL_INTERVAL_SECONDS,
    on_update: Callable[[DBLatency], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> DBLatency:
    """Read the job; with ``wait``, poll until it ends (WaitTimeout after ``timeout`` s)."""

    def read() -> DBLatency:
        job = cloud.get_db_latency_job(job_id)
        if job is None:
            raise NotFoundError(f"no DB-latency job {job_id} visible to this token")
        return read_db_latency(job, project)

    return poll(
        read,
        lambda result: result.finished or not wait,
        timeout=timeout,
        gave_up=lambda result, elapsed: WaitTimeout(
            f"gave up waiting after {elapsed:.0f} s ({result.status}); the check goes on"
        ),
        interval=interval,
        on_update=on_update,
        sleep=sleep,
        clock=clock,
    )
