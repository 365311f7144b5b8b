"""The admin routes for users and DNS: ``/emulator/admin/users`` and ``/emulator/admin/dns``.

Guarded exactly like ``/emulator/admin`` (``admin_http.authorized``: the admin key, a loopback
peer; anything else, a user's ``pat`` token included, is the 404 of a path that does not
exist)::

    POST /emulator/admin/users  {"email": E}                 -> {"email": E, "token": T}
    GET  /emulator/admin/dns?fqdn=F                          -> {"dns": {fqdn, target, set_at}}
    POST /emulator/admin/dns    {"fqdn": F, "project": NAME} -> {"dns": {...}}
    POST /emulator/admin/dns    {"fqdn": F, "host": H}       -> {"dns": {...}}

Errors are ``{"error": "<one line>"}``: 400 for a wrong value or body, 404 for an unknown
project or a name without a record, 409 for an e-mail already in use.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .accounts import EmailTaken
from .admin import StateControls
from .admin_http import authorized, not_found

USERS_ADMIN_PATH = "/emulator/admin/users"
DNS_ADMIN_PATH = "/emulator/admin/dns"
_DNS_FIELDS = ("fqdn", "project", "host")

Handler = Callable[[StateControls, Request], Awaitable[Response]]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class _GuardedApp:
    """A plain ASGI app, so an unauthorized request of any method gets the 404."""

    def __init__(self, controls: StateControls, admin_key: str, handler: Handler) -> None:
        self._controls = controls
        self._admin_key = admin_key
        self._handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if not authorized(request, self._admin_key):
            response = not_found()
        else:
            response = await self._handler(self._controls, request)
        await response(scope, receive, send)


async def _json_object(request: Request) -> dict[str, Any] | None:
    try:
        payload = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return payload if isinstance(payload, dict) else None


async def _call(action: Callable[[], Any]) -> Any | Response:
    """Run a state control off the event loop; its refusal as the route's error answer."""
    try:
        return await run_in_threadpool(action)
    except LookupError as error:
        return _error(404, str(error))
    except EmailTaken as error:
        return _error(409, str(error))
    except (ValueError, TypeError) as error:
        return _error(400, str(error))


async def _users(controls: StateControls, request: Request) -> Response:
    if request.method != "POST":
        return _error(405, "use POST to add a user")
    payload = await _json_object(request)
    if payload is None or set(payload) != {"email"} or not isinstance(payload["email"], str):
        return _error(400, 'the body must be a JSON object like {"email": "someone@example.com"}')
    email = payload["email"]
    token = await _call(lambda: controls.add_user(email))
    if isinstance(token, Response):
        return token
    return JSONResponse({"email": email, "token": token})


async def _dns(controls: StateControls, request: Request) -> Response:
    if request.method == "GET":
        name = request.query_params.get("fqdn") or ""
        if not name:
            return _error(400, "pass the domain: /emulator/admin/dns?fqdn=NAME")
        record = await _call(lambda: controls.dns(name))
        if isinstance(record, Response):
            return record
        if record is None:
            return _error(404, f"no DNS record for {name!r}")
        return JSONResponse({"dns": record})
    if request.method != "POST":
        return _error(405, "use GET to read a DNS record or POST to set one")
    payload = await _json_object(request)
    if payload is None:
        return _error(400, 'the body must be a JSON object like {"fqdn": "...", "project": "..."}')
    unknown = sorted(set(payload) - set(_DNS_FIELDS))
    if unknown:
        return _error(400, f"unknown field {unknown[0]!r}; known: {', '.join(_DNS_FIELDS)}")
    fqdn, project, host = payload.get("fqdn"), payload.get("project"), payload.get("host")
    if not isinstance(fqdn, str):
        return _error(400, "fqdn must be the domain's name")
    record = await _call(lambda: controls.point_dns(fqdn, project=project, host=host))
    if isinstance(record, Response):
        return record
    return JSONResponse({"dns": record})


def team_admin_routes(controls: StateControls, admin_key: str) -> list[Route]:
    return [
        Route(USERS_ADMIN_PATH, _GuardedApp(controls, admin_key, _users)),
        Route(DNS_ADMIN_PATH, _GuardedApp(controls, admin_key, _dns)),
    ]
