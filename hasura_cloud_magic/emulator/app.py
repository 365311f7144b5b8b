"""The ASGI app: ``POST /v1/graphql`` and nothing else (other paths 404, other methods 405)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .service import GraphQLService

GRAPHQL_PATH = "/v1/graphql"


def create_app(service: GraphQLService) -> Starlette:
    async def graphql(request: Request) -> JSONResponse:
        body = await request.body()
        # Execution is synchronous (SQLite, graphql-core), so it runs off the event loop.
        answer = await run_in_threadpool(service.handle, body, request.headers.get("authorization"))
        return JSONResponse(answer)

    return Starlette(routes=[Route(GRAPHQL_PATH, graphql, methods=["POST"])])
