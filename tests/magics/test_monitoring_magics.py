"""%hasura metrics, operations, errors and logs in a shell, against the emulator's Metrics API:
typed results, a chart where Jupyter would draw one, a table otherwise, and one line for
every mistake."""

from __future__ import annotations

from typing import Any

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.charts import altair
from hasura_cloud_magic.display import VEGA_LITE_MIME
from hasura_cloud_magic.errors import InvalidInputError, NotFoundError, UsageError
from hasura_cloud_magic.magics import parsing
from hasura_cloud_magic.monitoring import BY, SORTS
from hasura_cloud_magic.results import CreatedProject
from hasura_cloud_magic.results.metrics import (
    ErrorReport,
    OperationLogs,
    OperationStats,
    Traffic,
)


def test_metrics_of_one_project_is_a_day_of_hours(
    ip: TestingShell, project: CreatedProject
) -> None:
    traffic = run(ip, f"%hasura metrics {project.name}")
    assert isinstance(traffic, Traffic) and len(traffic) == 24
    assert traffic.window.interval.name == "1h"
    assert sum(point.requests for point in traffic) > 0
    text = repr(traffic)
    assert f"Traffic of {project.name} — " in text and "busiest bucket" in text


def test_metrics_at_five_minutes_for_a_week(ip: TestingShell, project: CreatedProject) -> None:
    traffic = run(ip, f"%hasura metrics {project.name} --since 7d --interval 5m")
    assert len(traffic) == 2016


def test_metrics_by_operation(ip: TestingShell, project: CreatedProject) -> None:
    traffic = run(ip, f"%hasura metrics {project.name} --by operation")
    groups = {point.group for point in traffic}
    assert 1 < len(groups) <= 5 and None not in groups
    assert repr(traffic).splitlines()[1].startswith("operation ")


def test_metrics_and_errors_of_a_fleet(ip: TestingShell) -> None:
    prefix = unique("mfleet")
    for suffix in ("a", "b"):
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {prefix}-{suffix}")
    traffic = run(ip, f"%hasura metrics --projects '{prefix}-*' --since 48h --interval 6h")
    assert {p.project for p in traffic} == {f"{prefix}-a", f"{prefix}-b"} and len(traffic) == 16
    errors = run(ip, f"%hasura errors --projects '{prefix}-*'")
    assert isinstance(errors, ErrorReport)
    assert {p.project for p in errors.over_time} == {f"{prefix}-a", f"{prefix}-b"}


def test_operations_sorted_by_latency(ip: TestingShell, project: CreatedProject) -> None:
    stats = run(ip, f"%hasura operations {project.name} --sort latency --top 3")
    assert isinstance(stats, OperationStats) and len(stats) == 3
    latencies = [s.mean_latency_ms for s in stats]
    assert latencies == sorted(latencies, reverse=True)
    assert f"top 3 of {stats.total} by latency" in repr(stats)


def test_errors_and_the_logs_of_the_failing_operation(
    ip: TestingShell, project: CreatedProject
) -> None:
    report = run(ip, f"%hasura errors {project.name} --since 24h --top 3")
    assert isinstance(report, ErrorReport) and 0 < len(report) <= 3
    worst = report[0]
    logs = run(
        ip,
        f"%hasura logs {project.name} --operation {worst.operation} --errors --limit 5",
    )
    assert isinstance(logs, OperationLogs) and 0 < len(logs) <= 5
    assert {entry.operation for entry in logs} == {worst.operation}
    assert all(entry.error_code for entry in logs)
    assert "request id" in repr(logs)


def test_in_jupyter_a_result_is_its_chart(jupyter: TestingShell, project: CreatedProject) -> None:
    traffic = run(jupyter, f"%hasura metrics {project.name}")
    data, _ = jupyter.display_formatter.format(traffic)
    if altair() is None:
        assert VEGA_LITE_MIME not in data and "<table" in data["text/html"]
    else:
        assert data[VEGA_LITE_MIME]["vconcat"][0]["encoding"]["y"]["field"] == "requests"
        assert "text/html" not in data
    assert "busiest bucket" in data["text/plain"]


@pytest.mark.parametrize(
    ("line", "error", "message"),
    [
        ("metrics", UsageError, "give TARGET or --projects GLOB"),
        ("metrics app --projects 'a*'", UsageError, "not both"),
        ("metrics {name} --since 2h --until 3h", InvalidInputError, "empty or inverted"),
        (
            "metrics {name} --since 2026-11-28T10:10Z --until 2026-11-28T10:20Z --interval 1h",
            InvalidInputError,
            "no whole 1h bucket",
        ),
        ("metrics {name} --since soon", InvalidInputError, "cannot read 'soon' as a time"),
        ("metrics {name} --since 2099-01-01", InvalidInputError, "is in the future"),
        ("metrics {name} --interval 7m", UsageError, "invalid choice: '7m'"),
        ("metrics {name} --by colour", UsageError, "invalid choice: 'colour'"),
        ("metrics --projects '{name}*' --by role", UsageError, "give TARGET"),
        ("operations {name} --sort speed", UsageError, "invalid choice: 'speed'"),
        ("operations {name} --top 0", UsageError, "expected a whole number >= 1"),
        ("logs {name} --limit 5000", InvalidInputError, "--limit must be from 1 to 1000"),
        ("operations zz-no-such-project", NotFoundError, "no project named 'zz-no-such-project'"),
    ],
)
def test_a_mistake_is_one_line(
    ip: TestingShell, project: CreatedProject, line: str, error: type, message: str
) -> None:
    with pytest.raises(error, match=message) as refused:
        run(ip, "%hasura " + line.format(name=project.name))
    assert "\n" not in str(refused.value)


def test_the_grammars_choices_are_the_librarys() -> None:
    assert tuple(BY) == parsing.METRICS_BY
    assert tuple(SORTS) == parsing.METRICS_SORTS


def test_a_window_is_read_before_anything_is_sent(ip: TestingShell, emulator: Any) -> None:
    # An unknown project and a bad range: the range is refused first, without a lookup.
    with pytest.raises(InvalidInputError, match="empty or inverted"):
        run(ip, "%hasura logs no-such-project --since 1h --until 2h")


def test_a_glob_without_projects_reads_nothing(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    traffic = run(ip, "%hasura metrics --projects 'zz-none-*'")
    errors = run(ip, "%hasura errors --projects 'zz-none-*'")
    assert len(traffic) == 0 and len(errors) == 0 and errors.peak is None
    assert "no project matches 'zz-none-*': nothing to read." in capsys.readouterr().out
    assert "No traffic in this window." in repr(traffic)
