"""Where the emulator listens, and that requests without a valid token change nothing."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import httpx
import pytest
from emulator_helpers import CREATE_TENANT, Gql, non_loopback_address, unique_name

from hasura_cloud_magic.emulator import RunningEmulator, start


def port_of(emu: RunningEmulator) -> int:
    port = urlsplit(emu.endpoint).port
    assert port is not None
    return port


def test_listens_on_loopback_only_by_default(emu: RunningEmulator) -> None:
    assert urlsplit(emu.endpoint).hostname == "127.0.0.1"
    outward = non_loopback_address()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((outward, port_of(emu)), timeout=2).close()


def test_host_option_is_honoured() -> None:
    outward = non_loopback_address()
    with start(step_seconds=0, host="0.0.0.0") as emu:
        assert urlsplit(emu.endpoint).hostname == "127.0.0.1"  # the address usable here
        url = f"http://{outward}:{port_of(emu)}/v1/graphql"
        body = httpx.post(url, json={"query": "{ __typename }"}, timeout=5).json()
    assert body == {"data": {"__typename": "query_root"}}


@pytest.mark.parametrize("header", [None, "pat not-a-token", "Bearer token-alice"])
def test_a_mutation_without_a_valid_token_is_refused_and_writes_nothing(
    emu: RunningEmulator, gql: Gql, header: str | None
) -> None:
    name = unique_name()
    headers = {} if header is None else {"Authorization": header}
    variables = {"cloud": "aws", "region": "us-east-2", "name": name}
    response = httpx.post(
        emu.endpoint, json={"query": CREATE_TENANT, "variables": variables}, headers=headers
    )
    assert response.status_code == 200  # like the real API: no 401
    assert response.json() == {
        "errors": [
            {
                "extensions": {"path": "$.selectionSet.createTenant", "code": "validation-failed"},
                "message": "field \"createTenant\" not found in type: 'mutation_root'",
            }
        ]
    }
    found = gql.data("query($n: String!) { projects(where: {name: {_eq: $n}}) { id } }", n=name)
    assert found == {"projects": []}
