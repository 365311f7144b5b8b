"""The command line, persistence across restarts, and the Python start/stop contract."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from emulator_helpers import Gql, create_tenant, launch, terminate

from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.emulator.schema_source import schema_path


def test_cli_serves_persists_and_keeps_its_token(tmp_path: Path) -> None:
    db = str(tmp_path / "state.db")
    process, endpoint, token = launch("--db", db, "--step-seconds", "0")
    try:
        gql = Gql(endpoint, token)
        created = create_tenant(gql, envs=[{"key": "KEPT", "value": "yes"}])
        gql.close()
    finally:
        stderr = terminate(process)
    assert token not in stderr
    # One line for the person at the terminal; stdout stays the two KEY=value lines.
    assert f"hasura-cloud-emulator: listening on {endpoint}; Ctrl+C to stop" in stderr
    process, endpoint, same_token = launch("--db", db)
    try:
        assert same_token == token
        gql = Gql(endpoint, same_token)
        data = gql.data(
            "query($t: uuid!) { tenant_by_pk(id: $t) { slug } "
            "getTenantEnv(tenantId: $t) { envVars } }",
            t=created["id"],
        )
        gql.close()
    finally:
        terminate(process)
    assert data["tenant_by_pk"] == {"slug": created["name"]}
    assert data["getTenantEnv"]["envVars"]["environment"]["KEPT"] == "yes"


def test_cli_accepts_given_tokens_and_stops_on_sigint(tmp_path: Path) -> None:
    process, endpoint, token = launch("--token", "first", "--token", "second")
    try:
        assert token == "first"
        for accepted in ("first", "second"):
            body = httpx.post(
                endpoint,
                json={"query": "{ projects { id } }"},
                headers={"Authorization": f"pat {accepted}"},
            ).json()
            assert body == {"data": {"projects": []}}
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=15)
    assert process.returncode == 0


def test_python_start_without_db_generates_a_token_and_stop_frees_the_port() -> None:
    emulator = start(step_seconds=0)
    port = int(emulator.endpoint.split(":")[2].split("/")[0])
    assert len(emulator.token) >= 32
    assert Gql(emulator.endpoint, emulator.token).data("{ __typename }") == {
        "__typename": "query_root"
    }
    emulator.stop()
    emulator.stop()  # idempotent
    assert "stopped" in repr(emulator)
    with start(port=port) as again:
        assert again.endpoint == emulator.endpoint


def test_python_restart_on_the_same_db_keeps_state(tmp_path: Path) -> None:
    db = tmp_path / "python.db"
    with start(db=db, step_seconds=0) as first:
        name = create_tenant(Gql(first.endpoint, first.token))["name"]
        token = first.token
    with start(db=db) as second:
        assert second.token == token
        projects = Gql(second.endpoint, second.token).data("{ projects { name } }")
    assert projects == {"projects": [{"name": name}]}


def test_schema_source_finds_the_schema() -> None:
    path = schema_path()
    assert path.name == "schema.graphql"
    assert "type query_root" in path.read_text()


def test_startup_is_quick_enough() -> None:
    began = time.monotonic()
    with start(step_seconds=0):
        pass
    assert time.monotonic() - began < 5


def test_the_db_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """The trial's L8: it holds the token and every env value; it was created 0644."""
    db = tmp_path / "state.sqlite3"
    with start(db=db):
        assert db.stat().st_mode & 0o777 == 0o600
    db.chmod(0o644)
    with start(db=db):  # an existing file is made private too
        assert db.stat().st_mode & 0o777 == 0o600


def test_the_token_can_come_from_an_env_var(monkeypatch: Any) -> None:
    """Kept out of the process list, where --token T is visible to every local user."""
    monkeypatch.setenv("MY_EMULATOR_TOKEN", "token-from-env-var")
    process, _endpoint, token = launch("--token-env", "MY_EMULATOR_TOKEN")
    terminate(process)
    assert token == "token-from-env-var"


def test_listening_on_every_address_warns_and_prints_a_usable_endpoint() -> None:
    """The trial's L9: it printed http://0.0.0.0:PORT and said nothing about exposure."""
    process, endpoint, _token = launch("--host", "0.0.0.0")
    stderr = terminate(process)
    assert endpoint.startswith("http://127.0.0.1:")
    assert "anyone who can reach this machine" in stderr


def test_a_bad_db_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "hasura_cloud_magic.emulator", "--db", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"hasura-cloud-emulator: cannot open --db {tmp_path}: it is a folder"
    ]
