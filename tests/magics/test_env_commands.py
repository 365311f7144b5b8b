"""Env show, set, unset, diff and copy (one project and many).

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

import pytest
from magic_shell import TestingShell, run

from hasura_cloud_magic.errors import (
    HasuraCloudError,
)
from hasura_cloud_magic.results import (
    CreatedProject,
    EnvView,
)

# ---------------------------------------------------------------- env


def test_env_show_masks_values(ip: TestingShell, project: CreatedProject) -> None:
    view = run(ip, f"%hasura env show {project.name}")
    assert isinstance(view, EnvView) and {"A", "B"} <= set(view.keys)
    assert "••••••" in repr(view) and "••••••" in view._repr_html_()
    with pytest.raises(HasuraCloudError, match="--reveal"):
        view["A"]
    revealed = run(ip, f"%hasura env show {project.name} --reveal")
    assert revealed["A"] == "1" and "1" in repr(revealed).split("A", 1)[1].splitlines()[0]


def test_env_set_and_unset_use_the_hash_and_show_a_masked_diff(
    ip: TestingShell, project: CreatedProject
) -> None:
    before = run(ip, f"%hasura env show {project.name}")
    diff = run(ip, f"%hasura env set {project.name} A=changed-value C=new-value")
    assert (diff.changed, diff.added) == (("A",), ("C",))
    assert "changed-value" not in repr(diff) and "new-value" not in diff._repr_html_()
    assert not diff.writes  # the returned diff holds no values
    after = run(ip, f"%hasura env show {project.name} --reveal")
    assert (after["A"], after["C"]) == ("changed-value", "new-value")
    assert after.hash != before.hash
    removed = run(ip, f"%hasura env unset {project.name} B")
    assert removed.removed == ("B",)
    assert "B" not in run(ip, f"%hasura env show {project.name}").keys


def test_env_set_sends_nothing_when_nothing_changes(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    before = run(ip, f"%hasura env show {project.name}").hash
    diff = run(ip, f"%hasura env set {project.name} A=1")
    assert diff.empty and diff.unchanged == ("A",)
    assert "nothing to change, nothing sent" in capsys.readouterr().out
    assert run(ip, f"%hasura env show {project.name}").hash == before


def test_env_dry_run_changes_nothing(ip: TestingShell, project: CreatedProject) -> None:
    before = run(ip, f"%hasura env show {project.name}").hash
    assert run(ip, f"%hasura env set {project.name} A=2 --dry-run").changed == ("A",)
    assert run(ip, f"%hasura env unset {project.name} A --dry-run").removed == ("A",)
    assert run(ip, f"%hasura env show {project.name}").hash == before


def test_env_unset_of_absent_key_sends_nothing(ip: TestingShell, project: CreatedProject) -> None:
    diff = run(ip, f"%hasura env unset {project.name} NOT_THERE")
    assert diff.empty and diff.not_set == ("NOT_THERE",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("set {p} 1BAD=x", "invalid env var name"),
        ("set {p} A", "expected KEY=VALUE"),
        ("set {p} A=", "empty value"),
        ("unset {p} BAD-KEY", "invalid env var name"),
    ],
)
def test_env_bad_input_changes_nothing(
    ip: TestingShell, project: CreatedProject, line: str, message: str
) -> None:
    before = run(ip, f"%hasura env show {project.name}").hash
    with pytest.raises(HasuraCloudError, match=message):
        run(ip, "%hasura env " + line.format(p=project.name))
    assert run(ip, f"%hasura env show {project.name}").hash == before
