"""The admin route /emulator/admin: only with the admin key, only from loopback; anything
else looks exactly like a path that does not exist."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from emulator_helpers import (
    Gql,
    base_url,
    create_tenant,
    healthz,
    launch,
    non_loopback_address,
    terminate,
)

from hasura_cloud_magic.emulator import RunningEmulator, start

ADMIN_KEY = "admin-key-for-tests-0123456789"
GOOD = {"Authorization": f"admin {ADMIN_KEY}"}


@pytest.fixture(scope="module")
def keyed() -> Iterator[RunningEmulator]:
    with start(step_seconds=0, tokens=["token-carol"], admin_key=ADMIN_KEY) as running:
        yield running


@pytest.fixture
def carol(keyed: RunningEmulator) -> Iterator[Gql]:
    client = Gql(keyed.endpoint, keyed.token)
    yield client
    client.close()


def admin_url(emulator: RunningEmulator) -> str:
    return f"{base_url(emulator.endpoint)}/emulator/admin"


def unknown_path(emulator: RunningEmulator, method: str = "GET") -> tuple[int, str, bytes]:
    response = httpx.request(method, f"{base_url(emulator.endpoint)}/no/such/path", timeout=10)
    return _shape(response)


def _shape(response: httpx.Response) -> tuple[int, str, bytes]:
    return response.status_code, response.headers.get("content-type", ""), response.content


def test_get_and_post_with_the_key(keyed: RunningEmulator, carol: Gql) -> None:
    created = create_tenant(carol)
    name = created["name"]
    read = httpx.get(admin_url(keyed), params={"project": name}, headers=GOOD, timeout=10)
    assert read.status_code == 200
    assert read.json() == {
        "project": {
            "name": name,
            "active": True,
            "active_status_reason": None,
            "maintenance_mode": False,
            "endpoint": "up",
        }
    }
    changed = httpx.post(
        admin_url(keyed),
        json={"project": name, "active": False, "reason": "suspended", "endpoint": "down"},
        headers=GOOD,
        timeout=10,
    )
    assert changed.status_code == 200
    assert changed.json()["project"] == {
        "name": name,
        "active": False,
        "active_status_reason": "suspended",
        "maintenance_mode": False,
        "endpoint": "down",
    }
    tenant = carol.data(
        "query($t: uuid!) { tenant_by_pk(id: $t) { active active_status_reason } }",
        t=created["id"],
    )["tenant_by_pk"]
    assert tenant == {"active": False, "active_status_reason": "suspended"}
    assert healthz(keyed.endpoint, f"{name}.hasura.app").status_code == 503
    assert keyed.admin.state(name) == changed.json()["project"]


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({"project": "no-such-project", "maintenance": True}, 404, "no project named"),
        ({"project": "NAME", "endpoint": "sideways"}, 400, "endpoint must be one of"),
        ({"project": "NAME", "maintenance": "yes"}, 400, "maintenance must be true or false"),
        ({"project": "NAME", "active": True, "reason": "x"}, 400, "cannot go with active=True"),
        ({"project": "NAME", "colour": "red"}, 400, "unknown field 'colour'"),
        ({"maintenance": True}, 400, "project must be the project's name"),
        (["not", "an", "object"], 400, "must be a JSON object"),
    ],
)
def test_post_errors_are_one_line_json(
    keyed: RunningEmulator, carol: Gql, body: Any, status: int, needle: str
) -> None:
    name = create_tenant(carol)["name"]
    if isinstance(body, dict) and body.get("project") == "NAME":
        body = {**body, "project": name}
    response = httpx.post(admin_url(keyed), json=body, headers=GOOD, timeout=10)
    assert response.status_code == status
    error = response.json()["error"]
    assert needle in error and "\n" not in error
    assert keyed.admin.state(name)["endpoint"] == "up"


def test_other_errors(keyed: RunningEmulator) -> None:
    not_json = httpx.post(admin_url(keyed), content=b"{nope", headers=GOOD, timeout=10)
    assert (not_json.status_code, "JSON object" in not_json.json()["error"]) == (400, True)
    no_name = httpx.get(admin_url(keyed), headers=GOOD, timeout=10)
    assert no_name.status_code == 400 and "?project=NAME" in no_name.json()["error"]
    unknown = httpx.get(admin_url(keyed), params={"project": "nope"}, headers=GOOD, timeout=10)
    assert unknown.status_code == 404 and unknown.json() == {"error": "no project named 'nope'"}
    wrong_method = httpx.put(admin_url(keyed), headers=GOOD, timeout=10)
    assert wrong_method.status_code == 405


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "pat token-carol",
        "admin wrong-key",
        f"admin {ADMIN_KEY}x",
        f"Bearer {ADMIN_KEY}",
        ADMIN_KEY,
        "admin",
        "admin token-carol",
    ],
    ids=["none", "pat", "wrong", "longer", "bearer", "no-scheme", "empty", "pat-as-key"],
)
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_refusals_look_like_an_unknown_path(
    keyed: RunningEmulator, carol: Gql, authorization: str | None, method: str
) -> None:
    name = create_tenant(carol)["name"]
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.request(
        method,
        admin_url(keyed),
        params={"project": name},
        json={"project": name, "maintenance": True},
        headers=headers,
        timeout=10,
    )
    assert _shape(response) == unknown_path(keyed, method)
    assert _shape(response)[0] == 404
    assert keyed.admin.state(name)["maintenance_mode"] is False


def test_disabled_without_an_admin_key(emu: RunningEmulator, gql: Gql) -> None:
    name = create_tenant(gql)["name"]
    for method in ("GET", "POST"):
        response = httpx.request(
            method,
            admin_url(emu),
            params={"project": name},
            json={"project": name, "maintenance": True},
            headers={"Authorization": "admin anything"},
            timeout=10,
        )
        assert _shape(response) == unknown_path(emu, method)
    assert emu.admin.state(name)["maintenance_mode"] is False


def test_a_client_cannot_unmark_itself_and_marking_itself_only_refuses(
    keyed: RunningEmulator,
) -> None:
    """From loopback, a request that claims to be remote is refused (fail-safe)."""
    headers = {**GOOD, "X-Emulator-Remote-Peer": "0"}
    response = httpx.get(admin_url(keyed), params={"project": "x"}, headers=headers, timeout=10)
    assert _shape(response) == unknown_path(keyed)


def test_only_loopback_peers_reach_it() -> None:
    outward = non_loopback_address()
    with start(step_seconds=0, host="0.0.0.0", admin_key=ADMIN_KEY) as emulator:
        name = create_tenant(Gql(emulator.endpoint, emulator.token))["name"]
        port = urlsplit(emulator.endpoint).port
        remote = f"http://{outward}:{port}/emulator/admin"
        from_outside = httpx.get(remote, params={"project": name}, headers=GOOD, timeout=10)
        assert _shape(from_outside) == unknown_path(emulator)
        posted = httpx.post(remote, json={"project": name, "active": False}, headers=GOOD)
        assert posted.status_code == 404
        assert emulator.admin.state(name)["active"] is True
        from_here = httpx.get(admin_url(emulator), params={"project": name}, headers=GOOD)
        assert from_here.status_code == 200
        # GraphQL and healthz still work from outside.
        graphql = httpx.post(
            f"http://{outward}:{port}/v1/graphql",
            json={"query": "{ __typename }"},
            timeout=10,
        )
        assert graphql.json() == {"data": {"__typename": "query_root"}}


def test_repr_hides_the_admin_key(keyed: RunningEmulator) -> None:
    assert ADMIN_KEY not in repr(keyed)
    assert ADMIN_KEY not in repr(keyed.admin)


def test_an_empty_admin_key_is_refused() -> None:
    with pytest.raises(ValueError, match="admin_key must not be empty"):
        start(admin_key=" ")


# ---------------------------------------------------------------- the command line


def test_cli_takes_the_admin_key_from_an_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMULATOR_ADMIN_KEY", ADMIN_KEY)
    process, endpoint, token = launch(
        "--admin-key-env", "EMULATOR_ADMIN_KEY", "--step-seconds", "0"
    )
    try:
        gql = Gql(endpoint, token)
        name = create_tenant(gql)["name"]
        gql.close()
        url = f"{base_url(endpoint)}/emulator/admin"
        answer = httpx.post(url, json={"project": name, "maintenance": True}, headers=GOOD)
        assert answer.json()["project"]["maintenance_mode"] is True
    finally:
        stderr = terminate(process)
    assert ADMIN_KEY not in stderr


def test_cli_without_the_admin_key_env_var_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_SUCH_ADMIN_KEY", raising=False)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "hasura_cloud_magic.emulator",
            "--admin-key-env",
            "NO_SUCH_ADMIN_KEY",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "hasura-cloud-emulator: env var NO_SUCH_ADMIN_KEY is not set"
    ]
    assert run.stdout == ""


def test_cli_help_documents_the_state_controls() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "hasura_cloud_magic.emulator", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "--admin-key-env" in run.stdout
    assert "/emulator/admin" in run.stdout and "/healthz" in run.stdout
