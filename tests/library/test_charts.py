"""Charts: valid Vega-Lite 5 from Altair when it is installed, the table when it is not, and
no Altair import before the first chart."""

import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from hasura_cloud_magic import charts
from hasura_cloud_magic.display import VEGA_LITE_MIME
from hasura_cloud_magic.results.metrics import (
    ErrorPoint,
    ErrorReport,
    ErrorStat,
    LogEntry,
    OperationLogs,
    OperationStat,
    OperationStats,
    Traffic,
    TrafficPoint,
)
from hasura_cloud_magic.times import time_window

NOW = datetime(2026, 11, 29, 10, 37, tzinfo=timezone.utc)
WINDOW = time_window("3h", None, "1h", NOW)
HOURS = [WINDOW.start + timedelta(hours=i) for i in range(3)]


def _traffic(by: str | None = None) -> Traffic:
    points = [
        TrafficPoint(t, project, None, requests, errors, latency)
        for project, numbers in {
            "shop-api": [(120, 2, 31.5), (300, 40, 52.0), (0, 0, None)],
            "shop-web": [(10, 0, 12.0), (12, 1, 14.0), (9, 0, 11.0)],
        }.items()
        for t, (requests, errors, latency) in zip(HOURS, numbers, strict=True)
    ]
    return Traffic(points, window=WINDOW, by=by, title="Traffic of 2 projects")


def _results() -> list[object]:
    stats = [OperationStat("GetProducts", "query", 420, 42, 31.0, 812.0)]
    errors = ErrorReport(
        [ErrorStat("shop-api", "constraint-violation", "CreateOrder", 40)],
        over_time=[ErrorPoint(t, "shop-api", n) for t, n in zip(HOURS, (2, 40, 0), strict=True)],
        window=WINDOW,
        title="Errors of shop-api",
    )
    logs = [
        LogEntry(
            HOURS[1], "req-1", "CreateOrder", "mutation", "user", "web-app", 88.0, "x", "boom"
        ),
        LogEntry(HOURS[1], "req-2", "GetProducts", "query", "user", "web-app", 12.5, None, None),
    ]
    return [
        _traffic(),
        OperationStats(stats, window=WINDOW, sort="latency", total=7, title="Operations"),
        errors,
        OperationLogs(logs, window=WINDOW, title="Requests of shop-api"),
    ]


@pytest.fixture
def no_altair(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(sys.modules, "altair", None)  # import altair → ImportError
    charts.altair.cache_clear()
    yield
    charts.altair.cache_clear()


@pytest.mark.parametrize("result", _results(), ids=lambda r: type(r).__name__)
def test_each_result_is_a_valid_vega_lite_chart(result: object) -> None:
    alt = pytest.importorskip("altair")
    bundle = result._repr_mimebundle_()  # type: ignore[attr-defined]
    spec = bundle[VEGA_LITE_MIME]
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    kind = alt.VConcatChart if "vconcat" in spec else alt.Chart
    kind.from_dict(spec, validate=True)  # raises on an invalid spec
    # No HTML beside the chart: JupyterLab would prefer it to the chart.
    assert set(bundle) == {VEGA_LITE_MIME, "text/plain"}


def test_a_fleet_chart_has_one_series_per_project() -> None:
    pytest.importorskip("altair")
    spec = _traffic().chart().spec
    assert spec is not None
    assert all(panel["encoding"]["color"]["field"] == "project" for panel in spec["vconcat"])
    assert [p["encoding"]["y"]["field"] for p in spec["vconcat"]] == [
        "requests",
        "errors",
        "latency_ms",
    ]
    values = spec["datasets"]["rows"]
    assert {
        "time": HOURS[1].isoformat(),
        "project": "shop-api",
        "requests": 300,
        "errors": 40,
        "latency_ms": 52.0,
    } in values


def test_without_altair_each_result_shows_its_table(no_altair: None) -> None:
    for result in _results():
        bundle = result._repr_mimebundle_()  # type: ignore[attr-defined]
        assert VEGA_LITE_MIME not in bundle
        assert "<table" in bundle["text/html"] or "No " in bundle["text/html"]
        assert bundle["text/plain"] == repr(result)


def test_the_traffic_table_sums_each_series_up() -> None:
    text = repr(_traffic())
    assert "Traffic of 2 projects — " in text
    api = next(line for line in text.splitlines() if line.startswith("shop-api"))
    # 420 requests, 42 errors (10.0%), latency weighted by requests: (120*31.5+300*52)/420
    assert api.split()[:5] == ["shop-api", "420", "42", "10.0%", "46.1"]
    assert "(300)" in api  # the busiest bucket


def test_the_error_report_names_its_worst_bucket() -> None:
    report = _results()[2]
    assert isinstance(report, ErrorReport)
    assert report.peak == ErrorPoint(HOURS[1], "shop-api", 40)
    assert "most in one bucket: 40 at" in repr(report)


def test_loading_the_extension_and_the_facade_import_no_plotting_library() -> None:
    probe = (
        "import sys, IPython;"
        "ip = IPython.core.interactiveshell.InteractiveShell.instance();"
        "ip.run_line_magic('load_ext', 'hasura_cloud_magic');"
        "import hasura_cloud_magic.monitoring, hasura_cloud_magic.results.metrics;"
        "print(sorted(m for m in ('altair', 'pandas', 'jsonschema') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
