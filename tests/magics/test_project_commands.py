"""Projects, project, tenant, regions, create, rename and delete.

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.errors import (
    ConfirmationRequired,
    HasuraCloudError,
    NotFoundError,
)
from hasura_cloud_magic.results import (
    CreatedProject,
    Project,
    ProjectList,
    Tenant,
)

# ---------------------------------------------------------------- reading


def test_projects_list_and_glob(ip: TestingShell, project: CreatedProject) -> None:
    everything = run(ip, "%hasura projects")
    assert isinstance(everything, ProjectList) and project.name in everything.names()
    matching = run(ip, f"%hasura projects --name '{project.name[:-4]}*'")
    assert matching.names() == [project.name]
    assert "<table" in matching._repr_html_() and project.name in repr(matching)


def test_projects_dataframe(ip: TestingShell, project: CreatedProject) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(HasuraCloudError, match="pandas is not installed"):
            run(ip, "%hasura projects --df")
        return
    frame = run(ip, "%hasura projects --df")
    assert project.name in list(frame["name"])


@pytest.mark.parametrize("how", ["name", "tenant id", "project id"])
def test_project_by_any_target(ip: TestingShell, project: CreatedProject, how: str) -> None:
    by_name = run(ip, f"%hasura project {project.name}")
    target = {"name": project.name, "tenant id": project.tenant_id, "project id": by_name.id}[how]
    found = run(ip, f"%hasura project {target}")
    assert isinstance(found, Project)
    assert (found.name, found.tenant_id) == (project.name, project.tenant_id)


def test_missing_project_is_one_clear_line(ip: TestingShell, project: CreatedProject) -> None:
    with pytest.raises(NotFoundError, match=f"Did you mean '{project.name}'"):
        run(ip, f"%hasura project {project.name}x")
    with pytest.raises(NotFoundError, match="no tenant or project with id"):
        run(ip, f"%hasura project {uuid.uuid4()}")


def test_tenant_is_typed_and_assignable(ip: TestingShell, project: CreatedProject) -> None:
    run(ip, f"t = %hasura tenant {project.tenant_id}")
    assert run(ip, "t.project.endpoint") == f"https://{project.name}.hasura.app"
    assert isinstance(ip.user_ns["t"], Tenant)
    assert project.name in ip.user_ns["t"]._repr_html_()


def test_regions(ip: TestingShell) -> None:
    regions = run(ip, "%hasura regions --cloud aws")
    assert {r.cloud for r in regions} == {"aws"}
    assert "us-east-2" in repr(regions)


# ---------------------------------------------------------------- lifecycle


def test_create_rename_delete(ip: TestingShell, capsys: pytest.CaptureFixture[str]) -> None:
    name, new_name = unique(), unique("renamed")
    created = run(ip, f"%hasura create --cloud gcp --region us-central1 --name {name}")
    assert isinstance(created, CreatedProject) and created.endpoint == f"https://{name}.hasura.app"
    run(ip, f"%hasura rename {name} {new_name}")
    assert run(ip, f"%hasura project {created.tenant_id}").name == new_name
    with pytest.raises(ConfirmationRequired, match="add --yes"):
        run(ip, f"%hasura delete {new_name}")
    assert run(ip, f"%hasura project {new_name}").name == new_name  # still there
    run(ip, f"%hasura delete {new_name} --yes")
    assert f"Deleted project {new_name}" in capsys.readouterr().out
    with pytest.raises(NotFoundError):
        run(ip, f"%hasura project {new_name}")


def test_delete_asks_and_honours_the_answer(
    ip: TestingShell, project: CreatedProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []

    def answer(text: str) -> Callable[[str], str]:
        return lambda prompt: prompts.append(prompt) or text  # type: ignore[func-returns-value]

    for wrong in ("n", "yes", project.name.upper()):  # a delete is confirmed by its name
        monkeypatch.setattr("builtins.input", answer(wrong))
        with pytest.raises(ConfirmationRequired, match="Cancelled"):
            run(ip, f"%hasura delete {project.name}")
    assert prompts[0].endswith(f"Type {project.name} to confirm: ")
    monkeypatch.setattr("builtins.input", answer(project.name))
    run(ip, f"%hasura delete {project.name}")
    with pytest.raises(NotFoundError):
        run(ip, f"%hasura project {project.name}")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ("--cloud mars --region us-east-2", "mars"),
        ("--cloud aws --region moon-1", "moon-1"),
        ("--cloud aws --region us-east-2 --name Bad_Name", "Bad_Name"),
        ("--cloud aws --region us-east-2 --env NOEQUALS", "expected KEY=VALUE"),
    ],
)
def test_create_refuses_bad_input(ip: TestingShell, flags: str, message: str) -> None:
    before = len(run(ip, "%hasura projects"))
    with pytest.raises(HasuraCloudError, match=message):
        run(ip, f"%hasura create {flags}")
    assert len(run(ip, "%hasura projects")) == before


def test_create_reports_the_project_even_when_the_follow_up_read_fails(
    ip: TestingShell, emulator: Any, cloud: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trial's M6: a failed read after createTenant must not hide that it was created."""
    name = unique("made")
    emulator.faults.add("tenant_by_pk", "http503", times=None)
    try:
        created = run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    finally:
        emulator.faults.clear()
    out = capsys.readouterr().out
    assert f"Created project {name}." in out and created.tenant_id is not None
    assert "Could not read its endpoint yet" in out and created.endpoint is None
    cloud.delete_tenant(created.tenant_id)
