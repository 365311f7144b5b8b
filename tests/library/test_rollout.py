"""Waiting for an env change to go live, on an emulator whose clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from emulator_helpers import ManualClock

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.errors import EnvNotLiveError
from hasura_cloud_magic.rollout import read_rollout, wait_until_live
from hasura_cloud_magic.settings import ClientSettings

STEP = 10.0  # seconds per server, on the manual clock


@pytest.fixture
def timed() -> Iterator[tuple[Any, HasuraCloud, ManualClock]]:
    clock = ManualClock()
    emu = start(step_seconds=STEP, clock=clock)
    with emu, HasuraCloud(ClientSettings(emu.endpoint, emu.token)) as cloud:
        yield emu, cloud, clock


def written(cloud: HasuraCloud, name: str) -> tuple[Any, str]:
    tenant_id = cloud.create_project(cloud="aws", region="us-east-2", name=name).id
    env = cloud.get_env(tenant_id)
    return tenant_id, cloud.update_env(tenant_id, env.hash, {"FEATURE": "on"}).hash


def test_the_change_reaches_one_server_per_step(timed: Any) -> None:
    _emu, cloud, clock = timed
    tenant_id, new_hash = written(cloud, "roll-1")
    rollout = read_rollout(cloud, tenant_id)
    assert rollout.latest_hash == new_hash and not rollout.live
    assert rollout.describe() == "rolling out: 2 of 2 servers behind"
    clock.advance(STEP)
    assert read_rollout(cloud, tenant_id).describe() == "rolling out: 1 of 2 servers behind"
    clock.advance(STEP)
    assert read_rollout(cloud, tenant_id).live


def test_wait_returns_once_live_and_reports_each_poll(timed: Any) -> None:
    _emu, cloud, clock = timed
    tenant_id, new_hash = written(cloud, "roll-2")
    seen: list[str] = []
    rollout = wait_until_live(
        cloud,
        tenant_id,
        new_hash,
        name="roll-2",
        timeout=100,
        interval=STEP,
        on_update=lambda r: seen.append(r.describe()),
        sleep=clock.advance,  # each pause moves the emulator's clock
    )
    assert rollout.live
    assert seen == [
        "rolling out: 2 of 2 servers behind",
        "rolling out: 1 of 2 servers behind",
        f"live ({new_hash[:7]})",
    ]


def test_timing_out_says_the_change_is_written(timed: Any) -> None:
    _emu, cloud, _clock = timed
    tenant_id, new_hash = written(cloud, "roll-3")
    with pytest.raises(EnvNotLiveError) as caught:
        wait_until_live(cloud, tenant_id, new_hash, name="roll-3", timeout=0.2, interval=0.05)
    message = str(caught.value)
    assert message.startswith("roll-3: the env change is written but not live yet after 0 s")
    assert "%hasura health roll-3" in message and "\n" not in message
    assert cloud.get_env(tenant_id).values["FEATURE"] == "on"


def test_an_inactive_project_is_not_waited_for(timed: Any) -> None:
    emu, cloud, _clock = timed
    tenant_id, new_hash = written(cloud, "roll-4")
    emu.admin.hibernate("roll-4")
    with pytest.raises(EnvNotLiveError, match="project is hibernated: it goes live when"):
        wait_until_live(cloud, tenant_id, new_hash, name="roll-4", timeout=60)


def test_a_newer_change_replaces_the_one_waited_for(timed: Any) -> None:
    _emu, cloud, _clock = timed
    tenant_id, first_hash = written(cloud, "roll-5")
    cloud.update_env(tenant_id, first_hash, {"FEATURE": "off"})
    with pytest.raises(EnvNotLiveError, match="a newer change replaced it"):
        wait_until_live(cloud, tenant_id, first_hash, name="roll-5", timeout=60)


def test_reactivation_rolls_the_latest_env_out_again(timed: Any) -> None:
    emu, cloud, clock = timed
    tenant_id, _new_hash = written(cloud, "roll-6")
    emu.admin.hibernate("roll-6")
    assert read_rollout(cloud, tenant_id).describe() == "no servers running"
    project_id = cloud.get_tenant(tenant_id).project.id  # type: ignore[union-attr]
    assert cloud.reactivate_project(project_id)
    assert not read_rollout(cloud, tenant_id).live
    clock.advance(2 * STEP)
    assert read_rollout(cloud, tenant_id).live
