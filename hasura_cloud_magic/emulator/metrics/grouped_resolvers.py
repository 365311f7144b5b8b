"""Grouped metrics: the ``searchUsageMetrics``/``searchErrorMetrics`` actions, their aggregates,
``search_operation_name_summaries`` and ``search_summary_metrics``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from ..filters import sort_rows, window
from .aggregate import DIMENSIONS, Contribution, Filter, Totals, Window, contributions
from .arguments import ValidationFailed, array_literal, string_set, uuid_set
from .context import metrics_context
from .times import parse_time

query = ObjectType("query_root")
Row = dict[str, Any]
Key = tuple[Any, ...]

USAGE_COLUMNS = (
    *DIMENSIONS,
    "request_count",
    "error_count",
    "average_execution_time",
    "average_response_size",
)
ERROR_COLUMNS = (*DIMENSIONS, "error_code", "request_count", "error_count")
#: An action's ``[String!]`` filters and the column each one filters.
_LIST_FILTERS = {
    "operation_types": "operation_type",
    "operation_ids": "operation_id",
    "operation_names": "operation_name",
    "transports": "transport",
    "user_roles": "user_role",
    "client_names": "client_name",
}


def _filter(args: Mapping[str, Any]) -> Filter:
    columns = {column: string_set(args.get(arg)) for arg, column in _LIST_FILTERS.items()}
    return Filter(columns, string_set(args.get("error_codes")))


def _group_by(args: Mapping[str, Any], allowed: Sequence[str]) -> list[str]:
    columns = list(dict.fromkeys(args.get("group_by") or []))
    for column in columns:
        if column not in allowed:
            raise ValidationFailed(
                f'unknown group_by column "{column}"; expected any of {", ".join(allowed)}'
            )
    return columns


def _contributions(info: GraphQLResolveInfo, args: Mapping[str, Any]) -> Iterable[Contribution]:
    context = metrics_context(info)
    from_us, to_us = parse_time(args["from_time"]), parse_time(args["to_time"])
    projects = context.projects(uuid_set(args.get("project_ids")))
    return contributions(context, projects, Window.of(context, from_us, to_us), _filter(args))


def usage_groups(info: GraphQLResolveInfo, args: Mapping[str, Any]) -> list[Row]:
    group_by = _group_by(args, DIMENSIONS)
    groups: dict[Key, Totals] = {}
    for part in _contributions(info, args):
        key = tuple(part.dimensions[column] for column in group_by)
        groups.setdefault(key, Totals()).add(part.totals)
    return [
        _usage_row(group_by, key, totals) for key, totals in sorted(groups.items(), key=_key_order)
    ]


def _usage_row(group_by: list[str], key: Key, totals: Totals) -> Row:
    row: Row = dict.fromkeys(DIMENSIONS)
    row.update(zip(group_by, key, strict=True))
    size = round(totals.size_sum / totals.requests, 1) if totals.requests else 0.0
    row.update(
        request_count=totals.requests,
        error_count=totals.errors,
        average_execution_time=totals.average_latency,
        average_response_size=size,
    )
    return row


def error_groups(info: GraphQLResolveInfo, args: Mapping[str, Any]) -> list[Row]:
    group_by = _group_by(args, (*DIMENSIONS, "error_code"))
    where = _filter(args)
    groups: dict[Key, int] = {}
    for part in _contributions(info, args):
        for code, count in part.errors_by_code.items():
            if where.counts_code(code):
                values = {**part.dimensions, "error_code": code}
                key = tuple(values[column] for column in group_by)
                groups[key] = groups.get(key, 0) + count
    rows = []
    for key, count in sorted(groups.items(), key=_key_order):
        row: Row = dict.fromkeys((*DIMENSIONS, "error_code"))
        row.update(zip(group_by, key, strict=True))
        row.update(request_count=count, error_count=count)
        rows.append(row)
    return rows


def _key_order(item: tuple[Key, Any]) -> Key:
    return tuple("" if value is None else value for value in item[0])


def _ordered(rows: list[Row], order_by: Any, columns: Sequence[str]) -> list[Row]:
    """Sort by the action's json ``order_by``: ``{"column": "asc" | "desc"}``."""
    if order_by is None:
        return rows
    if not isinstance(order_by, Mapping):
        raise ValidationFailed('order_by must be a JSON object like {"request_count": "desc"}')
    specs = []
    for column, direction in order_by.items():
        if column not in columns:
            raise ValidationFailed(f'cannot order by unknown column "{column}"')
        if direction not in ("asc", "desc"):
            raise ValidationFailed(f'order_by direction must be "asc" or "desc", not {direction!r}')
        specs.append({column: direction})
    return sort_rows(rows, specs)


def _page(rows: list[Row], args: Mapping[str, Any]) -> list[Row]:
    return window(rows, args.get("limit"), args.get("offset"))


@query.field("searchUsageMetrics")
def resolve_usage_metrics(_: None, info: GraphQLResolveInfo, args: dict[str, Any]) -> list[Row]:
    rows = _ordered(usage_groups(info, args), args.get("order_by"), USAGE_COLUMNS)
    return _page(rows, args)


@query.field("searchUsageMetricsAggregate")
def resolve_usage_aggregate(_: None, info: GraphQLResolveInfo, args: dict[str, Any]) -> Row:
    return {"count": len(usage_groups(info, args))}


@query.field("searchErrorMetrics")
def resolve_error_metrics(_: None, info: GraphQLResolveInfo, args: dict[str, Any]) -> list[Row]:
    rows = _ordered(error_groups(info, args), args.get("order_by"), ERROR_COLUMNS)
    return _page(rows, args)


@query.field("searchErrorMetricsAggregate")
def resolve_error_aggregate(_: None, info: GraphQLResolveInfo, args: dict[str, Any]) -> Row:
    return {"count": len(error_groups(info, args))}


def _sql_args(args: Mapping[str, Any]) -> dict[str, Any] | None:
    """A SQL function's args as an action's (None: a null bound, which returns no rows)."""
    if args.get("from_time") is None or args.get("to_time") is None:
        return None
    return {
        "from_time": args["from_time"],
        "to_time": args["to_time"],
        "project_ids": array_literal(args.get("project_ids")),
    }


@query.field("search_operation_name_summaries")
def resolve_operation_name_summaries(
    _: None,
    info: GraphQLResolveInfo,
    args: dict[str, Any],
    order_by: Any = None,
    limit: int | None = None,
) -> list[Row]:
    action_args = _sql_args(args)
    if action_args is None:
        return []
    group_by = sorted(array_literal(args.get("group_bys")) or {"operation_id", "operation_name"})
    groups = usage_groups(info, {**action_args, "group_by": group_by})
    minutes = _minutes(action_args)
    rows = [
        {
            "operation_id": group["operation_id"],
            "operation_name": group["operation_name"],
            "error_rate": round(group["error_count"] / group["request_count"], 6)
            if group["request_count"]
            else 0.0,
            "requests_per_minute": round(group["request_count"] / minutes, 3) if minutes else 0.0,
            "max_execution_time": None,
        }
        for group in groups
    ]
    _fill_max_latency(info, action_args, rows)
    return window(sort_rows(rows, order_by), limit, None)


def _fill_max_latency(info: GraphQLResolveInfo, args: Mapping[str, Any], rows: list[Row]) -> None:
    worst: dict[Key, float] = {}
    for part in _contributions(info, args):
        key = (part.dimensions["operation_id"], part.dimensions["operation_name"])
        worst[key] = max(worst.get(key, 0.0), part.totals.latency_max)
    for row in rows:
        row["max_execution_time"] = worst.get((row["operation_id"], row["operation_name"]), 0.0)
        if row["operation_id"] is None or row["operation_name"] is None:
            row["max_execution_time"] = max(worst.values(), default=0.0)


def _minutes(args: Mapping[str, Any]) -> float:
    return max(0, parse_time(args["to_time"]) - parse_time(args["from_time"])) / 60_000_000


@query.field("search_summary_metrics")
def resolve_summary_metrics(_: None, info: GraphQLResolveInfo, args: dict[str, Any]) -> list[Row]:
    action_args = _sql_args(args)
    if action_args is None:
        return []
    totals = Totals()
    for part in _contributions(info, action_args):
        totals.add(part.totals)
    minutes = _minutes(action_args)
    return [
        {
            "average_requests_per_minute": round(totals.requests / minutes, 3) if minutes else 0.0,
            "average_execution_time": totals.average_latency,
            "success_count": totals.requests - totals.errors,
            "total_requests": totals.requests,
        }
    ]
