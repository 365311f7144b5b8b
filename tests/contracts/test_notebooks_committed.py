"""The committed notebooks read well on a code host and hold no secret.

(nbval, run on notebooks/, checks that they execute and that their outputs still match.)
"""

import json
import re
from pathlib import Path

import pytest
from paths import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TOKEN_SHAPES = re.compile(
    r"(ghp_|github_pat_|gho_|ghs_)[A-Za-z0-9_]{8,}|[Aa]uthorization\"?: *\"?pat [A-Za-z0-9]"
)


def test_the_documented_notebooks_exist() -> None:
    names = {path.stem for path in NOTEBOOKS}
    assert names == {
        "quickstart",
        "env-runbook",
        "fleet-health",
        "monitoring",
        "preview-apps",
        "api-client",
        "team-and-domains",
    }


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_with_outputs(path: Path) -> None:
    cells = json.loads(path.read_text())["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert code and sum(bool(cell["outputs"]) for cell in code) >= len(code) // 2
    assert any(cell["cell_type"] == "markdown" for cell in cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_token_in_outputs_or_widget_state(path: Path) -> None:
    notebook = json.loads(path.read_text())
    saved = json.dumps([c.get("outputs", []) for c in notebook["cells"]]) + json.dumps(
        notebook["metadata"]
    )
    assert not TOKEN_SHAPES.search(saved)
    for state in (
        notebook["metadata"]
        .get("widgets", {})
        .get("application/vnd.jupyter.widget-state+json", {})
        .get("state", {})
        .values()
    ):
        if state["model_name"] == "PasswordModel":
            assert state["state"].get("value", "") == ""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_opens_clean_in_jupyterlab(path: Path) -> None:
    """The kernelspec JupyterLab writes, so opening a notebook does not mark it changed."""
    kernelspec = json.loads(path.read_text())["metadata"]["kernelspec"]
    assert kernelspec == {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
