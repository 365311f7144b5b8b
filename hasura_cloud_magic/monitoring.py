"""Monitoring: projects' traffic, operations, errors and logs, from the Metrics API.

>>> from datetime import datetime, timezone
>>> with HasuraCloud() as cloud:
...     targets = metrics_targets(cloud, [project_id])
...     window = time_window("24h", None, None, datetime.now(timezone.utc))
...     traffic(cloud, targets, window).to_dataframe()

A :class:`~hasura_cloud_magic.metrics_api.MetricsTarget` is a project with its region's
metrics host (``region_info.metrics_fqdn``); :func:`metrics_targets` reads them in one round
trip for a whole fleet. Each function returns a result of ``results.metrics``: typed rows,
``.to_dataframe()``, and a chart in Jupyter.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hasura_cloud_magic.errors import InvalidInputError, NotFoundError
from hasura_cloud_magic.metrics_api import MetricsTarget
from hasura_cloud_magic.results.metrics import (
    ErrorPoint,
    ErrorReport,
    ErrorStat,
    LogEntry,
    OperationLogs,
    OperationStat,
    OperationStats,
    Traffic,
    TrafficPoint,
)
from hasura_cloud_magic.settings import DEFAULT_METRICS_GROUPS, MAX_LOG_LIMIT
from hasura_cloud_magic.times import TimeWindow

if TYPE_CHECKING:
    from hasura_cloud_magic.api import HasuraCloud, Id

__all__ = [
    "BY",
    "SORTS",
    "error_report",
    "metrics_targets",
    "operation_logs",
    "operation_stats",
    "traffic",
]

#: ``--by`` → (the column the API groups by, the filter of one group's series).
BY: dict[str, tuple[str, str]] = {
    "operation": ("operation_name", "operation_names"),
    "role": ("user_role", "user_roles"),
    "client": ("client_name", "client_names"),
    "transport": ("transport", "transports"),
}
#: ``--sort`` → the column the API orders operations by (descending).
SORTS: dict[str, str] = {
    "count": "request_count",
    "errors": "error_count",
    "latency": "average_execution_time",
}


def metrics_targets(cloud: HasuraCloud, project_ids: Sequence[Id]) -> list[MetricsTarget]:
    """Each project with its metrics host, by name; a project whose region reports none is
    a one-line NotFoundError (nothing else is read)."""
    targets = []
    for status in cloud.project_status(project_ids):
        region = status.tenant.region_info if status.tenant else None
        if region is None or not region.metrics_fqdn:
            raise NotFoundError(f"no metrics host is known for {status.name}'s region")
        targets.append(MetricsTarget(status.id, status.name, region.metrics_fqdn))
    return targets


def traffic(
    cloud: HasuraCloud,
    targets: Sequence[MetricsTarget],
    window: TimeWindow,
    *,
    by: str | None = None,
    groups: int = DEFAULT_METRICS_GROUPS,
) -> Traffic:
    """Requests, errors and mean latency per bucket: one series per project, or with ``by``
    (one project only) one per group — the ``groups`` busiest operations, roles, clients or
    transports of the window."""
    if by is None:
        rows = cloud.metrics.requests_over_time(targets, window)
        return Traffic(
            _points(rows, targets, None), window=window, title=_title("Traffic", targets)
        )
    if by not in BY:
        raise InvalidInputError(f"--by one of {', '.join(BY)}, not {by!r}")
    if len(targets) != 1:
        raise InvalidInputError("--by splits one project's traffic: give one TARGET")
    column, series_filter = BY[by]
    busiest = cloud.metrics.operation_stats(
        targets[0], window, group_by=[column], order_by=SORTS["count"], limit=groups
    )
    points: list[TrafficPoint] = []
    for group in busiest.search_usage_metrics or []:
        value = getattr(group, column)
        if value is None:
            continue
        rows = cloud.metrics.requests_over_time(targets, window, **{series_filter: [value]})
        points += _points(rows, targets, value)
    title = f"{_title('Traffic', targets)} by {by}"
    return Traffic(points, window=window, by=by, title=title)


def _title(what: str, targets: Sequence[MetricsTarget]) -> str:
    """``Traffic of shop-prod``, or of ``3 projects``."""
    of = targets[0].name if len(targets) == 1 else f"{len(targets)} projects"
    return f"{what} of {of}"


def _points(
    rows: Sequence[Any], targets: Sequence[MetricsTarget], group: str | None
) -> list[TrafficPoint]:
    """Points by time, then project name (the API orders projects by id, which says nothing
    to a reader and differs from one account to the next)."""
    names = _names(targets)
    only = targets[0].name if len(targets) == 1 else None
    points = []
    for row in rows:  # a week at five minutes is 2016 rows per project: kept lean
        requests = row.request_count or 0
        points.append(
            TrafficPoint(
                row.bucket_time,
                only or names.get(row.project_id) or str(row.project_id),
                group,
                requests,
                requests - (row.success_count or 0),
                row.average_execution_time if requests else None,
            )
        )
    if only:
        return points  # the API's order: by time
    return sorted(points, key=lambda point: (point.time, point.project))


def _names(targets: Sequence[MetricsTarget]) -> dict[uuid.UUID, str]:
    return {target.project_id: target.name for target in targets}


def operation_stats(
    cloud: HasuraCloud, target: MetricsTarget, window: TimeWindow, *, top: int, sort: str
) -> OperationStats:
    """The ``top`` operations by ``sort`` (count, errors or latency), as the dashboard's
    operations table shows them."""
    if sort not in SORTS:
        raise InvalidInputError(f"--sort one of {', '.join(SORTS)}, not {sort!r}")
    answer = cloud.metrics.operation_stats(
        target,
        window,
        group_by=["operation_name", "operation_type"],
        order_by=SORTS[sort],
        limit=top,
    )
    stats = [OperationStat.from_api(row) for row in answer.search_usage_metrics or []]
    total = (
        answer.search_usage_metrics_aggregate.count
        if answer.search_usage_metrics_aggregate
        else len(stats)
    )
    return OperationStats(
        stats, window=window, sort=sort, total=total, title=f"Operations of {target.name}"
    )


def error_report(
    cloud: HasuraCloud, targets: Sequence[MetricsTarget], window: TimeWindow, *, limit: int
) -> ErrorReport:
    """Errors by code and operation (the ``limit`` largest groups per project), and errors
    per bucket: the API's errors series for one project, each project's for a fleet."""
    stats = []
    for target in targets:
        answer = cloud.metrics.error_stats(target, window, limit=limit)
        stats += [ErrorStat.from_api(target.name, row) for row in answer.search_error_metrics or []]
    if len(targets) == 1:  # the API's own errors series (the console's chart)
        series = cloud.metrics.errors_over_time(targets[0], window)
        over_time = [ErrorPoint(p.timestamp, targets[0].name, round(p.value or 0)) for p in series]
    else:
        over_time = [
            ErrorPoint(p.time, p.project, p.errors)
            for p in _points(cloud.metrics.requests_over_time(targets, window), targets, None)
        ]
    return ErrorReport(stats, over_time=over_time, window=window, title=_title("Errors", targets))


def operation_logs(
    cloud: HasuraCloud,
    target: MetricsTarget,
    window: TimeWindow,
    *,
    operation: str | None = None,
    errors_only: bool = False,
    limit: int,
) -> OperationLogs:
    """The newest ``limit`` requests of the window (of one operation, or failed only)."""
    if not 1 <= limit <= MAX_LOG_LIMIT:
        raise InvalidInputError(f"--limit must be from 1 to {MAX_LOG_LIMIT}, got {limit}")
    rows = cloud.metrics.operation_logs(
        target, window, operation_name=operation, errors_only=errors_only, limit=limit
    )
    entries = [LogEntry.from_api(row) for row in rows]
    what = f"Requests of {target.name}" + (f" ({operation})" if operation else "")
    return OperationLogs(entries, window=window, title=what)
