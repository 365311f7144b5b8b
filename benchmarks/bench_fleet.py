"""3. ``env set --projects`` over 200 projects with 50 ms of latency: within 1.5x of the
latency-bound ideal, and at least 10x faster than one project at a time."""

from __future__ import annotations

import math
import time

from figures import Figure

from hasura_cloud_magic import fleet
from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.settings import DEFAULT_FLEET_CONCURRENCY, ClientSettings
from hasura_cloud_magic.targets import resolve_glob

PROJECTS = 200
LATENCY = 0.05
ROUND_TRIPS = 2  # read the env (plan), write it (apply)


def _timed_change(cloud: HasuraCloud, value: str, concurrency: int) -> float:
    started = time.perf_counter()
    targets = resolve_glob(cloud, "fleet-*")
    plan = fleet.plan_fleet(cloud, targets, EnvEdits({"ROTATED": value}), concurrency=concurrency)
    result = fleet.apply_fleet(cloud, plan, concurrency=concurrency)
    assert result.count(fleet.APPLIED) == PROJECTS, result.summary()
    return time.perf_counter() - started


def measure() -> list[Figure]:
    concurrency = DEFAULT_FLEET_CONCURRENCY
    with start(step_seconds=0) as emulator:
        settings = ClientSettings(emulator.endpoint, emulator.token)
        with HasuraCloud(settings) as cloud:
            for n in range(PROJECTS):
                cloud.create_project(cloud="aws", region="us-east-2", name=f"fleet-{n:03d}")
            emulator.faults.add("*", "latency", seconds=LATENCY, times=None)
            concurrent = _timed_change(cloud, "a", concurrency)
            one_by_one = _timed_change(cloud, "b", 1)
    ideal = math.ceil(PROJECTS / concurrency) * ROUND_TRIPS * LATENCY
    return [
        Figure(
            "fleet time / latency-bound ideal",
            concurrent / ideal,
            "<= 1.5x",
            concurrent / ideal <= 1.5,
            f"{concurrent:.2f} s vs ideal {ideal:.2f} s ({PROJECTS} projects, "
            f"{concurrency} at once, {LATENCY * 1000:.0f} ms latency)",
        ),
        Figure(
            "one at a time / fleet",
            one_by_one / concurrent,
            ">= 10x",
            one_by_one / concurrent >= 10,
            f"{one_by_one:.2f} s one at a time",
        ),
    ]
