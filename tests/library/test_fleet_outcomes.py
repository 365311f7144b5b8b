"""A fleet change tells the truth about itself (the trial's M3, M11, L14, L15).

* A run that did not land everywhere fails the cell (after showing every project's
  outcome), with the result on the error; ``--allow-partial`` warns instead.
* When the API stops answering, projects not started yet are "not attempted" at once,
  instead of each waiting out its timeout; the same after the run's deadline.
* ``--yes`` with nothing to change still returns a FleetResult.
* A dry run returns a plan that holds no env value.
"""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic import fleet
from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.errors import FleetIncompleteError
from hasura_cloud_magic.retry import RetryPolicy
from hasura_cloud_magic.settings import FLEET_TRANSPORT_FAILURES_TO_STOP, ClientSettings
from hasura_cloud_magic.targets import resolve_glob

SECRET = "rotated-canary-value"


def make_fleet(cloud: HasuraCloud, count: int) -> tuple[str, list[uuid.UUID]]:
    """``count`` projects named ``<prefix>-NN`` with OLD=x: the prefix and their tenants."""
    prefix = f"outcome-{uuid.uuid4().hex[:6]}"
    tenants = [
        cloud.create_project(
            cloud="aws", region="us-east-2", name=f"{prefix}-{n:02d}", envs={"OLD": "x"}
        ).id
        for n in range(count)
    ]
    return prefix, tenants


def plan_new_key(api: HasuraCloud, count: int) -> tuple[fleet.FleetPlan, list[uuid.UUID]]:
    prefix, tenants = make_fleet(api, count)
    plan = fleet.plan_fleet(api, resolve_glob(api, f"{prefix}-*"), EnvEdits({"NEW": "v"}))
    return plan, tenants


@pytest.fixture
def six(cloud: HasuraCloud) -> Iterator[str]:
    prefix, tenants = make_fleet(cloud, 6)
    yield prefix
    for tenant_id in tenants:
        cloud.delete_tenant(tenant_id)


def test_a_partial_run_fails_the_cell_with_the_result_on_the_error(
    ip: TestingShell, emulator: Any, six: str, capsys: pytest.CaptureFixture[str]
) -> None:
    emulator.faults.add("updateTenantEnv", "reset-after", times=2)
    try:
        with pytest.raises(FleetIncompleteError) as incomplete:
            ip.run_cell(f"%hasura env set --projects '{six}-*' NEW={SECRET} --yes")
    finally:
        emulator.faults.clear()
    result = incomplete.value.result
    assert isinstance(result, fleet.FleetResult)
    assert (result.count(fleet.APPLIED), result.count(fleet.FAILED)) == (4, 2)
    assert "--allow-partial" in str(incomplete.value) and "2 failed" in str(incomplete.value)
    shown = capsys.readouterr().out
    assert "may or may not have been applied" in shown  # every project's outcome was shown
    assert SECRET not in shown + str(incomplete.value)


def test_allow_partial_warns_and_returns_the_result(
    ip: TestingShell, emulator: Any, six: str
) -> None:
    emulator.faults.add("updateTenantEnv", "reset-after", times=1)
    try:
        line = f"%hasura env set --projects '{six}-*' NEW=v --yes --allow-partial"
        result = ip.run_cell(line).result
    finally:
        emulator.faults.clear()
    assert result.count(fleet.FAILED) == 1 and not result.complete


def test_nothing_to_change_with_yes_is_a_result_and_succeeds(ip: TestingShell, six: str) -> None:
    result = ip.run_cell(f"%hasura env set --projects '{six}-*' OLD=x --yes").result
    assert isinstance(result, fleet.FleetResult)
    assert result.count(fleet.UNCHANGED) == 6 and result.complete


def test_a_dry_run_returns_a_plan_without_values(ip: TestingShell, six: str) -> None:
    plan = ip.run_cell(f"%hasura env set --projects '{six}-*' NEW={SECRET} --dry-run").result
    assert len(plan.to_change) == 6
    assert all(project.env is None for project in plan.projects)
    assert not plan.edits.set_values
    assert SECRET.encode() not in pickle.dumps(plan) and b"NEW" in pickle.dumps(plan)


@pytest.fixture(scope="module")
def dying() -> Iterator[tuple[Any, HasuraCloud]]:
    """An emulator whose env writes can be made to fail, and a client that retries little.

    The faults used here (connection resets) fail at once, so the timeout is generous: a
    loaded CI machine must not turn an answer into a timeout."""
    with start(step_seconds=0) as emulator:
        settings = ClientSettings(emulator.endpoint, emulator.token, 15.0)
        retry = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)
        with HasuraCloud(settings, retry=retry, sleep=lambda seconds: None) as api:
            yield emulator, api


def test_a_dead_api_stops_the_run_early(dying: tuple[Any, HasuraCloud]) -> None:
    emulator, api = dying
    plan, _tenants = plan_new_key(api, 12)
    emulator.faults.add("updateTenantEnv", "reset-before", times=None)
    try:
        result = fleet.apply_fleet(api, plan, concurrency=1)
        hits = len(emulator.faults.hits())
    finally:
        emulator.faults.clear()
    stopped = FLEET_TRANSPORT_FAILURES_TO_STOP
    assert result.count(fleet.FAILED) == stopped
    assert result.count(fleet.NOT_ATTEMPTED) == 12 - stopped
    assert "the API stopped answering" in result.results[-1].detail
    assert f"{12 - stopped} not attempted" in result.summary()
    assert hits == stopped  # one try each (a write that may have been sent is not retried)


def test_the_deadline_stops_projects_from_starting(dying: tuple[Any, HasuraCloud]) -> None:
    _emulator, api = dying
    plan, tenants = plan_new_key(api, 3)
    result = fleet.apply_fleet(api, plan, deadline_seconds=-1)
    assert result.count(fleet.NOT_ATTEMPTED) == 3
    assert all("deadline" in r.detail for r in result.results)
    assert all("NEW" not in api.get_env(t).values for t in tenants)
