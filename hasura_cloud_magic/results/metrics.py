"""What the monitoring commands return: traffic over time, operations, errors, logs.

Each result is a sequence of typed rows with ``.to_dataframe()`` (every row, pandas
optional) and ``.chart()``. Displayed, it is its chart in Jupyter (Vega-Lite, when Altair is
installed) and a readable table in a terminal or without Altair. Times are shown in the
user's time zone; the rows keep them timezone-aware.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from hasura_cloud_magic import charts
from hasura_cloud_magic.charts import Measure
from hasura_cloud_magic.display import Chart, Table
from hasura_cloud_magic.redaction import mask_secrets
from hasura_cloud_magic.results.base import Rows
from hasura_cloud_magic.times import TimeWindow, local_time

if TYPE_CHECKING:
    from hasura_metrics_client import (
        GetErrorStatsSearchErrorMetrics,
        GetOperationLogsOperationLogs,
        GetOperationStatsSearchUsageMetrics,
    )

__all__ = [
    "ErrorPoint",
    "ErrorReport",
    "ErrorStat",
    "LogEntry",
    "OperationLogs",
    "OperationStat",
    "OperationStats",
    "Traffic",
    "TrafficPoint",
]


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f} ms"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def _iso(moment: datetime) -> str:
    return moment.isoformat()


class _Charted(Rows):
    """A list result displayed as its chart (table where none can be drawn)."""

    _chart: Chart | None = None

    def chart(self) -> Chart:
        """The chart (made once), with the table for where it cannot be drawn."""
        if self._chart is None:
            self._chart = Chart(self._spec, self.table())
        return self._chart

    def _spec(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return self.chart()._repr_mimebundle_(include, exclude)

    def _repr_html_(self) -> str | None:
        return self.chart()._repr_html_()


# ---------------------------------------------------------------- traffic over time


@dataclass(frozen=True, slots=True)
class TrafficPoint:
    """One time bucket of one project (and one group, with ``--by``)."""

    time: datetime
    project: str
    group: str | None
    requests: int
    errors: int
    #: Mean execution time in the bucket (None without requests).
    mean_latency_ms: float | None


class Traffic(_Charted):
    """Requests, errors and mean latency per bucket; the table sums each series up."""

    def __init__(
        self,
        points: Sequence[TrafficPoint],
        *,
        window: TimeWindow,
        by: str | None = None,
        title: str = "",
    ) -> None:
        super().__init__(points, title=title)
        self.window = window
        self.by = by

    @property
    def _series_key(self) -> str:
        return "group" if self.by else "project"

    def _label(self, point: TrafficPoint) -> str:
        return (point.group or "—") if self.by else point.project

    def table(self) -> Table:
        """One row per series: totals, error rate, mean latency and the busiest bucket."""
        series: dict[str, list[TrafficPoint]] = {}
        for point in self._items:
            series.setdefault(self._label(point), []).append(point)
        rows = [_traffic_summary(label, points) for label, points in series.items()]
        columns = (self.by or "project", "requests", "errors", "error rate", "mean latency")
        return Table(
            (*columns, "busiest bucket"),
            rows,
            f"{self._title} — {self.window.describe()}",
            empty="No traffic in this window.",
        )

    def _spec(self) -> dict[str, Any] | None:
        rows = [
            {
                "time": _iso(p.time),
                self._series_key: self._label(p),
                "requests": p.requests,
                "errors": p.errors,
                "latency_ms": p.mean_latency_ms,
            }
            for p in self._items
        ]
        measures = [
            Measure("requests", "requests"),
            Measure("errors", "errors"),
            Measure("latency_ms", "mean latency (ms)"),
        ]
        several = len({r[self._series_key] for r in rows}) > 1 or self.by is not None
        return charts.time_series(
            rows,
            measures=measures,
            series=self._series_key if several else None,
            title=f"{self._title} ({self.window.interval.name} buckets)",
        )


def _traffic_summary(label: str, points: Sequence[TrafficPoint]) -> list[str]:
    requests = sum(p.requests for p in points)
    errors = sum(p.errors for p in points)
    weighted = sum((p.mean_latency_ms or 0.0) * p.requests for p in points)
    busiest = max(points, key=lambda p: p.requests)
    return [
        label,
        f"{requests:,}",
        f"{errors:,}",
        _percent(errors, requests),
        _ms(weighted / requests if requests else None),
        f"{local_time(busiest.time)} ({busiest.requests:,})" if busiest.requests else "—",
    ]


# ---------------------------------------------------------------- operations


@dataclass(frozen=True)
class OperationStat:
    """One operation over the window, as the dashboard's operations table shows it."""

    operation: str
    type: str | None
    requests: int
    errors: int
    mean_latency_ms: float | None
    mean_response_bytes: float | None

    @classmethod
    def from_api(cls, row: GetOperationStatsSearchUsageMetrics) -> OperationStat:
        return cls(
            operation=row.operation_name or "(anonymous)",
            type=row.operation_type,
            requests=row.request_count or 0,
            errors=row.error_count or 0,
            mean_latency_ms=row.average_execution_time,
            mean_response_bytes=row.average_response_size,
        )

    @property
    def error_rate(self) -> float:
        return self.errors / self.requests if self.requests else 0.0

    def row(self) -> list[str]:
        return [
            self.operation,
            self.type or "—",
            f"{self.requests:,}",
            f"{self.errors:,}",
            _percent(self.errors, self.requests),
            _ms(self.mean_latency_ms),
            "—" if self.mean_response_bytes is None else f"{self.mean_response_bytes:,.0f} B",
        ]


#: --sort → what the chart plots.
_SORTED_BY = {
    "count": ("requests", "requests"),
    "errors": ("errors", "errors"),
    "latency": ("mean_latency_ms", "mean latency (ms)"),
}


class OperationStats(_Charted):
    """The busiest, most failing or slowest operations; ``.total`` counts them all."""

    columns = ("operation", "type", "requests", "errors", "error rate", "mean latency", "response")
    empty = "No operations in this window."

    def __init__(
        self,
        stats: Sequence[OperationStat],
        *,
        window: TimeWindow,
        sort: str,
        total: int,
        title: str = "",
    ) -> None:
        super().__init__(stats, title=title)
        self.window = window
        self.sort = sort
        self.total = total

    def table(self) -> Table:
        shown = f"top {len(self)} of {self.total} by {self.sort}"
        return replace(super().table(), title=f"{self._title} — {shown}, {self.window.describe()}")

    def _spec(self) -> dict[str, Any] | None:
        field, title = _SORTED_BY[self.sort]
        rows = [{"operation": s.operation, field: getattr(s, field) or 0} for s in self._items]
        return charts.bars(
            rows, category="operation", value=field, title=self._title, value_title=title
        )


# ---------------------------------------------------------------- errors


@dataclass(frozen=True)
class ErrorStat:
    """Failed requests of one operation with one error code."""

    project: str
    error_code: str | None
    operation: str | None
    errors: int

    @classmethod
    def from_api(cls, project: str, row: GetErrorStatsSearchErrorMetrics) -> ErrorStat:
        return cls(project, row.error_code, row.operation_name, row.error_count or 0)

    def row(self) -> list[str]:
        return [self.project, self.error_code or "—", self.operation or "—", f"{self.errors:,}"]


@dataclass(frozen=True)
class ErrorPoint:
    """Failed requests of one project in one time bucket."""

    time: datetime
    project: str
    errors: int


class ErrorReport(_Charted):
    """Errors by code and operation (the rows), and over time (``.over_time``)."""

    columns = ("project", "error code", "operation", "errors")
    empty = "No errors in this window."

    def __init__(
        self,
        stats: Sequence[ErrorStat],
        *,
        over_time: Sequence[ErrorPoint],
        window: TimeWindow,
        title: str = "",
    ) -> None:
        super().__init__(stats, title=title)
        self.over_time = list(over_time)
        self.window = window

    @property
    def peak(self) -> ErrorPoint | None:
        """The bucket with the most errors (the first, on a tie), or None without errors."""
        worst = max(self.over_time, key=lambda p: p.errors, default=None)
        return worst if worst is not None and worst.errors else None

    def table(self) -> Table:
        peak = self.peak
        worst = (
            f"; most in one bucket: {peak.errors:,} at {local_time(peak.time)}"
            + (f" ({peak.project})" if len({p.project for p in self.over_time}) > 1 else "")
            if peak
            else ""
        )
        return replace(super().table(), title=f"{self._title} — {self.window.describe()}{worst}")

    def over_time_dataframe(self) -> Any:
        """The errors per bucket (``.to_dataframe()`` has them by code and operation)."""
        return Rows(self.over_time).to_dataframe()

    def _spec(self) -> dict[str, Any] | None:
        rows = [
            {"time": _iso(p.time), "project": p.project, "errors": p.errors} for p in self.over_time
        ]
        several = len({p.project for p in self.over_time}) > 1
        return charts.time_series(
            rows,
            measures=[Measure("errors", "errors")],
            series="project" if several else None,
            title=f"{self._title} ({self.window.interval.name} buckets)",
        )


# ---------------------------------------------------------------- logs


@dataclass(frozen=True)
class LogEntry:
    """One request: when, which operation, who, how long, how it ended."""

    time: datetime
    request_id: str
    operation: str | None
    type: str | None
    role: str | None
    client: str | None
    latency_ms: float | None
    error_code: str | None
    #: The server's error message (the user's own data; never a token or env value of ours).
    error: str | None

    @classmethod
    def from_api(cls, row: GetOperationLogsOperationLogs) -> LogEntry:
        return cls(
            time=row.time,
            request_id=row.request_id,
            operation=row.operation_name,
            type=row.operation_type,
            role=row.user_role,
            client=row.client_name,
            latency_ms=row.execution_time,
            error_code=row.error_code if row.is_error else None,
            error=_error_message(row.error) if row.is_error else None,
        )

    def row(self) -> list[str]:
        return [
            local_time(self.time),
            self.request_id,
            self.operation or "—",
            self.role or "—",
            self.client or "—",
            _ms(self.latency_ms),
            self.error_code or "ok",
        ]


def _error_message(error: object) -> str | None:
    """The message of a Hasura error object ``{"error": ..., "code": ...}``, masked."""
    if isinstance(error, dict):
        message = error.get("error") or error.get("message")
        return mask_secrets(str(message)) if message is not None else None
    return mask_secrets(str(error)) if error is not None else None


class OperationLogs(_Charted):
    """Requests, newest first; the chart plots each one's latency, coloured by outcome."""

    columns = ("time", "request id", "operation", "role", "client", "latency", "outcome")
    empty = "No requests in this window."

    def __init__(self, entries: Sequence[LogEntry], *, window: TimeWindow, title: str = "") -> None:
        super().__init__(entries, title=title)
        self.window = window

    def table(self) -> Table:
        errors = sum(1 for entry in self._items if entry.error_code)
        counts = f"{len(self)} requests, {errors} failed"
        return replace(super().table(), title=f"{self._title} — {counts}, {self.window.describe()}")

    def _spec(self) -> dict[str, Any] | None:
        rows = [
            {
                "time": _iso(e.time),
                "latency_ms": e.latency_ms,
                "outcome": e.error_code or "ok",
                "operation": e.operation or "—",
                "request id": e.request_id,
            }
            for e in self._items
        ]
        return charts.scatter(
            rows,
            y=Measure("latency_ms", "latency (ms)"),
            outcome="outcome",
            details=("operation", "request id"),
            title=self._title,
        )
