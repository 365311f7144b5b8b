"""Helpers shared by the emulator tests: raw GraphQL calls, a manual clock, the CLI process."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
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


# ---------------------------------------------------------------- the CLI as a process

STARTUP_SECONDS = 20.0


def launch(*args: str) -> tuple[subprocess.Popen[str], str, str]:
    """Start the CLI; returns the process, the endpoint and the token it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hasura_cloud_magic.emulator", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = [read_line(process), read_line(process)]
    endpoint_key, endpoint = lines[0].split("=", 1)
    token_key, token = lines[1].split("=", 1)
    assert (endpoint_key, token_key) == ("HASURA_CLOUD_ENDPOINT", "HASURA_CLOUD_ACCESS_TOKEN")
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/v1/graphql")
    return process, endpoint, token


def read_line(process: subprocess.Popen[str]) -> str:
    """The next stdout line, read in a thread so a silent emulator fails the test, not hangs it."""
    stdout = process.stdout
    assert stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=STARTUP_SECONDS).rstrip("\n")
    except queue.Empty:
        process.kill()
        raise AssertionError("the emulator printed nothing in time") from None


def terminate(process: subprocess.Popen[str]) -> str:
    """SIGTERM the emulator; it must exit 0 having printed nothing more on stdout."""
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=15)
    assert process.returncode == 0, stderr
    assert stdout == ""
    return stderr
