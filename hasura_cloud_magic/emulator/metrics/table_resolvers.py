"""The tables: ``operations``, ``http_logs``, ``http_query_logs``, ``frequent_errors``,
``database_metrics``, and the live ``search_latest_project_metrics``.

The first four list what each visible project has served: its invented operations and callers
(unless its traffic is turned off) and every recorded call.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from ..filters import matches, sort_rows, window
from .aggregate import DIMENSIONS
from .arguments import array_literal, uuid_set
from .context import MetricsContext, metrics_context
from .times import parse_time
from .traffic import CELL_US, CELLS_PER_DAY, daily_table

query = ObjectType("query_root")
Row = dict[str, Any]
SAMPLES = CELLS_PER_DAY  # database_metrics: one sample per cell over the last day


def _seen(context: MetricsContext) -> Iterator[Row]:
    """One row per (project, operation, role, client, transport, error code or None) served."""
    projects = context.visible()
    for project_id, table in context.tables(projects).items():
        for day in table.variants:
            base = {"project_id": project_id, **day.variant.dimensions()}
            yield {**base, "error_code": None}
            for code in day.errors:
                yield {**base, "error_code": code}
    for row in context.recorded(projects):
        yield {key: row[key] for key in ("project_id", *DIMENSIONS, "error_code")}


def _distinct(rows: Sequence[Row], columns: Sequence[str] | None) -> list[Row]:
    """Keep the first row of each distinct value of ``columns`` (Hasura's ``distinct_on``)."""
    if not columns:
        return list(rows)
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for row in rows:
        key = tuple(row[column] for column in columns)
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def _table(
    rows: Iterator[Row],
    columns: Sequence[str],
    distinct_on: Any,
    where: Mapping[str, Any] | None,
    order_by: Sequence[Mapping[str, str]] | None,
    limit: int | None,
) -> list[Row]:
    distinct = [distinct_on] if isinstance(distinct_on, str) else list(distinct_on or [])
    projected = _distinct([{c: row[c] for c in columns} for row in rows], columns)
    kept = [row for row in projected if matches(where, row)]
    # Like Postgres's DISTINCT ON, order by the distinct columns first.
    ordering = [{column: "asc"} for column in distinct if not order_by] + list(order_by or [])
    return window(_distinct(sort_rows(kept, ordering), distinct), limit, None)


@query.field("operations")
def resolve_operations(
    _: None,
    info: GraphQLResolveInfo,
    distinct_on: Any = None,
    where: Any = None,
    limit: int | None = None,
) -> list[Row]:
    rows = ({**row, "type": row["operation_type"]} for row in _seen(metrics_context(info)))
    columns = ("project_id", "operation_id", "operation_name", "operation_type", "type")
    return _table(rows, columns, distinct_on, where, None, limit)


@query.field("http_logs")
def resolve_http_logs(
    _: None,
    info: GraphQLResolveInfo,
    distinct_on: Any = None,
    where: Any = None,
    limit: int | None = None,
) -> list[Row]:
    rows = (row for row in _seen(metrics_context(info)) if row["transport"] == "http")
    columns = ("project_id", "user_role", "client_name", "error_code")
    return _table(rows, columns, distinct_on, where, None, limit)


@query.field("http_query_logs")
def resolve_http_query_logs(
    _: None,
    info: GraphQLResolveInfo,
    distinct_on: Any = None,
    where: Any = None,
    limit: int | None = None,
) -> list[Row]:
    rows = (row for row in _seen(metrics_context(info)) if row["transport"] == "http")
    return _table(
        rows, ("project_id", "operation_id", "operation_name"), distinct_on, where, None, limit
    )


@query.field("frequent_errors")
def resolve_frequent_errors(
    _: None,
    info: GraphQLResolveInfo,
    distinct_on: Any = None,
    where: Any = None,
    limit: int | None = None,
) -> list[Row]:
    rows = (row for row in _seen(metrics_context(info)) if row["error_code"] is not None)
    return _table(
        rows, ("project_id", "operation_name", "error_code"), distinct_on, where, None, limit
    )


# ---------------------------------------------------------------- database_metrics


def _instances(seed: int, project_id: str, name: str) -> list[Row]:
    """A primary and, for some projects, a read replica."""
    digest = hashlib.sha256(f"{seed}:{name}:db".encode()).digest()
    found = [_instance(project_id, name, "primary", True)]
    if digest[0] % 3 == 0:
        found.append(_instance(project_id, name, "replica-1", False))
    return found


def _instance(project_id: str, name: str, role: str, is_primary: bool) -> Row:
    uid = hashlib.sha256(f"{name}:{role}".encode()).hexdigest()[:16]
    return {
        "project_id": project_id,
        "name": "default",
        "instance_uid": uid,
        "database_host": f"{name}-{role}.db.emulator.invalid",
        "is_primary": is_primary,
    }


def _database_samples(context: MetricsContext) -> Iterator[Row]:
    _, end = context.history_cells
    for project_id, name in context.visible().items():
        curve = daily_table(context.seed, name).curve
        for instance in _instances(context.seed, project_id, name):
            base = 4 if instance["is_primary"] else 2
            for cell in range(end - SAMPLES, end):
                connections = base + math.floor(36 * curve[cell % CELLS_PER_DAY])
                yield {**instance, "time": cell * CELL_US, "total_connections": connections}


@query.field("database_metrics")
def resolve_database_metrics(
    _: None,
    info: GraphQLResolveInfo,
    distinct_on: Any = None,
    where: Any = None,
    order_by: Any = None,
    limit: int | None = None,
) -> list[Row]:
    context = metrics_context(info)
    where = _times_as_microseconds(where)
    rows = [row for row in _database_samples(context) if matches(where, row)]
    distinct = [distinct_on] if isinstance(distinct_on, str) else list(distinct_on or [])
    ordering = list(order_by or []) or [{"time": "desc"}]
    return window(_distinct(sort_rows(rows, ordering), distinct), limit, None)


def _times_as_microseconds(where: Any) -> Any:
    """``time`` comparisons in ``where`` as microseconds, the samples' unit."""
    if not isinstance(where, Mapping) or not isinstance(where.get("time"), Mapping):
        return where
    times = {op: None if v is None else parse_time(v) for op, v in where["time"].items()}
    return {**where, "time": times}


# ---------------------------------------------------------------- live numbers


@query.field("search_latest_project_metrics")
def resolve_latest_project_metrics(
    _: None, info: GraphQLResolveInfo, args: dict[str, Any]
) -> list[Row]:
    context = metrics_context(info)
    projects = context.projects(uuid_set(array_literal(args.get("project_ids"))))
    cell = context.now_us // CELL_US
    rows = []
    for project_id, name in projects.items():
        level = daily_table(context.seed, name).curve[cell % CELLS_PER_DAY]
        jitter = hashlib.sha256(f"{name}:{cell}".encode()).digest()
        rows.append(
            {
                "project_id": project_id,
                "warp_threads": 8 + round(24 * level) + jitter[0] % 4,
                "websocket_connections": round(120 * level) + jitter[1] % 10,
                "active_subscriptions": round(60 * level) + jitter[2] % 6,
            }
        )
    return rows
