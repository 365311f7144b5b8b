"""Requests recorded through the state controls, and projects whose invented traffic is off.

Both live in SQLite (``metrics_recorded``, ``metrics_quiet``), so they survive a ``--db``
restart. A recorded call is one row with a ``count``: its requests share every value.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from ..store import Store
from .catalogue import CLIENTS, HTTP, QUERY, ROLES, SUBSCRIPTION, WS, operation_id_for
from .times import format_time, parse_time

OPERATION_TYPES = (QUERY, "mutation", SUBSCRIPTION)
TRANSPORTS = (HTTP, WS)
MAX_COUNT = 100_000


def _time_us(at: datetime.datetime | str) -> int:
    if isinstance(at, datetime.datetime):
        if at.tzinfo is None:
            at = at.replace(tzinfo=datetime.timezone.utc)
        return parse_time(at.isoformat())
    if isinstance(at, str):
        try:
            return parse_time(at)
        except Exception:
            raise ValueError(f"at must be an ISO 8601 time, not {at!r}") from None
    raise ValueError(f"at must be a datetime or an ISO 8601 string, not {at!r}")


def _text(label: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        raise ValueError(f"{label} must be a non-empty line of text")
    return value


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    """Refuse wrong values before writing (the HTTP route passes JSON values)."""
    _text("operation_name", fields["operation_name"])
    for label, value in (("role", fields["role"]), ("client", fields["client"])):
        _text(label, value)
    if fields["operation_type"] not in OPERATION_TYPES:
        raise ValueError(f"operation_type must be one of {', '.join(OPERATION_TYPES)}")
    if fields["transport"] not in TRANSPORTS:
        raise ValueError(f"transport must be one of {', '.join(TRANSPORTS)}")
    count = fields["count"]
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise ValueError(f"count must be a whole number from 1 to {MAX_COUNT}")
    latency = fields["latency_ms"]
    if isinstance(latency, bool) or not isinstance(latency, (int, float)) or latency < 0:
        raise ValueError("latency_ms must be a number of milliseconds, 0 or more")
    if fields["error_code"] is not None:
        _text("error_code", fields["error_code"])
    return fields


def record(store: Store, project_id: str, **given: Any) -> dict[str, Any]:
    """Store one recorded call; returns it as the admin API shows it."""
    fields = _checked(given)
    at_us = _time_us(fields.pop("at"))
    require_project(store, project_id)
    size = 160 if fields["error_code"] else 512
    row = {
        "project_id": project_id,
        "at_us": at_us,
        "operation_name": fields["operation_name"],
        "operation_type": fields["operation_type"],
        "operation_id": operation_id_for(fields["operation_type"], fields["operation_name"]),
        "user_role": fields["role"],
        "client_name": fields["client"],
        "transport": fields["transport"],
        "latency_ms": float(fields["latency_ms"]),
        "error_code": fields["error_code"],
        "response_size": size,
        "count": fields["count"],
    }
    store.insert("metrics_recorded", row)
    shown = {key: value for key, value in row.items() if key != "at_us"}
    return {**shown, "at": format_time(at_us)}


def set_quiet(store: Store, project_id: str, quiet: bool) -> None:
    if not isinstance(quiet, bool):
        raise ValueError(f"quiet must be true or false, not {quiet!r}")
    require_project(store, project_id)
    if quiet:
        store.execute("INSERT OR IGNORE INTO metrics_quiet (project_id) VALUES (?)", (project_id,))
    else:
        store.execute("DELETE FROM metrics_quiet WHERE project_id = ?", (project_id,))


def require_project(store: Store, project_id: str) -> None:
    if (
        not isinstance(project_id, str)
        or store.row("SELECT id FROM projects WHERE id = ?", (project_id,)) is None
    ):
        raise LookupError(f"no project with id {project_id!r}")


def quiet_projects(store: Store, project_ids: Collection[str]) -> frozenset[str]:
    rows = store.rows("SELECT project_id FROM metrics_quiet")
    return frozenset(row["project_id"] for row in rows if row["project_id"] in project_ids)


def recorded_rows(
    store: Store, project_ids: Collection[str], from_us: int | None = None, to_us: int | None = None
) -> list[dict[str, Any]]:
    """The recorded calls of these projects with ``from_us <= at_us < to_us``, oldest first."""
    if not project_ids:
        return []
    marks = ", ".join("?" for _ in project_ids)
    low = -(2**62) if from_us is None else from_us
    high = 2**62 if to_us is None else to_us
    return store.rows(
        f"SELECT * FROM metrics_recorded WHERE project_id IN ({marks}) "
        "AND at_us >= ? AND at_us < ? ORDER BY at_us, seq",
        [*project_ids, low, high],
    )


# Re-exported for the admin API's defaults and documentation.
DEFAULT_ROLE, DEFAULT_CLIENT = ROLES[0], CLIENTS[0]
