"""Recording Metrics API traffic over the HTTP admin route, and across a ``--db`` restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from emulator_helpers import Gql, ManualClock, base_url, create_tenant, unique_name

from hasura_cloud_magic.emulator import RunningEmulator, start

ADMIN_KEY = "metrics-admin-key"
HOST = "metrics-us-east-2.aws.hasura.app"
AT = "2023-11-13T10:03:00Z"
SUMMARY = """query($p: _uuid) { search_summary_metrics(args: {project_ids: $p,
  from_time: "2023-11-13", to_time: "2023-11-14"}) { total_requests success_count } }"""


def summary(emu: RunningEmulator, token: str, project_id: str) -> dict[str, Any]:
    response = httpx.post(
        emu.endpoint,
        json={"query": SUMMARY, "variables": {"p": f"{{{project_id}}}"}},
        headers={"Host": HOST, "Authorization": f"pat {token}"},
        timeout=30,
    )
    rows: list[dict[str, Any]] = response.json()["data"]["search_summary_metrics"]
    return rows[0]


def post_admin(emu: RunningEmulator, body: dict[str, Any], key: str = ADMIN_KEY) -> httpx.Response:
    url = f"{base_url(emu.endpoint)}/emulator/admin/metrics"
    return httpx.post(url, json=body, headers={"Authorization": f"admin {key}"}, timeout=10)


def test_the_http_route_records_and_quiets(tmp_path: Path) -> None:
    clock = ManualClock(1_700_000_000.0)
    with start(db=tmp_path / "e.db", tokens=["t"], admin_key=ADMIN_KEY, clock=clock) as emu:
        gql = Gql(emu.endpoint, "t")
        pid = create_tenant(gql, name=unique_name("rec"))["tenant"]["project_id"]
        gql.close()
        assert post_admin(emu, {"project_id": pid, "quiet": True}, key="wrong").status_code == 404
        assert post_admin(emu, {"project_id": pid, "quiet": True}).json() == {
            "project_id": pid,
            "quiet": True,
        }
        record = {"project_id": pid, "operation_name": "GetThing", "at": AT, "count": 3}
        recorded = post_admin(emu, {**record, "error_code": "unexpected"})
        assert recorded.status_code == 200 and recorded.json()["recorded"]["count"] == 3
        assert post_admin(emu, {**record, "transport": "tcp"}).status_code == 400
        assert post_admin(emu, {**record, "project_id": "nope"}).status_code == 404
        assert summary(emu, "t", pid) == {"total_requests": 3, "success_count": 0}
    with start(db=tmp_path / "e.db", tokens=["t"], clock=clock) as again:
        assert summary(again, "t", pid) == {"total_requests": 3, "success_count": 0}
        again.admin.quiet(pid, False)
        assert summary(again, "t", pid)["total_requests"] > 3
