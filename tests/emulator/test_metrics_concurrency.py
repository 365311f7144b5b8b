"""A Metrics API request runs outside the store's lock: however long its answer takes to
compute, the management API goes on answering meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from emulator_helpers import Gql, create_tenant, unique_name

from hasura_cloud_magic.emulator import RunningEmulator, start
from hasura_cloud_magic.emulator.metrics import context

HOST = "metrics-us-east-2.aws.hasura.app"
TOTALS = (
    'query { searchUsageMetrics(args: {from_time: "2000-01-01T00:00:00Z",'
    ' to_time: "2100-01-01T00:00:00Z"}) { request_count } }'
)


@pytest.fixture
def emu() -> Iterator[RunningEmulator]:
    with start(step_seconds=0, tokens=["token-concurrency"]) as running:
        yield running


def test_a_slow_metrics_answer_does_not_hold_up_the_management_api(
    emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    gql = Gql(emu.endpoint, "token-concurrency")
    create_tenant(gql, name=unique_name("slow-metrics"))
    computing, release = threading.Event(), threading.Event()
    build = context.daily_table

    def slow_daily_table(seed: int, name: str) -> Any:
        computing.set()
        release.wait(timeout=60)  # a month of traffic, computed very slowly
        return build(seed, name)

    monkeypatch.setattr(context, "daily_table", slow_daily_table)
    answers: list[dict[str, Any]] = []
    metrics = httpx.Client(
        headers={"Host": HOST, "Authorization": "pat token-concurrency"}, timeout=90
    )
    request = threading.Thread(
        target=lambda: answers.append(metrics.post(emu.endpoint, json={"query": TOTALS}).json())
    )
    request.start()
    try:
        assert computing.wait(timeout=30), "the metrics request never started computing"
        # Meanwhile the management API answers: reads and a write.
        assert gql.data("query { projects { id } }")["projects"]
        create_tenant(gql, name=unique_name("meanwhile"))
    finally:
        release.set()
        request.join(timeout=60)
        metrics.close()
    assert answers and answers[0]["data"]["searchUsageMetrics"][0]["request_count"] > 0
