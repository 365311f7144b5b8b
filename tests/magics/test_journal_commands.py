"""%hasura journal records every write of the session; a headless run deletes only its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import ApiError, ConfirmationRequired
from hasura_cloud_magic.journal import JournalView
from hasura_cloud_magic.magics import user_input

SECRET = "journal-canary-value-31c9"


def test_every_write_is_journaled_with_keys_and_hashes_never_values(
    ip: TestingShell, tmp_path: Path
) -> None:
    name = unique("jr")
    run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name} --env A=1")
    run(ip, f"%hasura env set {name} TOKEN={SECRET} B=2")
    run(ip, f"%hasura env set {name} B=2")  # nothing to change: journaled as unchanged
    run(ip, f"%hasura env set {name} B=3 --dry-run")  # a dry run writes nothing: not journaled
    run(ip, f"%hasura env unset {name} TOKEN")
    run(ip, f"%hasura rename {name} {name}-x")
    run(ip, f"%hasura delete {name}-x --yes")
    journal = run(ip, "%hasura journal")
    assert isinstance(journal, JournalView)
    assert [(e.action, e.project, e.outcome) for e in journal] == [
        ("create", name, "applied"),
        ("env set", name, "applied"),
        ("env set", name, "unchanged"),
        ("env unset", name, "applied"),
        ("rename", name, "applied"),
        ("delete", f"{name}-x", "applied"),
    ]
    env_set = journal[1]
    assert env_set.keys == ("B", "TOKEN") and env_set.hash_before != env_set.hash_after
    assert journal[3].hash_before == env_set.hash_after  # the hashes chain
    path = tmp_path / "audit.jsonl"
    run(ip, f"%hasura journal --save {path}")
    saved = path.read_text()
    assert len(saved.splitlines()) == 6 and json.loads(saved.splitlines()[0])["action"] == "create"
    for shown in (saved, repr(journal), journal._repr_html_()):
        assert SECRET not in shown


def test_a_refused_write_is_journaled_as_failed(ip: TestingShell, emulator: Any) -> None:
    name = unique("jr")
    run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    emulator.admin.set_state(name, maintenance=True)
    try:
        with pytest.raises(ApiError, match="maintenance mode"):
            run(ip, f"%hasura env set {name} A=1")
    finally:
        emulator.admin.set_state(name, maintenance=False)
    last = run(ip, "%hasura journal")[-1]
    assert (last.action, last.outcome) == ("env set", "failed")
    assert "maintenance mode" in last.detail


def test_a_fleet_change_is_one_entry_per_project(ip: TestingShell) -> None:
    prefix = unique("jfleet")
    for suffix in ("a", "b"):
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {prefix}-{suffix}")
    run(ip, f"%hasura env set --projects '{prefix}-*' LEVEL=debug --yes")
    entries = [e for e in run(ip, "%hasura journal") if e.action == "env set"]
    assert sorted(e.project for e in entries) == [f"{prefix}-a", f"{prefix}-b"]
    assert all(e.outcome == "applied" and e.keys == ("LEVEL",) for e in entries)
    assert all(e.hash_after and e.hash_before != e.hash_after for e in entries)


def test_journal_since(ip: TestingShell) -> None:
    run(ip, f"%hasura create --cloud aws --region us-east-2 --name {unique('jr')}")
    assert len(run(ip, "%hasura journal --since 1h")) == 1
    with pytest.raises(ValueError, match="cannot read 'soon' as a time"):
        run(ip, "%hasura journal --since soon")


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a papermill run: nobody can answer (a real kernel run is in tests/contracts)."""
    monkeypatch.setattr(user_input, "nobody_can_answer", lambda: True)


def test_headless_deletes_only_what_it_created(
    ip: TestingShell, cloud: HasuraCloud, headless: None
) -> None:
    theirs = unique("theirs")
    cloud.create_project(cloud="aws", region="us-east-2", name=theirs)
    mine = unique("mine")
    run(ip, f"%hasura create --cloud aws --region us-east-2 --name {mine}")
    with pytest.raises(ConfirmationRequired) as caught:
        run(ip, f"%hasura delete {theirs} --yes")
    assert str(caught.value) == (
        f"refusing to delete {theirs}: this run did not create it and nobody is here to "
        f"confirm; to delete it anyway, name it: --confirm {theirs} (in a runbook, from a "
        "parameter)"
    )
    with pytest.raises(ConfirmationRequired, match="refusing to rename"):
        run(ip, f"%hasura rename {theirs} {theirs}-new")
    with pytest.raises(ConfirmationRequired):
        run(ip, f"%hasura delete {theirs} --yes --confirm someone-else")
    assert cloud.find_project_by_name(theirs) is not None  # nothing was touched
    run(ip, f"%hasura delete {mine} --yes")  # its own: fine
    run(ip, f"%hasura delete {theirs} --yes --confirm {theirs}")  # named on purpose: fine
    assert cloud.find_project_by_name(theirs) is None
