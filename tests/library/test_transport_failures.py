"""Network failures reach the user as one line that says whether a change may have landed."""

from collections.abc import Callable

import pytest
from raw_http import closed_port_endpoint, http_response, misbehaving_server

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import HasuraCloudError, ServerError, TransportError
from hasura_cloud_magic.settings import ClientSettings

TOKEN = "pat-canary-transport-91b2"


def facade(endpoint: str, timeout: float = 5.0) -> HasuraCloud:
    return HasuraCloud(ClientSettings(endpoint=endpoint, token=TOKEN, timeout_seconds=timeout))


def failure_of(call: Callable[[HasuraCloud], object], reply: bytes | None) -> HasuraCloudError:
    """What ``call`` raises against a peer that answers ``reply`` (None: never answers)."""
    with (
        misbehaving_server(reply) as endpoint,
        facade(endpoint, timeout=0.5 if reply is None else 5.0) as cloud,
        pytest.raises(HasuraCloudError) as caught,
    ):
        call(cloud)
    return caught.value


def test_nothing_listening_means_nothing_sent() -> None:
    with facade(closed_port_endpoint()) as cloud, pytest.raises(TransportError) as caught:
        cloud.create_project(cloud="aws", region="us-east-2")
    assert caught.value.may_have_applied is False
    assert "nothing sent" in str(caught.value)


def test_timed_out_mutation_may_have_applied() -> None:
    error = failure_of(lambda cloud: cloud.create_project(cloud="aws", region="us-east-2"), None)
    assert isinstance(error, TransportError) and error.may_have_applied is True
    assert "may or may not have been applied" in str(error)


def test_timed_out_query_is_safe_to_retry() -> None:
    error = failure_of(lambda cloud: cloud.list_projects(), None)
    assert isinstance(error, TransportError) and error.may_have_applied is False
    assert "timed out" in str(error) and "safe to retry" in str(error)


def test_http_5xx_is_a_server_error() -> None:
    reply = http_response("502 Bad Gateway", b"<html>bad gateway</html>", "text/html")
    error = failure_of(lambda cloud: cloud.list_regions(), reply)
    assert isinstance(error, ServerError) and "HTTP 502" in str(error)


def test_non_json_body_is_a_server_error() -> None:
    error = failure_of(lambda cloud: cloud.list_regions(), http_response("200 OK", b"{truncated"))
    assert isinstance(error, ServerError) and "not GraphQL JSON" in str(error)


def test_unexpected_shape_is_a_server_error_without_the_body() -> None:
    body = b'{"data": {"getTenantEnv": {"hash": 1, "envVars": {"environment": {"K": "s3cr3t"}}}}}'
    error = failure_of(
        lambda cloud: cloud.get_env("7a79cf94-0e53-4520-a560-1b02bf522f08"),
        http_response("200 OK", body),
    )
    assert isinstance(error, ServerError) and "unexpected shape" in str(error)
    assert error.__cause__ is None and "s3cr3t" not in str(error)
