"""``operation_logs`` and its ``http_info(path:)`` argument."""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from ..context import json_path
from ..errors import invalid_uuid
from ..scalars import InvalidUuid
from .context import metrics_context
from .logs import select_logs

query = ObjectType("query_root")
operation_logs = ObjectType("operation_logs")
Row = dict[str, Any]


def _project_ids(where: Any) -> set[str] | None:
    """Project ids a top-level ``project_id`` condition allows (None: any visible one)."""
    if not isinstance(where, dict) or not isinstance(where.get("project_id"), dict):
        return None
    condition = where["project_id"]
    wanted = [condition["_eq"]] if condition.get("_eq") is not None else condition.get("_in")
    if wanted is None:
        return None
    for value in wanted:
        if isinstance(value, InvalidUuid):
            raise invalid_uuid(str(value))
    return set(wanted)


@query.field("operation_logs")
def resolve_operation_logs(
    _: None,
    info: GraphQLResolveInfo,
    where: Any = None,
    order_by: Any = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[Row]:
    context = metrics_context(info)
    projects = context.projects(_project_ids(where))
    return select_logs(context, projects, where, order_by, limit, offset)


@operation_logs.field("http_info")
def resolve_http_info(row: Row, _: GraphQLResolveInfo, path: str | None = None) -> Any:
    return json_path(row["http_info"], path)


OBJECT_TYPES = (query, operation_logs)
