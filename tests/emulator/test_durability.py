"""Durability: SIGKILL the CLI emulator mid-stream; every acknowledged write survives, whole.

Writers run concurrently against ``--db FILE``: one creates projects, others chain
``updateTenantEnv`` calls (each quoting the hash the previous one returned) that set three keys
to the same counter. The process is killed once enough writes are acknowledged, restarted on the
same file, and the state is checked against what the writers saw acknowledged.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from emulator_helpers import CREATE_TENANT, Gql, launch, terminate, unique_name

TOKEN = "durability-token"
ENV_KEYS = ("COUNTER", "PAIR_A", "PAIR_B")
SEEDED_KEYS = {"HASURA_GRAPHQL_ADMIN_SECRET", "HASURA_GRAPHQL_METADATA_DATABASE_URL"}
KILL_AFTER = (3, 11, 26, 45, 70)  # acknowledged writes per round before SIGKILL
ENV_WRITERS = 2
GET_ENV = "query($t: uuid!) { getTenantEnv(tenantId: $t) { hash envVars } }"
UPDATE_ENV = """
mutation($t: uuid!, $h: String!, $e: [UpdateEnvObject!]!) {
  updateTenantEnv(tenantId: $t, currentHash: $h, envs: $e) { hash }
}
"""


def documented_hash(env: dict[str, str]) -> str:
    """SHA-1 hex of the canonical JSON (sorted keys, no spaces) of ``{"environment": env}``."""
    canonical = json.dumps({"environment": env}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(canonical.encode()).hexdigest()


@dataclass
class Ledger:
    """What the writers sent and what was acknowledged, shared by every round."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    acked_projects: dict[str, str] = field(default_factory=dict)  # name -> tenant id
    attempted_projects: set[str] = field(default_factory=set)
    acked_counter: dict[str, int] = field(default_factory=dict)  # tenant id -> last acked
    acked_hash: dict[str, str] = field(default_factory=dict)
    attempted_counter: dict[str, int] = field(default_factory=dict)
    acks: int = 0

    def ack(self) -> None:
        with self.lock:
            self.acks += 1

    def in_flight(self) -> int:
        """Writes sent but not acknowledged (after a kill: the ones the kill interrupted)."""
        with self.lock:
            projects = len(self.attempted_projects - set(self.acked_projects))
            envs = sum(
                1
                for tenant, sent in self.attempted_counter.items()
                if sent != self.acked_counter.get(tenant)
            )
        return projects + envs


def post(client: httpx.Client, endpoint: str, query: str, **variables: Any) -> dict[str, Any]:
    body: dict[str, Any] = client.post(
        endpoint, json={"query": query, "variables": variables}
    ).json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def create_projects(endpoint: str, ledger: Ledger, stop: threading.Event) -> None:
    with httpx.Client(headers={"Authorization": f"pat {TOKEN}"}, timeout=10) as client:
        while not stop.is_set():
            name = unique_name("dur")
            with ledger.lock:
                ledger.attempted_projects.add(name)
            try:
                data = post(
                    client, endpoint, CREATE_TENANT, cloud="aws", region="us-east-2", name=name
                )
            except httpx.TransportError:
                return  # killed
            with ledger.lock:
                ledger.acked_projects[name] = data["createTenant"]["id"]
            ledger.ack()


def chain_env_updates(endpoint: str, tenant_id: str, ledger: Ledger, stop: threading.Event) -> None:
    with httpx.Client(headers={"Authorization": f"pat {TOKEN}"}, timeout=10) as client:
        try:
            env = post(client, endpoint, GET_ENV, t=tenant_id)["getTenantEnv"]
        except httpx.TransportError:
            return
        current = env["hash"]
        counter = int(env["envVars"]["environment"].get("COUNTER", "0"))
        while not stop.is_set():
            counter += 1
            with ledger.lock:
                ledger.attempted_counter[tenant_id] = counter
            envs = [{"key": key, "value": str(counter)} for key in ENV_KEYS]
            try:
                data = post(client, endpoint, UPDATE_ENV, t=tenant_id, h=current, e=envs)
            except httpx.TransportError:
                return
            current = data["updateTenantEnv"]["hash"]
            with ledger.lock:
                ledger.acked_counter[tenant_id] = counter
                ledger.acked_hash[tenant_id] = current
            ledger.ack()


def create_env_tenant(endpoint: str, ledger: Ledger) -> str:
    name = unique_name("env")
    ledger.attempted_projects.add(name)
    gql = Gql(endpoint, TOKEN)
    try:
        variables = {"cloud": "aws", "region": "us-east-2", "name": name}
        tenant_id: str = gql.data(CREATE_TENANT, **variables)["createTenant"]["id"]
    finally:
        gql.close()
    ledger.acked_projects[name] = tenant_id
    return tenant_id


def verify(endpoint: str, ledger: Ledger) -> None:
    gql = Gql(endpoint, TOKEN)
    try:
        projects = gql.data("{ projects { name tenant { id } } }")["projects"]
        by_name = {p["name"]: p for p in projects}
        for name, tenant_id in ledger.acked_projects.items():
            assert name in by_name, f"acknowledged project {name} lost"
            assert by_name[name]["tenant"] == {"id": tenant_id}
        for name, project in by_name.items():
            assert name in ledger.attempted_projects, f"project {name} was never requested"
            assert project["tenant"] is not None, f"project {name} has no tenant"
            env = gql.data(GET_ENV, t=project["tenant"]["id"])["getTenantEnv"]
            variables = env["envVars"]["environment"]
            assert set(variables) >= SEEDED_KEYS, f"project {name} has a partial env"
            assert env["hash"] == documented_hash(variables)
        for tenant_id, acked in ledger.acked_counter.items():
            env = gql.data(GET_ENV, t=tenant_id)["getTenantEnv"]
            variables = env["envVars"]["environment"]
            assert env["hash"] == documented_hash(variables)
            values = {variables[key] for key in ENV_KEYS}
            assert len(values) == 1, f"half-applied env update: {values}"
            found = int(values.pop())
            # Acknowledged ones survive; the one in flight at the kill may or may not have landed.
            assert found in (acked, ledger.attempted_counter[tenant_id]), (found, acked)
            if found == acked:
                assert env["hash"] == ledger.acked_hash[tenant_id]
    finally:
        gql.close()


def assert_file_is_sound(db: Path) -> None:
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    began = time.monotonic()
    db = tmp_path / "durable.db"
    ledger = Ledger()
    interrupted = 0
    process, endpoint, _ = launch("--db", str(db), "--token", TOKEN, "--step-seconds", "0")
    try:
        for kill_after in KILL_AFTER:
            tenants = [create_env_tenant(endpoint, ledger) for _ in range(ENV_WRITERS)]
            stop = threading.Event()
            target = ledger.acks + kill_after
            writers = [threading.Thread(target=create_projects, args=(endpoint, ledger, stop))]
            writers += [
                threading.Thread(target=chain_env_updates, args=(endpoint, t, ledger, stop))
                for t in tenants
            ]
            for writer in writers:
                writer.start()
            deadline = time.monotonic() + 5
            while ledger.acks < target and time.monotonic() < deadline:
                time.sleep(0.001)
            assert ledger.acks >= target, "the writers made too little progress"
            process.kill()  # SIGKILL, with requests in flight
            process.wait(timeout=5)
            interrupted += ledger.in_flight()
            stop.set()
            for writer in writers:
                writer.join(timeout=10)
            assert_file_is_sound(db)
            process, endpoint, _ = launch("--db", str(db), "--token", TOKEN)
            verify(endpoint, ledger)
    finally:
        if process.poll() is None:
            terminate(process)
    assert ledger.acked_projects and ledger.acked_counter  # both kinds of write were exercised
    assert interrupted > 0  # and some kills landed with writes in flight
    assert time.monotonic() - began < 20
