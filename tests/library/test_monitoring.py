"""Monitoring through the facade, over real HTTP, against the emulator's Metrics API.

The emulator serves the Metrics API at each region's ``metrics_fqdn``; the client reaches it
at the loopback address with that ``Host`` (as for a project's /healthz). Exact numbers come
from requests recorded through the emulator's state controls on a project whose invented
traffic is turned off.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.errors import ApiError, AuthenticationError, InvalidInputError
from hasura_cloud_magic.metrics_api import MetricsTarget, postgres_array
from hasura_cloud_magic.monitoring import (
    error_report,
    metrics_targets,
    operation_logs,
    operation_stats,
    traffic,
)
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.times import time_window

OWNER, OTHER = "monitoring-owner-token", "monitoring-other-token"
#: A fixed hour in the emulator's 30 days of history, for recorded requests.
HOUR = (datetime.now(timezone.utc) - timedelta(days=2)).replace(minute=0, second=0, microsecond=0)


@pytest.fixture(scope="module")
def emu() -> Iterator[Any]:
    with start(step_seconds=0, tokens=[OWNER, OTHER]) as running:
        yield running


def _cloud(emu: Any, token: str) -> HasuraCloud:
    return HasuraCloud(ClientSettings(emu.endpoint, token))


@pytest.fixture
def cloud(emu: Any) -> Iterator[HasuraCloud]:
    with _cloud(emu, OWNER) as client:
        yield client


def _project(cloud: HasuraCloud, name: str, region: str = "us-east-2") -> MetricsTarget:
    created = cloud.create_project(cloud="aws", region=region, name=name)
    tenant = cloud.get_tenant(created.id)
    assert tenant is not None and tenant.project is not None
    [target] = metrics_targets(cloud, [tenant.project.id])
    return target


@pytest.fixture(scope="module")
def recorded(emu: Any) -> MetricsTarget:
    """A quiet project with exactly: 5 Checkout (2 failed), 3 GetCart, in HOUR."""
    with _cloud(emu, OWNER) as cloud:
        target = _project(cloud, "mon-recorded")
    pid = str(target.project_id)
    emu.admin.quiet(pid)
    at = HOUR + timedelta(minutes=12)
    emu.admin.record_requests(pid, operation_name="Checkout", at=at, count=3, latency_ms=40.0)
    emu.admin.record_requests(
        pid,
        operation_name="Checkout",
        at=at,
        count=2,
        latency_ms=100.0,
        operation_type="mutation",
        error_code="constraint-violation",
    )
    emu.admin.record_requests(
        pid, operation_name="GetCart", at=HOUR + timedelta(minutes=40), count=3, latency_ms=10.0
    )
    return target


def _window(hours: int = 1, interval: str = "1h") -> Any:
    end = HOUR + timedelta(hours=hours)
    return time_window(HOUR.isoformat(), end.isoformat(), interval, datetime.now(timezone.utc))


def test_the_metrics_host_comes_from_the_projects_region(cloud: HasuraCloud) -> None:
    target = _project(cloud, "mon-region", region="eu-central-1")
    assert target.metrics_fqdn == "metrics-eu-central-1.aws.hasura.app"
    assert cloud.metrics.endpoint(target.metrics_fqdn) == (
        "http://metrics-eu-central-1.aws.hasura.app/v1/graphql"
    )


def test_recorded_traffic_comes_back_exactly(cloud: HasuraCloud, recorded: MetricsTarget) -> None:
    window = _window(hours=2)
    [first, second] = traffic(cloud, [recorded], window)
    assert (first.time, first.requests, first.errors) == (HOUR, 8, 2)
    # (3*40 + 2*100 + 3*10) / 8
    assert first.mean_latency_ms == pytest.approx(43.75)
    assert (second.requests, second.errors, second.mean_latency_ms) == (0, 0, None)


def test_operations_sorted_by_count_errors_and_latency(
    cloud: HasuraCloud, recorded: MetricsTarget
) -> None:
    window = _window()
    by_count = operation_stats(cloud, recorded, window, top=10, sort="count")
    assert by_count.total == 3  # Checkout as query, Checkout as mutation, GetCart
    assert [(s.operation, s.type, s.requests, s.errors) for s in by_count] == [
        ("Checkout", "query", 3, 0),
        ("GetCart", "query", 3, 0),
        ("Checkout", "mutation", 2, 2),
    ]
    slowest = operation_stats(cloud, recorded, window, top=1, sort="latency")
    assert [(s.operation, s.mean_latency_ms) for s in slowest] == [("Checkout", 100.0)]
    failing = operation_stats(cloud, recorded, window, top=1, sort="errors")
    assert failing[0].error_rate == 1.0


def test_errors_by_code_and_over_time(cloud: HasuraCloud, recorded: MetricsTarget) -> None:
    report = error_report(cloud, [recorded], _window(hours=2), limit=5)
    assert [(e.error_code, e.operation, e.errors) for e in report] == [
        ("constraint-violation", "Checkout", 2)
    ]
    assert [(p.time, p.errors) for p in report.over_time] == [
        (HOUR, 2),
        (HOUR + timedelta(hours=1), 0),
    ]
    assert report.peak is not None and report.peak.time == HOUR
    pytest.importorskip("pandas")
    assert list(report.to_dataframe()["error_code"]) == ["constraint-violation"]
    assert list(report.over_time_dataframe()["errors"]) == [2, 0]


def test_logs_of_one_operation_and_of_failures(cloud: HasuraCloud, recorded: MetricsTarget) -> None:
    window = _window()
    every = operation_logs(cloud, recorded, window, limit=100)
    assert len(every) == 8
    assert [e.time for e in every] == sorted((e.time for e in every), reverse=True)
    assert all(window.start <= e.time < window.end for e in every)
    checkout = operation_logs(cloud, recorded, window, operation="Checkout", limit=100)
    assert {e.operation for e in checkout} == {"Checkout"} and len(checkout) == 5
    failed = operation_logs(cloud, recorded, window, errors_only=True, limit=100)
    assert [(e.error_code, e.latency_ms) for e in failed] == [("constraint-violation", 100.0)] * 2
    assert all(e.error for e in failed)
    assert len(operation_logs(cloud, recorded, window, limit=3)) == 3


def test_invented_traffic_has_one_bucket_per_interval(cloud: HasuraCloud) -> None:
    target = _project(cloud, "mon-busy")
    window = time_window("7d", None, "5m", datetime.now(timezone.utc))
    series = traffic(cloud, [target], window)
    assert len(series) == 2016 == window.buckets
    assert sum(p.requests for p in series) > 0
    assert [p.time for p in series] == [
        window.start + i * window.interval.width for i in range(2016)
    ]


def test_a_fleet_is_one_request_per_metrics_host(cloud: HasuraCloud) -> None:
    east = _project(cloud, "mon-fleet-east")
    west = _project(cloud, "mon-fleet-west", region="us-west-2")
    also_east = _project(cloud, "mon-fleet-east-2")
    window = time_window("24h", None, "1h", datetime.now(timezone.utc))
    series = traffic(cloud, [east, west, also_east], window)
    assert {p.project for p in series} == {east.name, west.name, also_east.name}
    assert len(series) == 3 * 24
    # By time, then name: the API orders projects by id, which differs between accounts.
    assert [(p.time, p.project) for p in series] == sorted((p.time, p.project) for p in series)
    # One client per metrics host, kept across calls.
    clients = dict(cloud.metrics._clients)
    assert set(clients) == {east.metrics_fqdn, west.metrics_fqdn}
    traffic(cloud, [east, west], window)
    assert cloud.metrics._clients == clients


def test_by_operation_splits_one_projects_traffic(cloud: HasuraCloud) -> None:
    target = _project(cloud, "mon-by")
    window = time_window("24h", None, "1h", datetime.now(timezone.utc))
    whole = traffic(cloud, [target], window)
    split = traffic(cloud, [target], window, by="operation", groups=3)
    assert len({p.group for p in split}) == 3 and len(split) == 3 * 24
    assert sum(p.requests for p in split) <= sum(p.requests for p in whole)
    with pytest.raises(InvalidInputError, match="give one TARGET"):
        traffic(cloud, [target, target], window, by="role")


def test_the_same_project_name_has_the_same_traffic_every_day(cloud: HasuraCloud) -> None:
    """Invented traffic repeats daily: 24 whole hours hold the same totals on any day."""
    target = _project(cloud, "mon-daily")
    now = datetime.now(timezone.utc)
    today = traffic(cloud, [target], time_window("24h", None, "1h", now))
    earlier = now - timedelta(days=3, hours=5)
    window = time_window(
        (earlier - timedelta(hours=24)).isoformat(), earlier.isoformat(), "1h", now
    )
    before = traffic(cloud, [target], window)
    assert sum(p.requests for p in today) == sum(p.requests for p in before)


def test_another_users_project_reads_as_nothing(emu: Any, recorded: MetricsTarget) -> None:
    with _cloud(emu, OTHER) as other:
        series = traffic(other, [recorded], _window())
        assert sum(p.requests for p in series) == 0
        assert len(operation_logs(other, recorded, _window(), limit=100)) == 0


def test_without_a_valid_token_the_metrics_api_refuses(emu: Any, recorded: MetricsTarget) -> None:
    with (
        _cloud(emu, "not-a-token-of-this-emulator") as stranger,
        pytest.raises(AuthenticationError, match="view_metrics privilege") as refused,
    ):
        traffic(stranger, [recorded], _window())
    assert refused.value.__context__ is None and refused.value.__cause__ is None


def test_a_refusal_naming_a_field_asks_for_a_report(
    cloud: HasuraCloud, recorded: MetricsTarget
) -> None:
    from hasura_metrics_client import HasuraMetricsClient

    # As if the real API had renamed a column: the server's words, and how to report it.
    cloud.metrics._client(recorded.metrics_fqdn)
    client: HasuraMetricsClient = cloud.metrics._clients[recorded.metrics_fqdn][1]
    with pytest.raises(ApiError, match="schema is reconstructed") as refused:
        cloud.metrics._send(
            recorded.metrics_fqdn,
            "GetOperationStats",
            lambda _: client.get_data(client.execute("query { operations { nope } }")),
        )
    assert "\n" not in str(refused.value)


def test_postgres_array_literals_quote_every_element() -> None:
    assert postgres_array(None) is None and postgres_array([]) is None
    assert postgres_array(["GetProducts", 'a "b",{c}\\']) == '{"GetProducts","a \\"b\\",{c}\\\\"}'
