"""One change across many projects: plan, confirm, apply concurrently, converge, report."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic import fleet
from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.errors import ConfirmationRequired, NotFoundError
from hasura_cloud_magic.results import EnvComparison
from hasura_cloud_magic.targets import resolve_glob


@pytest.fixture
def prefix(cloud: HasuraCloud) -> Iterator[str]:
    """Twelve projects named <prefix>-NN, each with API_KEY=old."""
    prefix = f"fleet-{uuid.uuid4().hex[:6]}"
    created = [
        cloud.create_project(
            cloud="aws",
            region="us-east-2",
            name=f"{prefix}-{n:02d}",
            envs={"API_KEY": "old", "SHARED": "same"},
        )
        for n in range(12)
    ]
    yield prefix
    for project in created:
        if cloud.get_tenant(project.id):
            cloud.delete_tenant(project.id)


def values(cloud: HasuraCloud, prefix: str, key: str) -> list[str | None]:
    return [cloud.get_env(t.tenant_id).values.get(key) for t in resolve_glob(cloud, f"{prefix}-*")]


def test_apply_concurrently_then_converge(cloud: HasuraCloud, prefix: str) -> None:
    targets = resolve_glob(cloud, f"{prefix}-*")
    plan = fleet.plan_fleet(cloud, targets, EnvEdits({"API_KEY": "new"}), concurrency=4)
    assert len(plan.to_change) == 12 and "new" not in repr(plan)
    assert repr(plan).startswith("Set API_KEY on 12 projects") and "API_KEY: changed" in repr(plan)
    seen: list[str] = []
    result = fleet.apply_fleet(cloud, plan, concurrency=4, on_result=lambda r: seen.append(r.name))
    assert result.count(fleet.APPLIED) == 12 and sorted(seen) == sorted(t.name for t in targets)
    assert set(values(cloud, prefix, "API_KEY")) == {"new"}
    again = fleet.plan_fleet(cloud, targets, EnvEdits({"API_KEY": "new"}))
    assert again.to_change == []
    assert fleet.apply_fleet(cloud, again, concurrency=1).count(fleet.UNCHANGED) == 12


def test_one_failure_never_stops_or_corrupts_the_others(cloud: HasuraCloud, prefix: str) -> None:
    targets = resolve_glob(cloud, f"{prefix}-*")
    plan = fleet.plan_fleet(cloud, targets, EnvEdits({"API_KEY": "new"}))
    gone, raced = targets[3], targets[5]
    cloud.delete_tenant(gone.tenant_id)  # deleted between plan and apply
    env = cloud.get_env(raced.tenant_id)
    cloud.update_env(raced.tenant_id, env.hash, {"API_KEY": "set-by-someone-else"})
    result = fleet.apply_fleet(cloud, plan, concurrency=6)
    by_name = {r.name: r for r in result.results}
    assert by_name[gone.name].status == fleet.FAILED and "not found" in by_name[gone.name].detail
    assert by_name[raced.name].status == fleet.CONFLICT and "API_KEY" in by_name[raced.name].detail
    assert cloud.get_env(raced.tenant_id).values["API_KEY"] == "set-by-someone-else"
    assert result.count(fleet.APPLIED) == 10
    assert result.summary() == "10 applied, 0 unchanged, 1 conflict, 1 failed"


def run(ip: TestingShell, source: str) -> Any:
    return ip.run_cell(source).result


def test_magic_plans_and_asks_before_changing_many(
    ip: TestingShell, cloud: HasuraCloud, prefix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ConfirmationRequired, match="add --yes"):
        run(ip, f"%hasura env set --projects '{prefix}-*' API_KEY=rotated")
    assert "Set API_KEY on" in capsys.readouterr().out
    assert set(values(cloud, prefix, "API_KEY")) == {"old"}
    plan = run(ip, f"%hasura env set --projects '{prefix}-*' API_KEY=rotated --dry-run")
    assert len(plan.to_change) == 12
    result = run(
        ip, f"%hasura env set --projects '{prefix}-*' API_KEY=rotated --yes --concurrency 3"
    )
    assert result.count(fleet.APPLIED) == 12
    assert "[12/12]" in capsys.readouterr().out  # progress, one line per project
    assert "rotated" not in repr(result)
    assert set(values(cloud, prefix, "API_KEY")) == {"rotated"}
    removed = run(ip, f"%hasura env unset --projects '{prefix}-0*' SHARED --yes")
    assert removed.count(fleet.APPLIED) == 10
    with pytest.raises(NotFoundError, match="no project matches"):
        run(ip, "%hasura env set --projects 'nothing-like-this-*' A=1 --yes")


def test_env_diff_and_copy(ip: TestingShell, cloud: HasuraCloud, prefix: str) -> None:
    staging, prod = f"{prefix}-00", f"{prefix}-01"
    run(ip, f"%hasura env set {staging} API_KEY=staging-key FEATURE=on")
    comparison = run(ip, f"%hasura env diff {staging} {prod}")
    assert isinstance(comparison, EnvComparison)
    assert comparison.only_a == ("FEATURE",) and "API_KEY" in comparison.different
    assert "SHARED" in comparison.same and "staging-key" not in repr(comparison)
    dry = run(ip, f"%hasura env copy {staging} {prod} --keys FEATURE --dry-run")
    assert (
        dry.added == ("FEATURE",)
        and "FEATURE" not in cloud.get_env(resolve_glob(cloud, prod)[0].tenant_id).values
    )
    with pytest.raises(ConfirmationRequired, match="nobody can confirm"):
        run(ip, f"%hasura env copy {staging} {prod}")  # asked first, like a fleet change
    assert "FEATURE" not in cloud.get_env(resolve_glob(cloud, prod)[0].tenant_id).values
    copied = run(ip, f"%hasura env copy {staging} {prod} --yes")
    assert (copied.added, copied.changed) == (("FEATURE",), ("API_KEY",))
    prod_env = cloud.get_env(resolve_glob(cloud, prod)[0].tenant_id).values
    staging_env = cloud.get_env(resolve_glob(cloud, staging)[0].tenant_id).values
    assert prod_env["API_KEY"] == "staging-key"
    assert prod_env["HASURA_GRAPHQL_ADMIN_SECRET"] != staging_env["HASURA_GRAPHQL_ADMIN_SECRET"]
    with pytest.raises(NotFoundError, match="has no NOPE"):
        run(ip, f"%hasura env copy {staging} {prod} --keys NOPE")
