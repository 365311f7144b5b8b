"""Our errors travel alone (the trial's H3, M12, L13).

An httpx error holds the request (the token, env values, a GitHub token) and a pydantic
error the response (env values): neither is attached to ours, as ``__cause__`` or
``__context__``, so a pickled error, an error reporter or a chained traceback holds none of
it. ``verbose_errors`` shows code lines only, never frame variables, whatever ``%xmode``
says, and arms ``%debug``.
"""

from __future__ import annotations

import json
import pickle
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from magic_shell import TestingShell
from raw_http import http_response, misbehaving_server

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import HasuraCloudError, ServerError, TransportError
from hasura_cloud_magic.settings import ClientSettings

VALUE = "env-value-canary-7731"
TOKEN = "token-canary-5512"


def assert_alone(error: BaseException, *secrets: str) -> None:
    assert error.__cause__ is None and error.__context__ is None
    dumped = pickle.dumps(error)
    assert all(secret.encode() not in dumped for secret in secrets)


@pytest.fixture
def tenant(cloud: HasuraCloud) -> Iterator[uuid.UUID]:
    created = cloud.create_project(
        cloud="aws", region="us-east-2", name=f"chain-{uuid.uuid4().hex[:8]}", envs={"A": "1"}
    )
    yield created.id
    cloud.delete_tenant(created.id)


def test_a_transport_error_carries_no_request(
    cloud: HasuraCloud, emulator: Any, tenant: uuid.UUID
) -> None:
    env = cloud.get_env(tenant)
    emulator.faults.add("updateTenantEnv", "reset-after", times=1)
    try:
        with pytest.raises(TransportError) as raised:
            cloud.update_env(tenant, env.hash, {"SECRET": VALUE})
    finally:
        emulator.faults.clear()
    assert_alone(raised.value, VALUE, emulator.token)


def test_an_unexpected_shape_carries_no_response() -> None:
    body = json.dumps({"data": {"getTenantEnv": {"hash": None, "envVars": {"K": VALUE}}}})
    reply = http_response("200 OK", body.encode())
    with (
        misbehaving_server(reply) as endpoint,
        HasuraCloud(ClientSettings(endpoint, TOKEN)) as api,
        pytest.raises(ServerError, match="unexpected shape") as raised,
    ):
        api.get_env(uuid.uuid4())
    assert_alone(raised.value, VALUE, TOKEN)


def test_verbose_errors_show_code_not_variables(
    ip: TestingShell, emulator: Any, tenant: uuid.UUID, capsys: pytest.CaptureFixture[str]
) -> None:
    ip.user_ns["secret"] = VALUE
    ip.run_cell("%config HasuraMagics.verbose_errors = True")
    ip.run_cell("%xmode Verbose")
    emulator.faults.add("updateTenantEnv", "reset-after", times=1)
    try:
        with pytest.raises(TransportError):
            ip.run_cell(f"%hasura env set {tenant} SECRET={{{{secret}}}}")
    finally:
        emulator.faults.clear()
        ip.run_cell("%xmode Context")
    shown = capsys.readouterr().out
    assert "Traceback" in shown and "api.py" in shown and "TransportError" in shown
    assert VALUE not in shown and emulator.token not in shown
    assert isinstance(sys.last_value, HasuraCloudError)  # %debug has something to open
