"""The magics in a real Jupyter kernel: HTML results, and errors that stop the run in one line."""

from __future__ import annotations

from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def notebook(*sources: str) -> Any:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


def execute(nb: Any) -> None:
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()


@pytest.fixture
def kernel_env(emulator: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """The kernel inherits these when it starts."""
    monkeypatch.setenv("HASURA_CLOUD_ENDPOINT", emulator.endpoint)
    monkeypatch.setenv("HASURA_CLOUD_ACCESS_TOKEN", emulator.token)
    monkeypatch.chdir(tmp_path)


@pytest.mark.slow
def test_results_are_html_and_an_error_stops_the_run(kernel_env: None, emulator: Any) -> None:
    nb = notebook(
        "%load_ext hasura_cloud_magic",
        "%hasura regions --cloud aws",
        "%hasura status",
        "%hasura project no-such-project",
        "print('must not run')",
    )
    with pytest.raises(CellExecutionError):
        execute(nb)
    regions, status, failing, after = nb.cells[1:]
    assert "<table" in regions.outputs[0]["data"]["text/html"]
    assert "us-east-2" in regions.outputs[0]["data"]["text/plain"]
    assert emulator.token not in str(status.outputs)
    error = failing.outputs[-1]
    assert error["output_type"] == "error" and error["ename"] == "NotFoundError"
    assert error["traceback"] == [
        "NotFoundError: no project named 'no-such-project'. List them with %hasura projects."
    ]
    assert after.outputs == []


@pytest.mark.slow
def test_preview_progress_is_a_live_widget(
    kernel_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_" + "K" * 36)
    nb = notebook(
        "%load_ext hasura_cloud_magic\n%config HasuraMagics.poll_interval = 0.2",
        "%hasura emulator start --step-seconds 0.2",
        "s = %hasura preview create --owner o --repo r --branch main --name kernel-pv --wait",
        "print(s.status, s.graphql_endpoint)",
        "%hasura emulator stop",
    )
    execute(nb)
    follow = nb.cells[2].outputs
    views = [o for o in follow if "application/vnd.jupyter.widget-view+json" in o["data"]]
    # The live view is one widget kept current by the polls, not a stack of outputs.
    assert len(views) == 1
    assert "application/vnd.jupyter.widget-view+json" in views[0]["data"]
    assert views[0]["data"]["text/plain"].startswith("ProgressView(")
    states = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    bars = [s["state"] for s in states.values() if s["model_name"] == "IntProgressModel"]
    assert bars and bars[-1]["value"] == bars[-1]["max"] == 6  # the six deployment tasks
    assert nb.cells[3].outputs[0]["text"].strip() == (
        "success https://kernel-pv.hasura.app/v1/graphql"
    )


@pytest.mark.slow
def test_forms_in_a_notebook_leave_no_secret_in_the_saved_file(kernel_env: None) -> None:
    secret, typed = "kernel-secret-value-1", "kernel-typed-value-2"
    nb = notebook(
        "%load_ext hasura_cloud_magic",
        f"%hasura create --cloud aws --region us-east-2 --name kernel-form --env API_KEY={secret}",
        "form = %hasura env edit kernel-form\nform",
        # what a person does in the page, done from code so the run checks it
        f"form.rows.row('API_KEY').reveal.value = True\n"
        f"form.rows.row('API_KEY').revealed_input.value = '{typed}'\n"
        "form.save_button.click()\nprint(form.status.text)",
        "%hasura env show kernel-form --reveal",
        "%hasura delete kernel-form --yes",
    )
    execute(nb)
    assert nb.cells[3].outputs[0]["text"].strip() == "Saved: 1 changed."
    assert typed in str(nb.cells[4].outputs)  # revealed on purpose, and the change landed
    # What the .ipynb keeps besides the code: outputs (but the --reveal one) and widget state.
    kept = [c.outputs for i, c in enumerate(nb.cells) if i != 4] + [nb.metadata]
    saved = str(kept)
    for value in (secret, typed):
        assert value not in saved
    assert "hcm-env-editor" in saved
    assert "values not shown" in str(nb.cells[2].outputs)
