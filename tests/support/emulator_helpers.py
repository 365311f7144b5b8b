"""Helpers shared by the emulator tests: raw GraphQL calls, a manual clock, the CLI process."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading
import uuid
from typing import Any

import httpx
import pytest


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


GET_ENV = "query($t: uuid!) { getTenantEnv(tenantId: $t) { hash envVars } }"
UPDATE_ENV = """
mutation($t: uuid!, $h: String!, $envs: [UpdateEnvObject!]!) {
  updateTenantEnv(tenantId: $t, currentHash: $h, envs: $envs) { hash envVars }
}
"""
DELETE_ENV = """
mutation($t: uuid!, $h: String!, $keys: [String!]!) {
  deleteTenantEnv(tenantId: $t, currentHash: $h, deleteEnvs: $keys) { hash envVars }
}
"""


def env_hash_of(gql: Gql, tenant_id: str) -> str:
    env_hash: str = gql.data(GET_ENV, t=tenant_id)["getTenantEnv"]["hash"]
    return env_hash


def set_env(gql: Gql, tenant_id: str, **values: str) -> str:
    """updateTenantEnv with the current hash; returns the new hash."""
    pairs = [{"key": key, "value": value} for key, value in values.items()]
    updated = gql.data(UPDATE_ENV, t=tenant_id, h=env_hash_of(gql, tenant_id), envs=pairs)
    new_hash: str = updated["updateTenantEnv"]["hash"]
    return new_hash


PREVIEW_APP = """
mutation($name: String!, $env: [UpdateEnvsObject]) {
  createGitHubPreviewApp(payload: {
    githubPersonalAccessToken: "ghp_example",
    githubRepoDetails: {branch: "main", owner: "o", repo: "r", directory: ""},
    projectOptions: {cloud: "aws", region: "us-west-1", name: $name, envVars: $env}
  }) { githubPreviewAppJobID }
}
"""
JOB = """
query($j: uuid!) {
  jobs_by_pk(id: $j) {
    id status job_type input project { id }
    tasks { name task_events(order_by: {created_at: asc}) { event_type error public_event_data } }
  }
}
"""


def create_preview_app(gql: Gql, name: str, env: dict[str, str] | None = None) -> str:
    """Submit a preview app; returns its creation job's id."""
    pairs = [{"key": key, "value": value} for key, value in (env or {}).items()]
    created = gql.data(PREVIEW_APP, name=name, env=pairs)["createGitHubPreviewApp"]
    job_id: str = created["githubPreviewAppJobID"]
    return job_id


def job_of(gql: Gql, job_id: str) -> dict[str, Any]:
    job: dict[str, Any] = gql.data(JOB, j=job_id)["jobs_by_pk"]
    return job


# ---------------------------------------------------------------- project hosts


def base_url(endpoint: str) -> str:
    """The emulator's own address, ``http://127.0.0.1:<port>``."""
    return endpoint.removesuffix("/v1/graphql")


def healthz(endpoint: str, host: str | None, timeout: float = 10) -> httpx.Response:
    """``GET /healthz`` at the emulator's address with ``Host: <host>`` (curl --connect-to)."""
    headers = {} if host is None else {"Host": host}
    return httpx.get(f"{base_url(endpoint)}/healthz", headers=headers, timeout=timeout)


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


def non_loopback_address() -> str:
    """This machine's outward IPv4 address (a UDP connect sends nothing), or skip."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        address: str = probe.getsockname()[0]
    except OSError:
        pytest.skip("no non-loopback IPv4 address")
    finally:
        probe.close()
    if address.startswith("127.") or address == "0.0.0.0":
        pytest.skip("no non-loopback IPv4 address")
    return address
