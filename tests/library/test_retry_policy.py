"""Reads are retried with bounded backoff; mutations never, once they may have arrived."""

from __future__ import annotations

import random

import pytest
from raw_http import closed_port_endpoint, http_response, scripted_server

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import ConfigurationError, ServerError, TransportError
from hasura_cloud_magic.retry import RetryPolicy
from hasura_cloud_magic.settings import ClientSettings

UNAVAILABLE = http_response("503 Service Unavailable", b"busy", "text/plain")
REGIONS = http_response(
    "200 OK",
    b'{"data": {"region": [{"name": "us-east-2", "cloud": "aws", '
    b'"is_active": true, "nat_ip": null}]}}',
)


def facade(endpoint: str, waits: list[float]) -> HasuraCloud:
    return HasuraCloud(
        ClientSettings(endpoint=endpoint, token="t", timeout_seconds=2),
        retry=RetryPolicy(attempts=3, base_delay=0.1, max_delay=1.0, jitter=0.0),
        sleep=waits.append,
    )


def test_a_read_recovers_after_transient_failures() -> None:
    waits: list[float] = []
    with scripted_server([UNAVAILABLE, UNAVAILABLE, REGIONS]) as server:
        regions = facade(server.endpoint, waits).list_regions()
    assert [r.name for r in regions] == ["us-east-2"]
    assert len(server.requests) == 3 and waits == [0.1, 0.2]


def test_a_read_gives_up_after_the_last_attempt() -> None:
    waits: list[float] = []
    with scripted_server([UNAVAILABLE]) as server, pytest.raises(ServerError, match="HTTP 503"):
        facade(server.endpoint, waits).list_regions()
    assert len(server.requests) == 3 and len(waits) == 2


def test_a_mutation_that_may_have_arrived_is_never_retried() -> None:
    waits: list[float] = []
    with scripted_server([UNAVAILABLE, REGIONS]) as server, pytest.raises(ServerError) as caught:
        facade(server.endpoint, waits).create_project(cloud="aws", region="us-east-2")
    assert len(server.requests) == 1 and waits == []
    assert caught.value.may_have_applied
    assert "may or may not have been applied" in str(caught.value)
    assert "%hasura projects" in str(caught.value)


def test_a_mutation_that_never_left_is_retried() -> None:
    waits: list[float] = []
    with pytest.raises(TransportError, match="nothing sent") as caught:
        facade(closed_port_endpoint(), waits).create_project(cloud="aws", region="us-east-2")
    assert not caught.value.may_have_applied and len(waits) == 2


def test_backoff_is_exponential_bounded_and_jittered() -> None:
    policy = RetryPolicy(attempts=5, base_delay=0.2, max_delay=1.0, jitter=0.25)
    rng = random.Random(7)
    delays = [policy.delay(n, rng) for n in range(5)]
    nominal = [0.2, 0.4, 0.8, 1.0, 1.0]
    assert all(n * 0.75 <= d <= n * 1.25 for d, n in zip(delays, nominal, strict=True))
    assert RetryPolicy(jitter=0).delay(1) == 0.4


@pytest.mark.parametrize(
    "kwargs",
    [{"attempts": 0}, {"base_delay": -1}, {"base_delay": 3, "max_delay": 1}, {"jitter": 1.5}],
)
def test_invalid_policies_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ConfigurationError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]
