"""The Metrics API's admin route: ``POST /emulator/admin/metrics``.

Guarded exactly like ``/emulator/admin`` (``admin_http.authorized``: the admin key, a loopback
peer; anything else is the 404 of a path that does not exist). Two bodies::

    {"project_id": ID, "quiet": true|false}
    {"project_id": ID, "operation_name": ..., "at": ISO time, "count"?, "operation_type"?,
     "role"?, "client"?, "transport"?, "latency_ms"?, "error_code"?}
"""

from __future__ import annotations

import json
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .admin import StateControls
from .admin_http import authorized, not_found

METRICS_ADMIN_PATH = "/emulator/admin/metrics"
_RECORD_FIELDS = (
    "project_id",
    "operation_name",
    "at",
    "count",
    "operation_type",
    "role",
    "client",
    "transport",
    "latency_ms",
    "error_code",
)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class _MetricsAdminApp:
    """A plain ASGI app, so an unauthorized request of any method gets the 404."""

    def __init__(self, controls: StateControls, admin_key: str) -> None:
        self._controls = controls
        self._admin_key = admin_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if not authorized(request, self._admin_key):
            response = not_found()
        elif request.method != "POST":
            response = _error(405, "use POST to record requests or quiet a project")
        else:
            response = await self._post(await request.body())
        await response(scope, receive, send)

    async def _post(self, body: bytes) -> Response:
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("project_id"), str):
            return _error(400, 'the body must be a JSON object like {"project_id": "ID", ...}')
        if "quiet" in payload:
            return await self._quiet(payload)
        unknown = sorted(set(payload) - set(_RECORD_FIELDS))
        if unknown:
            return _error(400, f"unknown field {unknown[0]!r}; known: {', '.join(_RECORD_FIELDS)}")
        if "operation_name" not in payload or "at" not in payload:
            return _error(400, "operation_name and at are required")
        project_id = payload.pop("project_id")
        return await _answer(self._controls.record_requests, project_id, payload)

    async def _quiet(self, payload: dict[str, Any]) -> Response:
        if set(payload) != {"project_id", "quiet"}:
            return _error(400, "quiet goes with project_id only")
        answer = await _answer(
            self._controls.quiet, payload["project_id"], {"quiet": payload["quiet"]}
        )
        if answer.status_code == 200:
            return JSONResponse({"project_id": payload["project_id"], "quiet": payload["quiet"]})
        return answer


async def _answer(action: Any, project_id: str, fields: dict[str, Any]) -> Response:
    try:
        result = await run_in_threadpool(lambda: action(project_id, **fields))
    except LookupError as error:
        return _error(404, str(error))
    except (ValueError, TypeError) as error:
        return _error(400, str(error))
    return JSONResponse({"recorded": result})


def metrics_admin_route(controls: StateControls, admin_key: str) -> Route:
    return Route(METRICS_ADMIN_PATH, _MetricsAdminApp(controls, admin_key))
