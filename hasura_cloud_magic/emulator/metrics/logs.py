"""``operation_logs``: individual requests, generated lazily from the daily tables.

Cells are visited from the newest (or the oldest) and only their requests are built, so a
``limit 20`` touches a few cells, never a month. A ``where`` is first read for what can skip
whole cells and variants (time bounds, project ids and column values in its top level and in
``_and``), then applied whole to each row.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

from ..filters import matches
from .aggregate import DIMENSIONS
from .catalogue import (
    ACCESS_DENIED,
    CONSTRAINT_VIOLATION,
    DATA_EXCEPTION,
    INVALID_JWT,
    PERMISSION_ERROR,
    POSTGRES_ERROR,
    UNEXPECTED,
    VALIDATION_FAILED,
)
from .context import MetricsContext
from .times import parse_time
from .traffic import CELL_US, CELLS_PER_DAY, Request, Variant, VariantDay

Row = dict[str, Any]
MAX_LIMIT = 1000
_TIME_OPS = ("_eq", "_gt", "_gte", "_lt", "_lte", "_neq")

_MESSAGES = {
    VALIDATION_FAILED: ("field \"{field}\" not found in type: '{root}'", ".selectionSet.{field}"),
    CONSTRAINT_VIOLATION: (
        'Uniqueness violation. duplicate key value violates unique constraint "{root}_pkey"',
        ".args.object",
    ),
    PERMISSION_ERROR: ("check constraint of an insert/update permission has failed", ".args"),
    DATA_EXCEPTION: ('invalid input syntax for type integer: "abc"', ".args"),
    POSTGRES_ERROR: ("database query error", ""),
    UNEXPECTED: ("connection error: could not acquire a connection from the pool", ""),
    ACCESS_DENIED: ("restricted access: no permission for this role", ""),
    INVALID_JWT: ("Could not verify JWT: JWTExpired", ""),
}


def _where_times(where: Any) -> Any:
    """``time`` comparisons as microseconds, anywhere in the bool_exp."""
    if isinstance(where, list):
        return [_where_times(item) for item in where]
    if not isinstance(where, Mapping):
        return where
    converted = {}
    for key, value in where.items():
        if key == "time" and isinstance(value, Mapping):
            value = {op: None if v is None else parse_time(v) for op, v in value.items()}
        elif key in ("_and", "_or", "_not"):
            value = _where_times(value)
        converted[key] = value
    return converted


def _conjuncts(where: Any) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The column conditions every matching row must meet (top level and ``_and``)."""
    if not isinstance(where, Mapping):
        return
    for key, value in where.items():
        if key == "_and":
            for sub in value or []:
                yield from _conjuncts(sub)
        elif not key.startswith("_") and isinstance(value, Mapping):
            yield key, value


def _cell_bounds(where: Any, low: int, high: int) -> tuple[int, int]:
    """Absolute cells ``[low, high)`` narrowed by the conjunctive time bounds."""
    for key, condition in _conjuncts(where):
        if key != "time":
            continue
        for op, at in condition.items():
            if at is None:
                continue
            if op in ("_gt", "_gte", "_eq"):
                low = max(low, at // CELL_US)
            if op in ("_lt", "_lte", "_eq"):
                high = min(high, at // CELL_US + 1)
    return low, max(low, high)


def _variant_admitted(where: Any, project_id: str, variant: Variant) -> bool:
    row = {"project_id": project_id, **variant.dimensions()}
    return all(matches({key: cond}, row) for key, cond in _conjuncts(where) if key in row)


def _wants_errors_only(where: Any) -> bool:
    return any(
        (key == "is_error" and cond.get("_eq") is True)
        or (key == "error_code" and (cond.get("_eq") is not None or cond.get("_in")))
        for key, cond in _conjuncts(where)
    )


def request_id(seed: int, project_name: str, cell: int, index: int) -> str:
    digest = hashlib.blake2b(f"{seed}:{project_name}:{cell}:{index}".encode(), digest_size=16)
    return str(uuid.UUID(bytes=digest.digest(), version=4))


def _error_object(code: str, root_field: str, operation_type: str) -> dict[str, str]:
    message, suffix = _MESSAGES.get(code, ("unexpected error", ""))
    root = {"query": "query_root", "mutation": "mutation_root"}.get(
        operation_type, "subscription_root"
    )
    path = f"$.selectionSet.{root_field}" + suffix.format(field="created_at", root=root_field)
    return {"path": path, "error": message.format(field="created_at", root=root), "code": code}


def build_row(
    project_id: str,
    dimensions: Mapping[str, Any],
    root_field: str,
    at_us: int,
    rid: str,
    latency: float,
    code: str | None,
    size: int,
) -> Row:
    name, kind, transport = (
        dimensions["operation_name"],
        dimensions["operation_type"],
        dimensions["transport"],
    )
    ws = transport == "ws"
    document = f"{kind} {name} {{ {root_field} {{ id }} }}"
    return {
        "project_id": project_id,
        "time": at_us,
        "request_id": rid,
        **{column: dimensions[column] for column in DIMENSIONS},
        "execution_time": latency,
        "request_size": len(document) + 40,
        "response_size": size,
        "is_error": code is not None,
        "error_code": code,
        "error": None if code is None else _error_object(code, root_field, kind),
        "query": {"operationName": name, "query": document},
        "user_vars": {"x-hasura-role": dimensions["user_role"], "x-hasura-user-id": rid[:8]},
        "generated_sql": None
        if code
        else {root_field: f'SELECT json_agg(...) FROM "public"."{root_field}"'},
        "http_info": None
        if ws
        else {
            "status": 200,
            "method": "POST",
            "url": "/v1/graphql",
            "http_version": "HTTP/1.1",
            "ip": "203.0.113.7",
        },
        "websocket_id": rid[-12:] if ws else None,
        "ws_operation_id": rid[:8] if ws else None,
        "kind": "graphql",
        "request_mode": "single",
        "status": None if ws else 200,
        "server_client_id": rid[9:13],
    }


def _cell_rows(
    context: MetricsContext,
    generated: list[tuple[str, str, int, VariantDay]],
    recorded: list[Row],
    cell: int,
    errors_only: bool,
) -> list[Row]:
    """Every request of one absolute cell, oldest first."""
    rows = []
    of_day = cell % CELLS_PER_DAY
    for project_id, name, variant_index, day in generated:
        if errors_only and not any(cells[of_day] for cells in day.errors.values()):
            continue
        dimensions, root = day.variant.dimensions(), day.variant.operation.root_field
        for i, request in enumerate(day.requests[of_day]):
            rows.append(
                _generated_row(
                    context, project_id, name, dimensions, root, cell, variant_index, i, request
                )
            )
    for row in recorded:
        for i in range(row["count"]):
            rid = request_id(context.seed, f"recorded:{row['seq']}", 0, i)
            dims = {column: row[column] for column in DIMENSIONS}
            rows.append(
                build_row(
                    row["project_id"],
                    dims,
                    row["operation_name"],
                    row["at_us"],
                    rid,
                    row["latency_ms"],
                    row["error_code"],
                    row["response_size"],
                )
            )
    rows.sort(key=lambda r: (r["time"], r["request_id"]))
    return rows


def _generated_row(
    context: MetricsContext,
    project_id: str,
    name: str,
    dimensions: Mapping[str, Any],
    root: str,
    cell: int,
    variant_index: int,
    index: int,
    request: Request,
) -> Row:
    offset, latency, code, size = request
    rid = request_id(context.seed, name, cell, variant_index * 100_000 + index)
    return build_row(
        project_id, dimensions, root, cell * CELL_US + offset, rid, latency, code, size
    )


def log_rows(
    context: MetricsContext, projects: dict[str, str], where: Any, newest_first: bool
) -> Iterator[Row]:
    """Matching requests in time order, built one cell at a time."""
    where = _where_times(where)
    low, high = _cell_bounds(where, *context.history_cells)
    tables = context.tables(projects)
    generated = [
        (project_id, projects[project_id], index, day)
        for project_id, table in tables.items()
        for index, day in enumerate(table.variants)
        if _variant_admitted(where, project_id, day.variant)
    ]
    by_cell: dict[int, list[Row]] = {}
    for row in context.recorded(projects):
        by_cell.setdefault(row["at_us"] // CELL_US, []).append(row)
    extra = sorted(c for c in by_cell if not low <= c < high)
    cells = heapq.merge(range(low, high), extra)
    ordered = sorted(cells, reverse=True) if newest_first else cells
    errors_only = _wants_errors_only(where)
    for cell in ordered:
        generated_here = generated if low <= cell < high else []
        rows = _cell_rows(context, generated_here, by_cell.get(cell, []), cell, errors_only)
        for row in reversed(rows) if newest_first else rows:
            if matches(where, row):
                yield row


def select_logs(
    context: MetricsContext,
    projects: dict[str, str],
    where: Any,
    order_by: list[Mapping[str, str]] | None,
    limit: int | None,
    offset: int | None,
) -> list[Row]:
    limit = MAX_LIMIT if limit is None else min(max(limit, 0), MAX_LIMIT)
    offset = max(offset or 0, 0)
    keys = [(column, direction) for spec in order_by or [] for column, direction in spec.items()]
    first_key = keys[0] if keys else ("time", "desc")
    if first_key[0] == "time":
        rows = log_rows(context, projects, where, newest_first=first_key[1].startswith("desc"))
        return list(itertools.islice(rows, offset, offset + limit))
    # Another order: the best rows of the whole stream, kept to limit + offset at a time.
    column, direction = first_key
    rows = log_rows(context, projects, where, newest_first=True)
    pick = heapq.nlargest if direction.startswith("desc") else heapq.nsmallest
    best = pick(offset + limit, rows, key=lambda row: (row[column] is not None, row[column] or 0))
    return best[offset:]
