"""GET /healthz per project host (Host header), through the proxy, with no token."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from emulator_helpers import Gql, base_url, create_tenant, healthz, unique_name

from hasura_cloud_magic.emulator import RunningEmulator, start


def test_a_project_that_is_up_answers_ok(gql: Gql, emu: RunningEmulator) -> None:
    name = create_tenant(gql)["name"]
    for host in (f"{name}.hasura.app", f"{name.upper()}.HASURA.APP:443", f"{name}.hasura.app."):
        response = healthz(emu.endpoint, host)
        assert (response.status_code, response.text) == (200, "OK"), host
        assert response.headers["content-type"].startswith("text/plain")


def test_any_users_project_answers_without_a_token(other_gql: Gql, emu: RunningEmulator) -> None:
    name = create_tenant(other_gql)["name"]
    assert healthz(emu.endpoint, f"{name}.hasura.app").text == "OK"


@pytest.mark.parametrize(
    ("state", "body"),
    [
        ({"endpoint": "down"}, "endpoint down"),
        ({"active": False}, "project is hibernated"),
        ({"active": False, "reason": "suspended"}, "project is suspended"),
        # Inactive wins: it answers at once.
        ({"active": False, "reason": "suspended", "endpoint": "hang"}, "project is suspended"),
    ],
)
def test_down_or_inactive_projects_answer_503(
    gql: Gql, emu: RunningEmulator, state: dict[str, Any], body: str
) -> None:
    name = create_tenant(gql)["name"]
    emu.admin.set_state(name, **state)
    response = healthz(emu.endpoint, f"{name}.hasura.app")
    assert (response.status_code, response.text) == (503, body)
    assert response.headers["content-type"].startswith("text/plain")


def test_maintenance_still_answers_ok(gql: Gql, emu: RunningEmulator) -> None:
    name = create_tenant(gql)["name"]
    emu.admin.set_state(name, maintenance=True)
    try:
        assert healthz(emu.endpoint, f"{name}.hasura.app").status_code == 200
    finally:
        emu.admin.set_state(name, maintenance=False)


def test_unknown_project_hosts_are_404(emu: RunningEmulator) -> None:
    for host in (f"{unique_name('gone')}.hasura.app", "metrics-us-east-2.aws.hasura.app"):
        assert healthz(emu.endpoint, host).status_code == 404


def test_other_hosts_are_the_emulator_itself(emu: RunningEmulator) -> None:
    for host in (None, "localhost", "example.com:8080", "hasura.app", "[::1]:80"):
        response = healthz(emu.endpoint, host)
        assert (response.status_code, response.text) == (200, "OK"), host


def test_head_and_other_methods(gql: Gql, emu: RunningEmulator) -> None:
    name = create_tenant(gql)["name"]
    url = f"{base_url(emu.endpoint)}/healthz"
    head = httpx.head(url, headers={"Host": f"{name}.hasura.app"}, timeout=10)
    assert (head.status_code, head.content) == (200, b"")
    assert httpx.post(url, timeout=10).status_code == 405


def test_a_deleted_or_renamed_project_is_no_longer_there(gql: Gql, emu: RunningEmulator) -> None:
    created = create_tenant(gql)
    renamed = unique_name("renamed")
    gql.data(
        "mutation($t: uuid!, $n: String!) { updateTenantName(tenantId: $t, name: $n) "
        "{ tenant_id } }",
        t=created["id"],
        n=renamed,
    )
    assert healthz(emu.endpoint, f"{created['name']}.hasura.app").status_code == 404
    assert healthz(emu.endpoint, f"{renamed}.hasura.app").status_code == 200
    gql.data("mutation($t: uuid!) { deleteTenant(tenantId: $t) { status } }", t=created["id"])
    assert healthz(emu.endpoint, f"{renamed}.hasura.app").status_code == 404


# ---------------------------------------------------------------- hang


@pytest.fixture
def hanging() -> Iterator[tuple[RunningEmulator, Gql, str]]:
    """Its own emulator (the test stops it) with one project whose endpoint hangs."""
    emulator = start(step_seconds=0)
    client = Gql(emulator.endpoint, emulator.token)
    name = create_tenant(client)["name"]
    emulator.admin.set_state(name, endpoint="hang")
    yield emulator, client, f"{name}.hasura.app"
    client.close()
    emulator.stop()


def test_a_hanging_endpoint_times_the_client_out(
    hanging: tuple[RunningEmulator, Gql, str],
) -> None:
    emulator, _, host = hanging
    began = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        healthz(emulator.endpoint, host, timeout=0.5)
    assert time.monotonic() - began < 5


def test_hangs_block_neither_other_requests_nor_stop(
    hanging: tuple[RunningEmulator, Gql, str],
) -> None:
    emulator, gql, host = hanging
    other = create_tenant(gql)["name"]
    # More hanging requests than the threadpool has threads (40): the hang must not hold one.
    outcomes: list[BaseException | int] = []
    waiting = [
        threading.Thread(target=_hang_once, args=(emulator.endpoint, host, outcomes))
        for _ in range(45)
    ]
    for thread in waiting:
        thread.start()
    time.sleep(0.5)  # let them all reach the emulator
    began = time.monotonic()
    assert gql.data("{ projects { name } }")["projects"]
    assert healthz(emulator.endpoint, f"{other}.hasura.app").status_code == 200
    assert time.monotonic() - began < 5
    assert outcomes == []  # all still waiting
    began = time.monotonic()
    emulator.stop()
    stopping = time.monotonic() - began
    for thread in waiting:
        thread.join(timeout=10)
    assert stopping < 5, f"stop() took {stopping:.1f} s"
    assert len(outcomes) == 45
    assert all(isinstance(outcome, httpx.TransportError) for outcome in outcomes), outcomes[:3]


def _hang_once(endpoint: str, host: str, outcomes: list[BaseException | int]) -> None:
    try:
        outcomes.append(healthz(endpoint, host, timeout=30).status_code)
    except httpx.HTTPError as error:
        outcomes.append(error)
