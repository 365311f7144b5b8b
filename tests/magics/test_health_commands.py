"""%hasura health, project, reactivate, db-latency, env --wait and emulator state, in a shell."""

from __future__ import annotations

from typing import Any

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.errors import (
    ConfirmationRequired,
    EnvNotLiveError,
    InvalidInputError,
    UsageError,
)
from hasura_cloud_magic.health import HealthReport
from hasura_cloud_magic.results import CreatedProject, ProjectDetails


def test_health_of_one_project(ip: TestingShell, project: CreatedProject) -> None:
    report = run(ip, f"%hasura health {project.name}")
    assert isinstance(report, HealthReport) and len(report) == 1
    row = report[0]
    assert (row.name, row.state, row.endpoint, row.env_live) == (project.name, "active", "up", True)
    text = repr(report)
    assert "1 healthy" in text and project.name in text and "live (" in text


def test_health_of_a_fleet_calls_out_the_unhealthy(
    ip: TestingShell, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix = unique("hfleet")
    for suffix in ("a", "b"):
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {prefix}-{suffix}")
    emulator.admin.set_state(f"{prefix}-b", maintenance=True)
    report = run(ip, f"%hasura health --projects '{prefix}-*'")
    assert [row.state for row in report] == ["active", "maintenance"]
    out = capsys.readouterr().out
    assert "[2/2]" in out  # a progress line per project in a terminal
    assert f"Need a look: {prefix}-b." in out


def test_health_of_nothing_is_an_empty_report(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(ip, "%hasura health --projects 'zz-none-*'")
    assert isinstance(report, HealthReport) and len(report) == 0
    assert "no project matches 'zz-none-*': nothing to check." in capsys.readouterr().out


def test_health_takes_a_target_or_a_glob_not_both(ip: TestingShell) -> None:
    with pytest.raises(UsageError, match="give TARGET or --projects GLOB, not both"):
        run(ip, "%hasura health app --projects 'a*'")


def test_project_shows_status_plan_owner_and_nat_ips(
    ip: TestingShell, project: CreatedProject
) -> None:
    details = run(ip, f"%hasura project {project.name}")
    assert isinstance(details, ProjectDetails)
    assert details.state == "active" and details.plan == "cloud_free"
    assert details.nat_ips and details.owner and details.env_rollout.startswith("live (")
    card = repr(details)
    for label in ("status", "owner", "NAT IPs", "env rollout", "entitlements", "endpoint"):
        assert label in card
    assert details.nat_ips[0] in card


def test_env_set_wait_returns_once_live(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, f"%hasura env set {project.name} FEATURE=on --wait --timeout 30")
    assert f"{project.name}: the change is live on every server." in capsys.readouterr().out


def test_env_wait_on_a_hibernated_project_says_it_is_written(
    ip: TestingShell, emulator: Any, project: CreatedProject
) -> None:
    emulator.admin.hibernate(project.name)
    with pytest.raises(EnvNotLiveError) as caught:
        run(ip, f"%hasura env set {project.name} FEATURE=on --wait")
    assert "the env change is written, but the project is hibernated" in str(caught.value)
    cloud = ip.find_magic("hasura").__self__.session.cloud()  # type: ignore[union-attr]
    assert cloud.get_env(project.tenant_id).values["FEATURE"] == "on"


def test_fleet_env_set_wait(ip: TestingShell, capsys: pytest.CaptureFixture[str]) -> None:
    prefix = unique("wfleet")
    for suffix in ("a", "b"):
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {prefix}-{suffix}")
    run(ip, f"%hasura env set --projects '{prefix}-*' FEATURE=on --yes --wait")
    out = capsys.readouterr().out
    assert f"{prefix}-a: the change is live" in out and f"{prefix}-b: the change is live" in out


def test_reactivate_asks_and_brings_it_back(
    ip: TestingShell, emulator: Any, project: CreatedProject
) -> None:
    emulator.admin.hibernate(project.name)
    with pytest.raises(ConfirmationRequired):
        run(ip, f"%hasura reactivate {project.name}")
    assert emulator.admin.state(project.name)["active"] is False  # nothing changed
    row = run(ip, f"%hasura reactivate {project.name} --yes")
    assert row.state == "active"
    assert run(ip, f"%hasura reactivate {project.name} --yes") is None  # active: left alone


def test_db_latency_follows_the_job(ip: TestingShell, project: CreatedProject) -> None:
    result = run(ip, f"%hasura db-latency {project.name}")
    assert result.status == "success" and result.sources
    assert "DB latency of" in repr(result)


def test_emulator_state_needs_the_embedded_emulator(ip: TestingShell) -> None:
    from hasura_cloud_magic.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="embedded emulator only"):
        run(ip, "%hasura emulator state whatever --maintenance on")


def test_emulator_state_on_the_embedded_emulator(ip: TestingShell) -> None:
    run(ip, "%hasura emulator start --step-seconds 0")
    try:
        name = unique("state")
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
        card = run(ip, f"%hasura emulator state {name} --active no --reason suspended")
        assert "suspended" in repr(card)
        assert run(ip, f"%hasura health {name}")[0].state == "suspended"
        with pytest.raises(InvalidInputError) as caught:
            run(ip, "%hasura emulator state no-such-project-here --maintenance on")
        assert str(caught.value) == "no project named 'no-such-project-here'"
    finally:
        run(ip, "%hasura emulator stop")
