"""Project status and health through the facade, against the emulator over HTTP."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from raw_http import http_response, scripted_server

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.charts import altair
from hasura_cloud_magic.display import VEGA_LITE_MIME
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.errors import ApiError
from hasura_cloud_magic.health import HealthReport, check_health
from hasura_cloud_magic.settings import ClientSettings

TOKEN = "pat-canary-health-5c1e"


@pytest.fixture(scope="module")
def emu() -> Iterator[Any]:
    with start(step_seconds=0, tokens=[TOKEN]) as running:
        yield running


@pytest.fixture
def cloud(emu: Any) -> Iterator[HasuraCloud]:
    with HasuraCloud(ClientSettings(emu.endpoint, emu.token)) as client:
        yield client


def make(cloud: HasuraCloud, name: str, region: str = "us-east-2") -> Any:
    created = cloud.create_project(cloud="aws", region=region, name=name, envs={"A": "1"})
    return cloud.get_tenant(created.id).project  # type: ignore[union-attr]


def test_status_has_plan_owner_region_and_a_live_rollout(cloud: HasuraCloud) -> None:
    project = make(cloud, "health-status-1")
    [status] = cloud.project_status([project.id])
    assert status.name == "health-status-1" and status.plan_name == "cloud_free"
    assert "@" in status.owner.email
    tenant = status.tenant
    assert tenant is not None and tenant.active and not tenant.maintenance_mode
    assert tenant.region_info is not None and tenant.region_info.name == "us-east-2"
    assert tenant.region_info.nat_ip and tenant.region_info.metrics_fqdn
    assert tenant.config is not None
    env = cloud.get_env(tenant.id)
    assert tenant.config.hash == env.hash
    assert {row.hash for row in tenant.config.status} == {env.hash}


def test_entitlements_are_a_mapping_of_types(cloud: HasuraCloud) -> None:
    project = make(cloud, "health-entitled-1")
    entitlements = cloud.get_entitlements(project.id)
    assert entitlements and all(isinstance(on, bool) for on in entitlements.values())


def test_a_fleet_report_has_one_row_per_project_with_its_state(
    emu: Any, cloud: HasuraCloud
) -> None:
    names = ["fleet-h-ok", "fleet-h-maint", "fleet-h-sleep"]
    ids = [make(cloud, name).id for name in names]
    emu.admin.set_state("fleet-h-maint", maintenance=True)
    emu.admin.hibernate("fleet-h-sleep")
    report = check_health(cloud, ids)
    rows = {row.name: row for row in report}
    assert rows["fleet-h-ok"].state == "active" and rows["fleet-h-ok"].healthy
    assert rows["fleet-h-ok"].endpoint == "up" and rows["fleet-h-ok"].env_live
    assert rows["fleet-h-maint"].state == "maintenance" and not rows["fleet-h-maint"].healthy
    assert rows["fleet-h-sleep"].state == "hibernated"
    assert rows["fleet-h-sleep"].endpoint == "down"
    assert rows["fleet-h-sleep"].env_rollout == "no servers running"
    assert {row.name for row in report.unhealthy} == {"fleet-h-maint", "fleet-h-sleep"}
    assert "1 healthy, 2 need a look" in repr(report)
    html = report._repr_html_()
    assert "#cf222e" in html and "#1a7f37" in html  # a red row and a green one


def test_a_hanging_endpoint_is_unreachable_and_the_run_ends_on_time(
    emu: Any, cloud: HasuraCloud
) -> None:
    ids = [make(cloud, name).id for name in ("hang-h-1", "hang-h-2", "hang-h-3")]
    emu.admin.set_state("hang-h-2", endpoint="hang")
    started = time.monotonic()
    report = check_health(cloud, ids, probe_timeout=2.0, deadline_seconds=20)
    elapsed = time.monotonic() - started
    rows = {row.name: row for row in report}
    assert rows["hang-h-2"].endpoint == "unreachable"
    assert "no answer within 2 s" in rows["hang-h-2"].endpoint_detail
    assert rows["hang-h-1"].endpoint == rows["hang-h-3"].endpoint == "up"
    assert elapsed < 10  # bounded by the probe timeout, not by the hang


def test_past_the_deadline_a_project_is_not_checked(emu: Any, cloud: HasuraCloud) -> None:
    project = make(cloud, "deadline-h-1")
    emu.admin.set_state("deadline-h-1", endpoint="hang")
    report = check_health(cloud, [project.id], probe_timeout=5, deadline_seconds=0.3)
    assert report[0].endpoint == "not checked"


def test_maintenance_refuses_env_and_delete_and_changes_nothing(
    emu: Any, cloud: HasuraCloud
) -> None:
    project = make(cloud, "maint-h-1")
    tenant_id = cloud.project_status([project.id])[0].tenant.id  # type: ignore[union-attr]
    before = cloud.get_env(tenant_id)
    emu.admin.set_state("maint-h-1", maintenance=True)
    with pytest.raises(ApiError, match="maintenance mode"):
        cloud.update_env(tenant_id, before.hash, {"A": "2"})
    with pytest.raises(ApiError, match="maintenance mode"):
        cloud.delete_tenant(tenant_id)
    assert cloud.get_env(tenant_id).hash == before.hash
    emu.admin.set_state("maint-h-1", maintenance=False)
    assert cloud.update_env(tenant_id, before.hash, {"A": "2"}).values["A"] == "2"


def test_reactivation_brings_a_hibernated_project_back(emu: Any, cloud: HasuraCloud) -> None:
    project = make(cloud, "react-h-1")
    assert cloud.reactivate_project(project.id) is False  # active already: nothing to do
    emu.admin.suspend("react-h-1")
    assert check_health(cloud, [project.id])[0].state == "suspended"
    assert cloud.reactivate_project(project.id) is True
    row = check_health(cloud, [project.id])[0]
    assert row.state == "active" and row.endpoint == "up"


def test_the_health_check_never_sends_the_token() -> None:
    reply = http_response("200 OK", b"OK", "text/plain")
    with scripted_server([reply]) as peer:
        endpoint = peer.endpoint.replace("/v1/graphql", "")
        settings = ClientSettings("https://data.pro.hasura.io/v1/graphql", TOKEN)
        with HasuraCloud(settings) as cloud:
            answer = cloud.get_project_url(endpoint + "/healthz")
    assert answer.status_code == 200 and answer.problem is None
    assert TOKEN.encode() not in peer.requests[0]
    assert b"authorization" not in peer.requests[0].lower()


def test_project_urls_go_through_a_loopback_api_with_their_host() -> None:
    local = ClientSettings("http://127.0.0.1:4000/v1/graphql", TOKEN)
    assert local.route_to_project("https://shop.hasura.app/healthz") == (
        "http://127.0.0.1:4000/healthz",
        {"Host": "shop.hasura.app"},
    )
    real = ClientSettings("https://data.pro.hasura.io/v1/graphql", TOKEN)
    assert real.route_to_project("https://shop.hasura.app/healthz") == (
        "https://shop.hasura.app/healthz",
        {},
    )


def test_report_is_a_sequence_with_a_dataframe(cloud: HasuraCloud) -> None:
    project = make(cloud, "frame-h-1")
    report = check_health(cloud, [project.id])
    assert isinstance(report, HealthReport) and len(report) == 1
    pandas = pytest.importorskip("pandas")
    frame = report.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["name"]) == ["frame-h-1"] and list(frame["healthy"]) == [True]


def test_a_report_charts_projects_by_state(emu: Any, cloud: HasuraCloud) -> None:
    ids = [make(cloud, name).id for name in ("chart-h-1", "chart-h-2", "chart-h-3")]
    emu.admin.hibernate("chart-h-3")
    chart = check_health(cloud, ids).chart()
    assert repr(chart).splitlines()[-3:-1] == ["active      2", "hibernated  1"]
    bundle = chart._repr_mimebundle_()
    if altair() is None:
        assert VEGA_LITE_MIME not in bundle and "hibernated" in bundle["text/html"]
    else:
        spec = bundle[VEGA_LITE_MIME]
        assert spec["datasets"]["rows"] == [
            {"state": "active", "projects": 2},
            {"state": "hibernated", "projects": 1},
        ]
        scale = spec["encoding"]["color"]["scale"]
        assert scale == {"domain": ["active", "hibernated"], "range": ["#1a7f37", "#cf222e"]}
    with pytest.raises(ValueError, match="chart by one of state, endpoint, plan, region"):
        check_health(cloud, ids).chart(by="colour")
