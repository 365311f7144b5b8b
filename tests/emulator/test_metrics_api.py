"""The Metrics API at a region's metrics host: real HTTP with a ``Host`` header, a fixed clock."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from emulator_helpers import Gql, ManualClock, create_tenant, unique_name
from graphql import OperationDefinitionNode, parse

from hasura_cloud_magic.emulator import RunningEmulator, start

ROOT = Path(__file__).resolve().parents[2]
HOST = "metrics-us-east-2.aws.hasura.app"
OTHER_HOST = "metrics-eu-west-1.aws.hasura.app"
# 2023-11-14 22:13:20 UTC: the last whole cell ends at 22:10.
NOW = 1_700_000_000.0
DAY = datetime.timedelta(days=1)
MIDNIGHT = datetime.datetime(2023, 11, 14, tzinfo=datetime.timezone.utc)
SUBSCRIPTION_REFUSAL = "subscriptions are not supported over HTTP, use websockets instead"


def iso(moment: datetime.datetime) -> str:
    return moment.isoformat()


class Metrics:
    """POSTs to the emulator's address with the metrics host's ``Host``."""

    def __init__(self, emu: RunningEmulator, token: str | None, host: str = HOST) -> None:
        headers = {"Host": host}
        if token is not None:
            headers["Authorization"] = f"pat {token}"
        self.http = httpx.Client(headers=headers, timeout=30)
        self.endpoint = emu.endpoint

    def run(self, query: str, operation: str | None = None, **variables: Any) -> dict[str, Any]:
        body = {"query": query, "variables": variables, "operationName": operation}
        response = self.http.post(self.endpoint, json=body)
        assert response.status_code == 200
        answer: dict[str, Any] = response.json()
        return answer

    def data(self, query: str, operation: str | None = None, **variables: Any) -> dict[str, Any]:
        answer = self.run(query, operation, **variables)
        assert "errors" not in answer, answer
        data: dict[str, Any] = answer["data"]
        return data

    def error(self, query: str, **variables: Any) -> dict[str, Any]:
        answer = self.run(query, **variables)
        assert "data" not in answer and len(answer["errors"]) == 1, answer
        error: dict[str, Any] = answer["errors"][0]
        return error


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningEmulator]:
    with start(step_seconds=0, tokens=["token-alice", "token-bob"], clock=ManualClock(NOW)) as e:
        yield e


@pytest.fixture(scope="module")
def project(emu: RunningEmulator) -> dict[str, Any]:
    gql = Gql(emu.endpoint, "token-alice")
    created = create_tenant(gql, name=unique_name("shop"))
    gql.close()
    return {"id": created["tenant"]["project_id"], "name": created["name"]}


@pytest.fixture
def metrics(emu: RunningEmulator) -> Iterator[Metrics]:
    client = Metrics(emu, "token-alice")
    yield client
    client.http.close()


def our_query(name: str) -> str:
    return (ROOT / "queries" / "metrics" / f"{name}.graphql").read_text()


SERIES = """
query($p: _uuid, $from: timestamptz, $to: timestamptz, $i: String, $names: _text) {
  search_requests_over_time(args: {project_ids: $p, from_time: $from, to_time: $to,
                                   time_interval: $i, operation_names: $names},
                            order_by: {timestamp: asc}) { timestamp value }
}
"""
SUMMARY = """
query($p: _uuid, $from: timestamptz, $to: timestamptz) {
  search_summary_metrics(args: {project_ids: $p, from_time: $from, to_time: $to}) {
    total_requests success_count average_execution_time
  }
}
"""


def window_vars(project_id: str, days: int = 7) -> dict[str, Any]:
    return {
        "projectIds": f"{{{project_id}}}",
        "fromTime": iso(MIDNIGHT - days * DAY),
        "toTime": iso(MIDNIGHT),
    }


# ---------------------------------------------------------------- every document executes


def test_our_five_operations_execute(metrics: Metrics, project: dict[str, Any]) -> None:
    window = window_vars(project["id"])
    as_list = {**window, "projectIds": [project["id"]]}
    stats = metrics.data(
        our_query("getOperationStats"),
        **as_list,
        groupBy=["operation_name"],
        orderBy={"request_count": "desc"},
        limit=10,
    )
    assert 5 <= stats["searchUsageMetricsAggregate"]["count"] <= 8
    counts = [row["request_count"] for row in stats["searchUsageMetrics"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1000
    errors = metrics.data(our_query("getErrorStats"), **as_list, limit=5)["searchErrorMetrics"]
    assert errors and all(e["request_count"] == e["error_count"] > 0 for e in errors)
    over_time = metrics.data(our_query("getErrorsOverTime"), **window, timeInterval="1 day")
    assert len(over_time["search_errors_over_time"]) == 7
    requests = metrics.data(our_query("getRequestsOverTime"), **window, timeInterval="1h")
    rows = requests["search_general_operation_metrics_over_time"]
    assert len(rows) == 7 * 24 and all(row["project_id"] == project["id"] for row in rows)
    where = {"project_id": {"_eq": project["id"]}}
    logs = metrics.data(our_query("getOperationLogs"), where=where, limit=20)["operation_logs"]
    assert len(logs) == 20
    assert [log["time"] for log in logs] == sorted((log["time"] for log in logs), reverse=True)


def real_client_operations() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "tests" / "real_clients" / "metrics").glob("*.graphql")):
        for definition in parse(path.read_text()).definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                found.append((path.name, definition.name.value))
    return found


@pytest.mark.parametrize(("file", "operation"), real_client_operations())
def test_real_clients_documents_execute(
    metrics: Metrics, project: dict[str, Any], file: str, operation: str
) -> None:
    pid = project["id"]
    window = {"from_time": iso(MIDNIGHT - DAY), "to_time": iso(MIDNIGHT)}
    literal = f"{{{pid}}}"
    variables = {
        "projectId": pid,
        "projectIds": literal,
        "project_ids": literal,
        "project_id": [pid] if "query_list" in file or "grouped" in file else literal,
        "fromTime": window["from_time"],
        "toTime": window["to_time"],
        "from": window["from_time"],
        **window,
        "limit": 10,
        "offset": 0,
        "groupBys": ["operation_name"],
        "timeInterval": "1h",
        "args": {**window, "time_interval": "1h", "project_ids": literal},
        "where": {**window, "project_ids": literal},
    }
    if file == "server_job_usage.graphql":
        variables = {"project_id": [pid], "fromTime": window["from_time"]}
    query = (ROOT / "tests" / "real_clients" / "metrics" / file).read_text()
    answer = metrics.run(query, operation, **variables)
    if file == "console_overview_live.graphql":  # subscriptions: valid, refused for HTTP
        assert answer["errors"][0]["message"] == SUBSCRIPTION_REFUSAL, answer
    else:
        assert "errors" not in answer, answer


# ---------------------------------------------------------------- determinism


STATS = """
query($p: [uuid!], $from: timestamptz!, $to: timestamptz!) {
  searchUsageMetrics(args: {project_ids: $p, from_time: $from, to_time: $to,
                            group_by: ["operation_name", "user_role"],
                            order_by: {request_count: "desc"}}) {
    operation_name user_role request_count error_count average_execution_time
  }
}
"""


def stats_of(emu: RunningEmulator, token: str, name: str) -> list[dict[str, Any]]:
    gql = Gql(emu.endpoint, token)
    pid = create_tenant(gql, name=name)["tenant"]["project_id"]
    gql.close()
    client = Metrics(emu, token)
    window = {"from": iso(MIDNIGHT - 3 * DAY), "to": iso(MIDNIGHT)}
    rows: list[dict[str, Any]] = client.data(STATS, p=[pid], **window)["searchUsageMetrics"]
    client.http.close()
    return rows


def test_same_seed_and_name_give_the_same_traffic_whatever_the_id() -> None:
    name = unique_name("same")
    answers = []
    for seed in (7, 7, 8):
        with start(step_seconds=0, clock=ManualClock(NOW), metrics_seed=seed) as emulator:
            answers.append(stats_of(emulator, emulator.token, name))
    assert answers[0] == answers[1]
    assert answers[0] != answers[2]


def test_24_whole_hours_hold_the_same_totals_on_any_day(
    metrics: Metrics, project: dict[str, Any]
) -> None:
    literal = f"{{{project['id']}}}"
    totals = []
    for days_back in (2, 9, 20):
        start_at = MIDNIGHT - days_back * DAY + datetime.timedelta(hours=7)
        answer = metrics.data(
            SUMMARY, p=literal, **{"from": iso(start_at), "to": iso(start_at + DAY)}
        )
        totals.append(answer["search_summary_metrics"])
    assert totals[0] == totals[1] == totals[2]
    assert totals[0][0]["total_requests"] > 10_000


def test_no_history_after_now_nor_before_30_days(metrics: Metrics, project: dict[str, Any]) -> None:
    literal = f"{{{project['id']}}}"
    now = datetime.datetime.fromtimestamp(NOW, datetime.timezone.utc)
    for start_at in (now, now - 32 * DAY):
        window = {"from": iso(start_at), "to": iso(start_at + DAY)}
        assert (
            metrics.data(SUMMARY, p=literal, **window)["search_summary_metrics"][0][
                "total_requests"
            ]
            == 0
        )


# ---------------------------------------------------------------- buckets and arguments


def test_buckets_are_zero_filled(metrics: Metrics, project: dict[str, Any]) -> None:
    literal = f"{{{project['id']}}}"
    window = {"from": iso(MIDNIGHT - DAY + datetime.timedelta(minutes=2)), "to": iso(MIDNIGHT)}
    rows = metrics.data(SERIES, p=literal, i="30m", names="{NoSuchOperation}", **window)[
        "search_requests_over_time"
    ]
    assert len(rows) == 48 and {row["value"] for row in rows} == {0.0}
    assert rows[0]["timestamp"].startswith("2023-11-13T00:00:00")


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"i": "1 fortnight"}, 'invalid input syntax for type interval: "1 fortnight"'),
        ({"i": "5m", "names": "a,b"}, 'malformed array literal: "a,b"'),
        ({"i": "5m", "names": '{"a}'}, 'malformed array literal: "{"a}"'),
    ],
)
def test_bad_arguments_are_data_exceptions(
    metrics: Metrics, project: dict[str, Any], variables: dict[str, Any], message: str
) -> None:
    window = {"from": iso(MIDNIGHT - DAY), "to": iso(MIDNIGHT)}
    error = metrics.error(SERIES, p=f"{{{project['id']}}}", **window, **variables)
    assert error["message"] == message
    assert error["extensions"]["code"] == "data-exception"


def test_an_inverted_range_has_no_rows(metrics: Metrics, project: dict[str, Any]) -> None:
    window = {"from": iso(MIDNIGHT), "to": iso(MIDNIGHT - DAY)}
    rows = metrics.data(SERIES, p=f"{{{project['id']}}}", i="1h", **window)
    assert rows["search_requests_over_time"] == []


def test_an_unknown_group_by_column_is_refused(metrics: Metrics, project: dict[str, Any]) -> None:
    query = """query($p: [uuid!]) { searchUsageMetrics(args: {project_ids: $p,
      from_time: "2023-11-01", to_time: "2023-11-02", group_by: ["password"]}) {
        request_count } }"""
    error = metrics.error(query, p=[project["id"]])
    assert error["extensions"]["code"] == "validation-failed"


# ---------------------------------------------------------------- who sees what


def test_another_users_project_is_invisible(emu: RunningEmulator, project: dict[str, Any]) -> None:
    bob = Metrics(emu, "token-bob")
    window = {"from": iso(MIDNIGHT - DAY), "to": iso(MIDNIGHT)}
    summary = bob.data(SUMMARY, p=f"{{{project['id']}}}", **window)["search_summary_metrics"]
    assert summary[0]["total_requests"] == 0
    stats = bob.data(STATS, p=[project["id"]], **window)["searchUsageMetrics"]
    assert stats == []
    logs = bob.data(
        "query($w: operation_logs_bool_exp) { operation_logs(where: $w, limit: 5) { request_id } }",
        w={"project_id": {"_eq": project["id"]}},
    )
    assert logs == {"operation_logs": []}
    bob.http.close()


def test_a_project_in_another_region_is_served_by_its_own_host_only(emu: RunningEmulator) -> None:
    gql = Gql(emu.endpoint, "token-alice")
    created = create_tenant(gql, region="eu-west-1", name=unique_name("eu"))
    gql.close()
    literal = f"{{{created['tenant']['project_id']}}}"
    window = {"from": iso(MIDNIGHT - DAY), "to": iso(MIDNIGHT)}
    totals = []
    for host in (HOST, OTHER_HOST):
        client = Metrics(emu, "token-alice", host)
        summary = client.data(SUMMARY, p=literal, **window)["search_summary_metrics"]
        totals.append(summary[0]["total_requests"])
        client.http.close()
    assert totals[0] == 0 and totals[1] > 0


def test_without_a_token_nothing_is_validated(emu: RunningEmulator) -> None:
    stranger = Metrics(emu, None)
    error = stranger.error("{ search_summary_metrics(args: {}) { no_such_field } }")
    assert error == {
        "extensions": {
            "path": "$.selectionSet.search_summary_metrics",
            "code": "validation-failed",
        },
        "message": "field \"search_summary_metrics\" not found in type: 'query_root'",
    }
    stranger.http.close()


def test_a_subscription_over_http_is_refused(metrics: Metrics, project: dict[str, Any]) -> None:
    error = metrics.error(
        "subscription($p: _uuid) { search_latest_project_metrics(args: {project_ids: $p})"
        " { project_id } }",
        p=f"{{{project['id']}}}",
    )
    assert error["message"] == SUBSCRIPTION_REFUSAL
    assert error["extensions"]["code"] == "validation-failed"


def test_the_management_api_is_unchanged_on_other_hosts(
    emu: RunningEmulator, project: dict[str, Any], metrics: Metrics
) -> None:
    gql = Gql(emu.endpoint, "token-alice")
    names = [p["name"] for p in gql.data("{ projects { name } }")["projects"]]
    assert project["name"] in names
    gql.close()
    error = metrics.error("{ projects { name } }")
    assert error["message"] == "field \"projects\" not found in type: 'query_root'"


# ---------------------------------------------------------------- recorded traffic


def test_recorded_requests_show_up_exactly(emu: RunningEmulator, metrics: Metrics) -> None:
    gql = Gql(emu.endpoint, "token-alice")
    pid = create_tenant(gql, name=unique_name("quiet"))["tenant"]["project_id"]
    gql.close()
    emu.admin.quiet(pid)
    at = MIDNIGHT - DAY + datetime.timedelta(hours=10, minutes=3)
    emu.admin.record_requests(pid, operation_name="GetThing", at=at, count=5, latency_ms=40)
    emu.admin.record_requests(
        pid,
        operation_name="AddThing",
        operation_type="mutation",
        at=at.replace(tzinfo=None) + datetime.timedelta(hours=1),
        count=2,
        role="admin",
        client="ios-app",
        latency_ms=100,
        error_code="constraint-violation",
    )
    window = {"fromTime": iso(MIDNIGHT - DAY), "toTime": iso(MIDNIGHT)}
    stats = metrics.data(
        our_query("getOperationStats"),
        projectIds=[pid],
        **window,
        groupBy=["operation_name", "user_role"],
        orderBy={"request_count": "desc"},
        limit=10,
    )
    assert stats["searchUsageMetricsAggregate"] == {"count": 2}
    assert [
        (
            r["operation_name"],
            r["user_role"],
            r["request_count"],
            r["error_count"],
            r["average_execution_time"],
        )
        for r in stats["searchUsageMetrics"]
    ] == [("GetThing", "user", 5, 0, 40.0), ("AddThing", "admin", 2, 2, 100.0)]
    series = metrics.data(
        our_query("getRequestsOverTime"), projectIds=f"{{{pid}}}", **window, timeInterval="1h"
    )["search_general_operation_metrics_over_time"]
    assert [(r["request_count"], r["success_count"]) for r in series if r["request_count"]] == [
        (5, 5),
        (2, 0),
    ]
    errors = metrics.data(our_query("getErrorStats"), projectIds=[pid], **window, limit=5)[
        "searchErrorMetrics"
    ]
    assert [(e["error_code"], e["operation_name"], e["error_count"]) for e in errors] == [
        ("constraint-violation", "AddThing", 2)
    ]
    logs = metrics.data(
        our_query("getOperationLogs"), where={"project_id": {"_eq": pid}}, limit=20
    )["operation_logs"]
    assert [(log["operation_name"], log["is_error"]) for log in logs] == [
        ("AddThing", True)
    ] * 2 + [("GetThing", False)] * 5
    assert logs[0]["error"]["code"] == "constraint-violation"
    assert len({log["request_id"] for log in logs}) == 7


def test_recording_refuses_wrong_values(emu: RunningEmulator, project: dict[str, Any]) -> None:
    with pytest.raises(LookupError):
        emu.admin.record_requests("nope", operation_name="X", at=MIDNIGHT)
    with pytest.raises(ValueError, match="transport"):
        emu.admin.record_requests(project["id"], operation_name="X", at=MIDNIGHT, transport="tcp")
    with pytest.raises(ValueError, match="count"):
        emu.admin.record_requests(project["id"], operation_name="X", at=MIDNIGHT, count=0)


# ---------------------------------------------------------------- logs


def test_logs_filter_and_page_lazily(metrics: Metrics, project: dict[str, Any]) -> None:
    query = """query($w: operation_logs_bool_exp, $o: Int) {
      operation_logs(where: $w, limit: 10, offset: $o) {
        request_id time is_error error_code error execution_time transport } }"""
    where = {"_and": [{"project_id": {"_eq": project["id"]}}, {"is_error": {"_eq": True}}]}
    first = metrics.data(query, w=where, o=0)["operation_logs"]
    second = metrics.data(query, w=where, o=5)["operation_logs"]
    assert first[5:] == second[:5]
    assert all(log["is_error"] and log["error"]["code"] == log["error_code"] for log in first)
    assert all(log["error"]["path"].startswith("$") and log["error"]["error"] for log in first)
    old = {"project_id": {"_eq": project["id"]}, "time": {"_lt": iso(MIDNIGHT - 10 * DAY)}}
    older = metrics.data(query, w=old, o=0)["operation_logs"]
    assert len(older) == 10 and all(log["time"] < iso(MIDNIGHT - 10 * DAY) for log in older)


# ---------------------------------------------------------------- faults and speed


def test_the_fault_proxy_applies_to_metrics_requests(
    emu: RunningEmulator, metrics: Metrics, project: dict[str, Any]
) -> None:
    emu.faults.add("search_requests_over_time", "http503")
    try:
        response = metrics.http.post(
            metrics.endpoint,
            json={
                "query": SERIES,
                "variables": {
                    "p": f"{{{project['id']}}}",
                    "from": iso(MIDNIGHT - DAY),
                    "to": iso(MIDNIGHT),
                    "i": "1h",
                },
            },
        )
        assert response.status_code == 503
    finally:
        emu.faults.clear()


def test_seven_days_at_five_minutes_is_fast(metrics: Metrics, project: dict[str, Any]) -> None:
    variables = {**window_vars(project["id"]), "timeInterval": "5m"}
    metrics.data(our_query("getRequestsOverTime"), **variables)  # the daily table is built once
    began = time.monotonic()
    rows = metrics.data(our_query("getRequestsOverTime"), **variables)
    elapsed = time.monotonic() - began
    assert len(rows["search_general_operation_metrics_over_time"]) == 2016
    assert elapsed < 2.0, f"7 days at 5 minutes took {elapsed:.2f} s"
