"""Helpers shared by the emulator tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import httpx


class ManualClock:
    """A clock tests move by hand, so time-driven preview apps need no sleeping."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self._now = now
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


class Gql:
    """POSTs GraphQL to an emulator with ``Authorization: pat <token>``."""

    def __init__(self, endpoint: str, token: str | None) -> None:
        headers = {} if token is None else {"Authorization": f"pat {token}"}
        self.endpoint = endpoint
        self.http = httpx.Client(headers=headers, timeout=10)

    def run(self, query: str, **variables: Any) -> dict[str, Any]:
        response = self.http.post(self.endpoint, json={"query": query, "variables": variables})
        assert response.status_code == 200
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, **variables: Any) -> dict[str, Any]:
        body = self.run(query, **variables)
        assert "errors" not in body, body
        data: dict[str, Any] = body["data"]
        return data

    def error(self, query: str, **variables: Any) -> dict[str, Any]:
        """The single error of a failing request (which must carry no data)."""
        body = self.run(query, **variables)
        assert "data" not in body, body
        assert len(body["errors"]) == 1, body
        error: dict[str, Any] = body["errors"][0]
        return error

    def close(self) -> None:
        self.http.close()


def unique_name(prefix: str = "app") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


CREATE_TENANT = """
mutation($cloud: String!, $region: String!, $name: String, $plan: String,
         $envs: [UpdateEnvsObject]) {
  createTenant(cloud: $cloud, region: $region, name: $name, plan: $plan, envs: $envs) {
    id name tenant { id slug project_id }
  }
}
"""


def create_tenant(gql: Gql, **variables: Any) -> dict[str, Any]:
    arguments = {"cloud": "aws", "region": "us-east-2", **variables}
    created: dict[str, Any] = gql.data(CREATE_TENANT, **arguments)["createTenant"]
    return created
