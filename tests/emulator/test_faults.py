"""Fault injection over real HTTP: what a client sees on the wire, and whether state changed."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from emulator_helpers import CREATE_TENANT, Gql, launch, terminate, unique_name

from hasura_cloud_magic.emulator import Fault, FaultKind, RunningEmulator, parse_fault, start

#: Only requests that are meant to hang use the short timeout; every other request gets a
#: generous one, so a loaded CI machine cannot turn an answer into a timeout.
HANG_CLIENT_TIMEOUT = 0.5
ANSWER_TIMEOUT = 15.0
HANG_SECONDS = 2.0
LATENCY_SECONDS = 1.0
NOT_PROCESSED_PAGE = (
    "<html><body><h1>{status}</h1><p>fault injected by the emulator</p></body></html>"
)


@pytest.fixture(scope="module")
def faulty() -> Iterator[RunningEmulator]:
    with start(step_seconds=0, tokens=["token-faults"]) as running:
        yield running


@pytest.fixture(autouse=True)
def no_leftover_faults(faulty: RunningEmulator) -> Iterator[None]:
    faulty.faults.clear()
    yield
    faulty.faults.clear()


@pytest.fixture
def http(faulty: RunningEmulator) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"pat {faulty.token}"}
    with httpx.Client(headers=headers, timeout=ANSWER_TIMEOUT) as client:
        yield client


def create(
    http: httpx.Client, endpoint: str, name: str, timeout: float = ANSWER_TIMEOUT
) -> httpx.Response:
    variables = {"cloud": "aws", "region": "us-east-2", "name": name}
    body = {"query": CREATE_TENANT, "variables": variables}
    return http.post(endpoint, json=body, timeout=timeout)


def project_exists(emu: RunningEmulator, name: str) -> bool:
    """Asked on a fresh connection with no fault armed for ``projects``."""
    gql = Gql(emu.endpoint, emu.token)
    try:
        found = gql.data("query($n: String!) { projects(where: {name: {_eq: $n}}) { id } }", n=name)
    finally:
        gql.close()
    return len(found["projects"]) == 1


@pytest.mark.parametrize("status", [500, 502, 503])
def test_http_errors_answer_without_processing(
    faulty: RunningEmulator, http: httpx.Client, status: int
) -> None:
    faulty.faults.add("createTenant", f"http{status}")
    name = unique_name()
    response = create(http, faulty.endpoint, name)
    assert response.status_code == status
    assert response.headers["content-type"] == "text/html"
    assert response.text == NOT_PROCESSED_PAGE.format(status=status)
    assert not project_exists(faulty, name)
    # The connection stays usable and the fault is used up: the retry goes through.
    assert create(http, faulty.endpoint, name).json()["data"]["createTenant"]["name"] == name
    assert project_exists(faulty, name)


def test_graphql_error_is_the_real_generic_server_error(
    faulty: RunningEmulator, http: httpx.Client
) -> None:
    faulty.faults.add("createTenant", "graphql-error")
    name = unique_name()
    response = create(http, faulty.endpoint, name)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    [error] = response.json()["errors"]
    incident = error["extensions"].pop("id")
    assert error == {
        "extensions": {"code": "GenericServerError"},
        "message": "there was an internal error while serving your request",
    }
    assert len(incident) == 36 and incident.count("-") == 4
    assert "data" not in response.json()
    assert not project_exists(faulty, name)


def test_reset_before_drops_the_connection_and_writes_nothing(
    faulty: RunningEmulator, http: httpx.Client
) -> None:
    faulty.faults.add("createTenant", "reset-before")
    name = unique_name()
    with pytest.raises(httpx.ReadError, match="reset"):
        create(http, faulty.endpoint, name)
    assert not project_exists(faulty, name)


def test_reset_after_commits_then_drops_the_connection(
    faulty: RunningEmulator, http: httpx.Client
) -> None:
    faulty.faults.add("createTenant", "reset-after")
    name = unique_name()
    with pytest.raises(httpx.ReadError, match="reset"):
        create(http, faulty.endpoint, name)
    assert project_exists(faulty, name)
    # A client that retries the processed mutation meets its own write.
    retried = create(http, faulty.endpoint, name).json()
    assert retried["errors"][0]["extensions"]["code"] == "constraint-violation"


def test_truncated_commits_then_sends_half_a_body(
    faulty: RunningEmulator, http: httpx.Client
) -> None:
    faulty.faults.add("createTenant", "truncated")
    name = unique_name()
    with pytest.raises(httpx.RemoteProtocolError, match="without sending complete message body"):
        create(http, faulty.endpoint, name)
    assert project_exists(faulty, name)


def test_truncated_on_the_wire_declares_more_than_it_sends(faulty: RunningEmulator) -> None:
    faulty.faults.add("projects", "truncated")
    headers = {"Authorization": f"pat {faulty.token}"}
    with (
        httpx.Client(headers=headers) as client,
        client.stream("POST", faulty.endpoint, json={"query": "{ projects { id } }"}) as response,
    ):
        assert response.status_code == 200
        declared = int(response.headers["content-length"])
        received = b""
        with pytest.raises(httpx.RemoteProtocolError):
            for chunk in response.iter_raw():
                received += chunk
    assert 0 < len(received) < declared


def test_not_json_commits_then_answers_html(faulty: RunningEmulator, http: httpx.Client) -> None:
    faulty.faults.add("createTenant", "not-json")
    name = unique_name()
    response = create(http, faulty.endpoint, name)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html"
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert project_exists(faulty, name)


def test_timeout_hangs_without_processing(faulty: RunningEmulator, http: httpx.Client) -> None:
    faulty.faults.add("createTenant", "timeout", seconds=HANG_SECONDS)
    name = unique_name()
    began = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        create(http, faulty.endpoint, name, timeout=HANG_CLIENT_TIMEOUT)
    assert time.monotonic() - began < HANG_SECONDS
    assert not project_exists(faulty, name)
    time.sleep(HANG_SECONDS)  # after the hang the request is dropped, still not processed
    assert not project_exists(faulty, name)


def test_timeout_after_processes_then_hangs(faulty: RunningEmulator, http: httpx.Client) -> None:
    faulty.faults.add("createTenant", "timeout-after", seconds=HANG_SECONDS)
    name = unique_name()
    with pytest.raises(httpx.ReadTimeout):
        create(http, faulty.endpoint, name, timeout=HANG_CLIENT_TIMEOUT)
    assert project_exists(faulty, name)


def test_timeout_hang_then_closes_without_an_answer(faulty: RunningEmulator) -> None:
    faulty.faults.add("projects", "timeout", seconds=0.2)
    headers = {"Authorization": f"pat {faulty.token}"}
    with (
        httpx.Client(headers=headers, timeout=5) as client,
        pytest.raises(httpx.RemoteProtocolError, match="without sending"),
    ):
        client.post(faulty.endpoint, json={"query": "{ projects { id } }"})


def test_latency_delays_then_answers_normally(faulty: RunningEmulator) -> None:
    faulty.faults.add("createTenant", "latency", seconds=LATENCY_SECONDS)
    name = unique_name()
    headers = {"Authorization": f"pat {faulty.token}"}
    with httpx.Client(headers=headers, timeout=5) as client:
        began = time.monotonic()
        body = create(client, faulty.endpoint, name).json()
        delayed = time.monotonic() - began
        began = time.monotonic()
        client.post(faulty.endpoint, json={"query": "{ projects { id } }"})
        undelayed = time.monotonic() - began
    assert body["data"]["createTenant"]["name"] == name
    assert delayed >= LATENCY_SECONDS
    assert undelayed < LATENCY_SECONDS


def test_times_always_and_non_matching_requests(faulty: RunningEmulator) -> None:
    faulty.faults.add("updateTenantEnv:http503:times=2")
    faulty.faults.add("getTenantEnv", "http502", times=None)
    headers = {"Authorization": f"pat {faulty.token}"}
    update = "mutation { updateTenantEnv(tenantId: $t, currentHash: $h, envs: []) { hash } }"
    with httpx.Client(headers=headers, timeout=5) as client:

        def status(query: str) -> int:
            return client.post(faulty.endpoint, json={"query": query}).status_code

        assert [status(update) for _ in range(3)] == [503, 503, 200]
        assert [status("{ getTenantEnv(tenantId: $t) { hash } }") for _ in range(4)] == [502] * 4
        assert status("{ projects { id } }") == 200
    [pending] = faulty.faults.pending()
    assert (pending.fault.target, pending.remaining) == ("getTenantEnv", None)


def test_operation_name_and_star_match(faulty: RunningEmulator) -> None:
    faulty.faults.add("ListThem", "http500")
    faulty.faults.add("*", "http502")
    headers = {"Authorization": f"pat {faulty.token}"}
    named = {"query": "query ListThem { projects { id } }", "operationName": "ListThem"}
    with httpx.Client(headers=headers, timeout=5) as client:
        assert client.post(faulty.endpoint, json=named).status_code == 500
        assert client.post(faulty.endpoint, content=b"not even json").status_code == 502
        assert client.post(faulty.endpoint, json=named).status_code == 200
    hits = faulty.faults.hits()
    assert [(h.fault.kind, h.operation_name) for h in hits] == [
        (FaultKind.HTTP500, "ListThem"),
        (FaultKind.HTTP502, None),
    ]
    assert hits[0].fields == ("projects",)


def test_latency_adds_up_with_another_fault(faulty: RunningEmulator, http: httpx.Client) -> None:
    faulty.faults.add("*", "latency", seconds=0.1, times=None)
    faulty.faults.add("createTenant", "reset-after")
    name = unique_name()
    began = time.monotonic()
    with pytest.raises(httpx.ReadError):
        create(http, faulty.endpoint, name)
    assert time.monotonic() - began >= 0.1
    assert project_exists(faulty, name)  # the latency rule also delayed this check
    assert [p.fault.kind for p in faulty.faults.pending()] == [FaultKind.LATENCY]


def test_clear_disarms(faulty: RunningEmulator, http: httpx.Client) -> None:
    faulty.faults.add("createTenant", "http500", times=None)
    faulty.faults.clear()
    assert faulty.faults.pending() == [] and faulty.faults.hits() == []
    assert create(http, faulty.endpoint, unique_name()).status_code == 200


def test_faults_given_to_start_apply_from_the_first_request() -> None:
    fault = Fault.make("projects", FaultKind.HTTP503)
    with start(step_seconds=0, faults=[fault, "projects:graphql-error"]) as emu:
        headers = {"Authorization": f"pat {emu.token}"}
        with httpx.Client(headers=headers) as client:
            answers = [
                client.post(emu.endpoint, json={"query": "{ projects { id } }"}) for _ in range(3)
            ]
    assert [a.status_code for a in answers] == [503, 200, 200]
    assert answers[1].json()["errors"][0]["extensions"]["code"] == "GenericServerError"
    assert answers[2].json() == {"data": {"projects": []}}


def test_cli_fault_flag() -> None:
    process, endpoint, token = launch(
        "--step-seconds", "0", "--fault", "createTenant:reset-before", "--fault",
        "projects:http500:times=2",
    )  # fmt: skip
    try:
        with httpx.Client(headers={"Authorization": f"pat {token}"}, timeout=5) as client:
            statuses = [
                client.post(endpoint, json={"query": "{ projects { id } }"}).status_code
                for _ in range(3)
            ]
            with pytest.raises(httpx.ReadError):
                create(client, endpoint, unique_name())
            projects = client.post(endpoint, json={"query": "{ projects { id } }"}).json()
    finally:
        terminate(process)
    assert statuses == [500, 500, 200]
    assert projects == {"data": {"projects": []}}


def test_cli_rejects_a_bad_fault_spec() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "hasura_cloud_magic.emulator", "--fault", "createTenant:explode"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 2
    assert "unknown fault kind 'explode'" in result.stderr


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("createTenant:reset-after", Fault("createTenant", FaultKind.RESET_AFTER, 0.0, 1)),
        ("*:latency=0.05:always", Fault("*", FaultKind.LATENCY, 0.05, None)),
        ("updateTenantEnv:http503:times=2", Fault("updateTenantEnv", FaultKind.HTTP503, 0, 2)),
        ("projects:timeout", Fault("projects", FaultKind.TIMEOUT, 30.0, 1)),
        ("projects:latency", Fault("projects", FaultKind.LATENCY, 1.0, 1)),
    ],
)
def test_spec_syntax(spec: str, expected: Fault) -> None:
    assert parse_fault(spec) == expected
    assert parse_fault(str(expected)) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("createTenant", "TARGET:KIND"),
        ("createTenant:boom", "unknown fault kind"),
        ("create-tenant:http500", "GraphQL name"),
        ("createTenant:http500=1", "takes no seconds"),
        ("createTenant:latency=soon", "not a number"),
        ("createTenant:http500:times=0", "at least 1"),
        ("createTenant:http500:twice", "times=N or always"),
    ],
)
def test_bad_specs_are_refused(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_fault(spec)


def test_kinds_say_whether_the_request_is_processed() -> None:
    processed = {k.value for k in FaultKind if k.processed}
    assert processed == {"latency", "reset-after", "truncated", "not-json", "timeout-after"}


def test_stop_does_not_wait_for_a_hanging_fault() -> None:
    emu = start(step_seconds=0, faults=["*:timeout=60"])
    outcome: list[Any] = []

    def call() -> None:
        try:
            outcome.append(httpx.post(emu.endpoint, json={"query": "{ __typename }"}, timeout=30))
        except httpx.HTTPError as error:
            outcome.append(error)

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.2)
    began = time.monotonic()
    emu.stop()
    caller.join(timeout=10)
    assert time.monotonic() - began < 5
    assert len(outcome) == 1 and isinstance(outcome[0], httpx.RemoteProtocolError)
