"""One env-write rule (env_writer's docstring), proven at every entry point.

Each entry point decides its edits on an env it read, then someone else writes first (a
second client, over real HTTP) and the hash goes stale:

* someone changed *other* keys: our edits are re-applied on the newer env, theirs kept;
* someone changed *the same* key differently: it is never overwritten. The line forms write
  the other keys and report the key by name (never a value): one project raises
  EnvConflictError, a fleet marks the project ``conflict``; the form writes nothing more
  and asks.

Entry points: ``apply_edits`` (Python), ``%hasura env set`` (one project),
``%hasura env set --projects`` and ``apply_fleet`` (many), the env editor's Save.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic import fleet
from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.env_writer import apply_edits
from hasura_cloud_magic.errors import EnvConflictError, FleetIncompleteError, HasuraCloudError
from hasura_cloud_magic.targets import Target
from hasura_cloud_magic.widgets import EnvEditor

MINE, THEIRS = "mine-value-canary", "theirs-value-canary"


@pytest.fixture
def project(cloud: HasuraCloud) -> Iterator[Target]:
    name = f"rule-{uuid.uuid4().hex[:8]}"
    created = cloud.create_project(
        cloud="aws", region="us-east-2", name=name, envs={"A": "1", "B": "2"}
    )
    project = cloud.find_project_by_name(name)
    assert project is not None
    yield Target(created.id, project.id, name)
    cloud.delete_tenant(created.id)


@pytest.fixture
def someone(cloud: HasuraCloud) -> Iterator[HasuraCloud]:
    """Another person, with their own client."""
    with HasuraCloud(cloud.settings) as other:
        yield other


def someone_sets(someone: HasuraCloud, tenant_id: uuid.UUID, values: dict[str, str]) -> None:
    current = someone.get_env(tenant_id)
    someone.update_env(tenant_id, current.hash, values)


def values(cloud: HasuraCloud, tenant_id: uuid.UUID) -> dict[str, str]:
    """The env without the keys Hasura Cloud adds to every project."""
    env = cloud.get_env(tenant_id).values
    return {key: value for key, value in env.items() if not key.startswith("HASURA_GRAPHQL_")}


# ---------------------------------------------------------------- apply_edits (Python)


def test_python_reapplies_edits_to_keys_nobody_else_changed(
    cloud: HasuraCloud, someone: HasuraCloud, project: Target
) -> None:
    base = cloud.get_env(project.tenant_id)
    someone_sets(someone, project.tenant_id, {"THEIRS": THEIRS})
    outcome = apply_edits(cloud, base, EnvEdits({"A": MINE}, frozenset({"B"})))
    assert outcome.rebased and outcome.written == {"A", "B"}
    assert values(cloud, project.tenant_id) == {"A": MINE, "THEIRS": THEIRS}


def test_python_reports_a_key_changed_on_both_sides_and_writes_the_rest(
    cloud: HasuraCloud, someone: HasuraCloud, project: Target
) -> None:
    base = cloud.get_env(project.tenant_id)
    someone_sets(someone, project.tenant_id, {"A": THEIRS})
    with pytest.raises(EnvConflictError) as raised:
        apply_edits(cloud, base, EnvEdits({"A": MINE, "C": "3"}))
    assert raised.value.keys == ("A",) and raised.value.applied == ("C",)
    assert MINE not in str(raised.value) and THEIRS not in str(raised.value)
    assert values(cloud, project.tenant_id) == {"A": THEIRS, "B": "2", "C": "3"}


# ---------------------------------------------------------------- %hasura env set (one project)


def race_after_first_read(
    monkeypatch: pytest.MonkeyPatch, ip: TestingShell, write_first: Any
) -> None:
    """Someone writes right after the command read the env (between its read and write)."""
    api = ip.find_magic("hasura").__self__.session.cloud()  # type: ignore[union-attr]
    read = api.get_env
    calls = []

    def get_env_then_race(tenant_id: uuid.UUID) -> Any:
        env = read(tenant_id)
        if not calls:
            calls.append(tenant_id)
            write_first()
        return env

    monkeypatch.setattr(api, "get_env", get_env_then_race)


def test_line_form_reapplies_on_a_stale_hash(
    ip: TestingShell,
    monkeypatch: pytest.MonkeyPatch,
    cloud: HasuraCloud,
    someone: HasuraCloud,
    project: Target,
) -> None:
    race_after_first_read(
        monkeypatch, ip, lambda: someone_sets(someone, project.tenant_id, {"THEIRS": THEIRS})
    )
    ip.run_cell(f"%hasura env set {project.name} A={MINE}")
    assert values(cloud, project.tenant_id) == {"A": MINE, "B": "2", "THEIRS": THEIRS}


def test_line_form_stops_on_a_conflict_naming_the_key(
    ip: TestingShell,
    monkeypatch: pytest.MonkeyPatch,
    cloud: HasuraCloud,
    someone: HasuraCloud,
    project: Target,
) -> None:
    race_after_first_read(
        monkeypatch, ip, lambda: someone_sets(someone, project.tenant_id, {"A": THEIRS})
    )
    with pytest.raises(EnvConflictError) as raised:
        ip.run_cell(f"%hasura env set {project.name} A={MINE} C=3")
    message = str(raised.value)
    assert message.startswith("A changed since it was read") and "C written" in message
    assert MINE not in message and THEIRS not in message
    assert values(cloud, project.tenant_id) == {"A": THEIRS, "B": "2", "C": "3"}


# ---------------------------------------------------------------- fleets


def test_fleet_reapplies_or_reports_conflict_per_project(
    cloud: HasuraCloud, someone: HasuraCloud, project: Target
) -> None:
    other_name = f"rule-{uuid.uuid4().hex[:8]}"
    other = cloud.create_project(cloud="aws", region="us-east-2", name=other_name)
    found = cloud.find_project_by_name(other_name)
    assert found is not None
    targets = [project, Target(other.id, found.id, other_name)]
    try:
        plan = fleet.plan_fleet(cloud, targets, EnvEdits({"A": MINE, "D": "4"}))
        someone_sets(someone, project.tenant_id, {"A": THEIRS})  # same key: conflict
        someone_sets(someone, other.id, {"THEIRS": THEIRS})  # another key: re-applied
        result = fleet.apply_fleet(cloud, plan)
        status = {r.name: r for r in result.results}
        assert status[project.name].status == fleet.CONFLICT
        assert "A" in status[project.name].detail and THEIRS not in repr(result)
        assert status[other_name].status == fleet.APPLIED
        assert values(cloud, project.tenant_id) == {"A": THEIRS, "B": "2", "D": "4"}
        assert values(cloud, other.id) == {"A": MINE, "D": "4", "THEIRS": THEIRS}
    finally:
        cloud.delete_tenant(other.id)


def test_fleet_line_form_reports_the_conflict(
    ip: TestingShell,
    monkeypatch: pytest.MonkeyPatch,
    cloud: HasuraCloud,
    someone: HasuraCloud,
    project: Target,
) -> None:
    race_after_first_read(
        monkeypatch, ip, lambda: someone_sets(someone, project.tenant_id, {"A": THEIRS})
    )
    with pytest.raises(FleetIncompleteError) as incomplete:
        ip.run_cell(f"%hasura env set --projects {project.name} A={MINE} --yes")
    result = incomplete.value.result
    assert isinstance(result, fleet.FleetResult) and result.count(fleet.CONFLICT) == 1
    assert values(cloud, project.tenant_id)["A"] == THEIRS


# ---------------------------------------------------------------- the form


def test_form_asks_and_writes_nothing_until_decided(
    cloud: HasuraCloud, someone: HasuraCloud, project: Target
) -> None:
    form = EnvEditor(cloud, project.tenant_id, project.name).load()
    edit = form.rows.row("A")
    assert edit is not None
    edit.value_input.value = MINE
    form.rows.add_button.click()
    form.rows.rows[-1].key_input.value, form.rows.rows[-1].value_input.value = "C", "3"
    someone_sets(someone, project.tenant_id, {"A": THEIRS})
    form.save_button.click()
    assert [choice.conflict.key for choice in form.choices] == ["A"]
    assert values(cloud, project.tenant_id) == {"A": THEIRS, "B": "2"}  # not even C


def test_form_reapplies_disjoint_edits(
    cloud: HasuraCloud, someone: HasuraCloud, project: Target
) -> None:
    form = EnvEditor(cloud, project.tenant_id, project.name).load()
    edit = form.rows.row("A")
    assert edit is not None
    edit.value_input.value = MINE
    someone_sets(someone, project.tenant_id, {"THEIRS": THEIRS})
    form.save_button.click()
    assert form.status.kind == "success" and "re-applied" in form.status.text
    assert values(cloud, project.tenant_id) == {"A": MINE, "B": "2", "THEIRS": THEIRS}


# ---------------------------------------------------------------- never half-applied (M5)


def test_a_failed_removal_undoes_the_values_written_before_it(
    cloud: HasuraCloud, emulator: Any, project: Target
) -> None:
    base = cloud.get_env(project.tenant_id)
    emulator.faults.add("deleteTenantEnv", "http503", times=1)
    try:
        with pytest.raises(HasuraCloudError) as raised:
            apply_edits(cloud, base, EnvEdits({"A": MINE}, frozenset({"B"})))
    finally:
        emulator.faults.clear()
    assert "A had been written and were restored: nothing changed" in str(raised.value)
    assert MINE not in str(raised.value)
    assert values(cloud, project.tenant_id) == {"A": "1", "B": "2"}


def test_the_form_is_never_half_saved_either(
    cloud: HasuraCloud, emulator: Any, project: Target
) -> None:
    form = EnvEditor(cloud, project.tenant_id, project.name).load()
    edit, drop = form.rows.row("A"), form.rows.row("B")
    assert edit is not None and drop is not None
    edit.value_input.value = MINE
    drop.remove.value = True
    emulator.faults.add("deleteTenantEnv", "http503", times=1)
    try:
        form.save_button.click()
    finally:
        emulator.faults.clear()
    assert form.status.kind == "error" and "nothing changed" in form.status.text
    assert values(cloud, project.tenant_id) == {"A": "1", "B": "2"}


def test_fifteen_single_project_writers_at_once_all_land(
    cloud: HasuraCloud, project: Target
) -> None:
    """The trial's M4: 3 of 15 disjoint `env set` landed; now every one does."""
    import threading

    barrier = threading.Barrier(15)
    failures: list[BaseException] = []

    def write(index: int) -> None:
        with HasuraCloud(cloud.settings) as own:
            base = own.get_env(project.tenant_id)
            barrier.wait()
            try:
                apply_edits(own, base, EnvEdits({f"OWN_{index}": "v"}))
            except BaseException as error:  # reported below
                failures.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(15)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert {f"OWN_{i}" for i in range(15)} <= set(values(cloud, project.tenant_id))
