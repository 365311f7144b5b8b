"""The time-series SQL functions: ``search_*_over_time``, zero-filled buckets of a window."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from ..filters import sort_rows, window
from .aggregate import Filter, Series, Window, bucket_starts, series_by_project, total_series
from .arguments import array_literal, interval_us, uuid_set
from .context import metrics_context
from .times import parse_time

query = ObjectType("query_root")
Row = dict[str, Any]

#: ``_text`` arguments and the column each one filters.
_TEXT_FILTERS = {
    "operation_ids": "operation_id",
    "operation_names": "operation_name",
    "user_roles": "user_role",
    "client_names": "client_name",
    "transports": "transport",
}


def _series(
    info: GraphQLResolveInfo, args: Mapping[str, Any]
) -> tuple[dict[str, Series], list[int], int]:
    """Per visible project asked for, its series over ``args``' window and interval."""
    context = metrics_context(info)
    columns = {column: array_literal(args.get(arg)) for arg, column in _TEXT_FILTERS.items()}
    where = Filter(columns, array_literal(args.get("error_codes")))
    step = interval_us(args.get("time_interval"))
    if args.get("from_time") is None or args.get("to_time") is None:
        return {}, [], step  # a SQL function given a null bound returns no rows
    from_us, to_us = parse_time(args["from_time"]), parse_time(args["to_time"])
    projects = context.projects(uuid_set(array_literal(args.get("project_ids"))))
    per_project = series_by_project(
        context, projects, Window.of(context, from_us, to_us), step, where
    )
    starts = (
        next(iter(per_project.values())).starts
        if per_project
        else _no_project(from_us, to_us, step)
    )
    return per_project, starts, step


def _no_project(from_us: int, to_us: int, step: int) -> list[int]:
    """Buckets are zero-filled even when no project is visible: the chart still has its axis."""
    return bucket_starts(from_us, to_us, step)


def _ordered(
    rows: list[Row], order_by: Sequence[Mapping[str, str]] | None, limit: int | None
) -> list[Row]:
    return window(sort_rows(rows, order_by), limit, None)


def _totals(
    info: GraphQLResolveInfo,
    args: dict[str, Any],
    order_by: Any,
    limit: int | None,
    row: Callable[[Any, int, int], Row],
) -> list[Row]:
    """One row per bucket over every project asked for: ``row(start, requests, errors)``."""
    per_project, starts, _step = _series(info, args)
    total = total_series(per_project, starts)
    rows = [row(start, total.requests[i], total.errors[i]) for i, start in enumerate(starts)]
    return _ordered(rows, order_by, limit)


@query.field("search_usage_over_time")
def resolve_usage_over_time(
    _: None,
    info: GraphQLResolveInfo,
    args: dict[str, Any],
    order_by: Any = None,
    limit: int | None = None,
) -> list[Row]:
    return _totals(
        info,
        args,
        order_by,
        limit,
        lambda start, requests, errors: {
            "timestamp": start,
            "error_count": errors,
            "success_count": requests - errors,
        },
    )


@query.field("search_errors_over_time")
def resolve_errors_over_time(
    _: None,
    info: GraphQLResolveInfo,
    args: dict[str, Any],
    order_by: Any = None,
    limit: int | None = None,
) -> list[Row]:
    return _totals(
        info,
        args,
        order_by,
        limit,
        lambda start, requests, errors: {"timestamp": start, "value": float(errors)},
    )


@query.field("search_requests_over_time")
def resolve_requests_over_time(
    _: None,
    info: GraphQLResolveInfo,
    args: dict[str, Any],
    order_by: Any = None,
    limit: int | None = None,
) -> list[Row]:
    return _totals(
        info,
        args,
        order_by,
        limit,
        lambda start, requests, errors: {"timestamp": start, "value": float(requests)},
    )


@query.field("search_general_operation_metrics_over_time")
def resolve_general_metrics(
    _: None,
    info: GraphQLResolveInfo,
    args: dict[str, Any],
    order_by: Any = None,
    limit: int | None = None,
) -> list[Row]:
    per_project, _starts, step = _series(info, args)
    minutes = step / 60_000_000
    rows = [
        _general_row(project_id, series, i, minutes)
        for project_id, series in per_project.items()
        for i in range(len(series.starts))
    ]
    return _ordered(rows, order_by, limit)


def _general_row(project_id: str, series: Series, i: int, minutes: float) -> Row:
    requests = series.requests[i]
    return {
        "project_id": project_id,
        "bucket_time": series.starts[i],
        "request_count": requests,
        "success_count": requests - series.errors[i],
        "average_execution_time": round(series.latency_sum[i] / requests, 3) if requests else 0.0,
        "requests_per_minute": round(requests / minutes, 3),
    }
