"""The ASGI app: ``POST /v1/graphql``, ``GET /healthz`` and, with an admin key, the admin routes.

``POST /v1/graphql`` with the ``Host`` of a region's Metrics API goes to the Metrics API's
service; any other host to the management API's. Other paths 404, other methods 405.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from .admin import StateControls
from .admin_http import admin_route
from .healthz import HangRelease, healthz_route, request_host
from .metrics_admin_http import metrics_admin_route
from .regions import metrics_hosts
from .service import GraphQLService
from .team_admin_http import team_admin_routes

GRAPHQL_PATH = "/v1/graphql"


def create_app(
    service: GraphQLService,
    hangs: HangRelease,
    controls: StateControls,
    admin_key: str | None = None,
    metrics_service: GraphQLService | None = None,
) -> Starlette:
    hosts = metrics_hosts() if metrics_service is not None else frozenset()

    async def graphql(request: Request) -> JSONResponse:
        body = await request.body()
        host = request_host(request)
        chosen = metrics_service if metrics_service is not None and host in hosts else service
        authorization = request.headers.get("authorization")
        # Execution is synchronous (SQLite, graphql-core), so it runs off the event loop.
        answer = await run_in_threadpool(chosen.handle, body, authorization, host)
        return JSONResponse(answer)

    routes: list[BaseRoute] = [
        Route(GRAPHQL_PATH, graphql, methods=["POST"]),
        healthz_route(service.store, hangs),
    ]
    if admin_key is not None:
        routes.append(admin_route(controls, admin_key))
        routes.append(metrics_admin_route(controls, admin_key))
        routes.extend(team_admin_routes(controls, admin_key))
    return Starlette(routes=routes)
