"""The admin route: ``GET /emulator/admin?project=NAME`` and ``POST /emulator/admin``.

It exists only when the emulator has an admin key, and answers only a request with
``Authorization: admin <key>`` from a loopback peer; any other request gets the same 404 as a
path that does not exist, so a stranger cannot tell it is there. uvicorn only ever sees the
proxy, so the proxy marks requests from a non-loopback peer with ``REMOTE_PEER_HEADER`` (a
client can add that header, never remove it).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .admin import StateControls
from .http_wire import REMOTE_PEER_HEADER

ADMIN_PATH = "/emulator/admin"
_FIELDS = ("project", "maintenance", "active", "reason", "endpoint")


def not_found() -> Response:
    """Exactly what Starlette answers for a path it does not route."""
    return PlainTextResponse("Not Found", status_code=404)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def authorized(request: Request, admin_key: str) -> bool:
    """``Authorization: admin <key>``, compared in constant time, from a loopback peer."""
    if REMOTE_PEER_HEADER in request.headers:
        return False
    client = request.client
    if client is None or client.host not in ("127.0.0.1", "::1"):
        return False  # only the proxy (or this machine) reaches uvicorn's private socket
    scheme, _, key = request.headers.get("authorization", "").strip().partition(" ")
    given = key.strip().encode()
    return scheme.lower() == "admin" and hmac.compare_digest(given, admin_key.encode())


class _AdminApp:
    """A plain ASGI app rather than a function endpoint, so that Starlette routes every
    method here: an unauthorized request must get the 404, never a telling 405."""

    def __init__(self, controls: StateControls, admin_key: str) -> None:
        self._controls = controls
        self._admin_key = admin_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self._handle(Request(scope, receive))
        await response(scope, receive, send)

    async def _handle(self, request: Request) -> Response:
        if not authorized(request, self._admin_key):
            return not_found()
        if request.method == "GET":
            name = request.query_params.get("project")
            if not name:
                return _error(400, "pass the project's name: /emulator/admin?project=NAME")
            return await _answer(self._controls.state, name, {})
        if request.method == "POST":
            return await _post(self._controls, await request.body())
        return _error(405, "use GET to read a project's state or POST to change it")


def admin_route(controls: StateControls, admin_key: str) -> Route:
    return Route(ADMIN_PATH, _AdminApp(controls, admin_key))


async def _post(controls: StateControls, body: bytes) -> Response:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        payload = None
    if not isinstance(payload, dict):
        return _error(400, 'the body must be a JSON object like {"project": "NAME", ...}')
    unknown = sorted(set(payload) - set(_FIELDS))
    if unknown:
        return _error(400, f"unknown field {unknown[0]!r}; known: {', '.join(_FIELDS)}")
    name = payload.pop("project", None)
    if not isinstance(name, str) or not name:
        return _error(400, "project must be the project's name")
    return await _answer(controls.set_state, name, payload)


async def _answer(
    action: Callable[..., dict[str, Any]], name: str, changes: dict[str, Any]
) -> Response:
    try:
        state = await run_in_threadpool(action, name, **changes)
    except LookupError as error:
        return _error(404, str(error))
    except ValueError as error:
        return _error(400, str(error))
    return JSONResponse({"project": state})
