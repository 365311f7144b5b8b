"""The forms from the magic, {{name}} placeholders and feedback levels.

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.results import (
    CreatedProject,
)

# ---------------------------------------------------------------- forms


def test_env_edit_returns_the_loaded_editor(jupyter: TestingShell, project: CreatedProject) -> None:
    from hasura_cloud_magic.widgets import EnvEditor

    form = run(jupyter, f"%hasura env edit {project.name}")
    assert isinstance(form, EnvEditor) and form.tenant_id == project.tenant_id
    assert {"A", "B"} <= {row.key for row in form.rows.rows}
    assert "values not shown" in repr(form)


def test_preview_wizard_uses_the_session_and_settings(jupyter: TestingShell) -> None:
    from hasura_cloud_magic.widgets import PreviewWizard

    run(jupyter, "%config HasuraMagics.poll_interval = 0.5")
    form = run(jupyter, "%hasura preview wizard --github-token-env MY_GH")
    assert isinstance(form, PreviewWizard)
    assert (form.token_env, form.poll_interval) == ("MY_GH", 0.5)


def test_in_a_terminal_the_forms_say_what_to_use_instead(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ip, f"%hasura env edit {project.name}") is None
    assert run(ip, "%hasura preview wizard") is None
    out = capsys.readouterr().out
    assert "The env editor is a Jupyter form; in a terminal use %hasura env show/set/unset" in out
    assert "The wizard is a Jupyter form; in a terminal use %hasura preview create" in out


def test_placeholders_let_loops_and_secrets_stay_out_of_the_source(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    ip.user_ns.update(target=project.name, new_key="rotated value kept out of the cell")
    run(ip, "%hasura env set {{target}} API_KEY={{new_key}}")
    assert "rotated value" not in capsys.readouterr().out
    assert run(ip, f"%hasura env show {project.name} --reveal")["API_KEY"] == (
        "rotated value kept out of the cell"
    )


def test_feedback_zero_keeps_only_results_and_warnings(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, "%config HasuraMagics.feedback = 0")
    name = unique("quiet")
    created = run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    assert created.name == name
    assert "✔ Created project" not in capsys.readouterr().out  # the result itself still shows
    run(ip, "%config HasuraMagics.feedback = 1")
    run(ip, f"%hasura delete {name} --yes")
    assert f"✔ Deleted project {name}" in capsys.readouterr().out


def test_filled_in_placeholders_are_named_never_their_values(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    ip.user_ns.update(target=project.name, secret="placed-canary-value")
    run(ip, "%hasura env set {{target}} K={{secret}} L={{secret}}")
    out = capsys.readouterr().out
    assert "Filled in {{target}}, {{secret}} from the notebook (values not shown)." in out
    assert "placed-canary-value" not in out
