"""generated/ is exactly what ariadne-codegen makes from queries/ and the two configurations:
the management API's (pyproject.toml) and the Metrics API's (queries/metrics/codegen.toml)."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import GENERATED, METRICS_CODEGEN_CONFIG, QUERIES, ROOT

#: package → the extra arguments of ariadne-codegen that make it
CLIENTS = {
    "hasura_cloud_client": [],
    "hasura_metrics_client": ["--config", str(METRICS_CODEGEN_CONFIG.relative_to(ROOT))],
}


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left.name}: {n}" for n in comparison.left_only]
    found += [f"only in {right.name}: {n}" for n in comparison.right_only]
    found += [f"differs: {n}" for n in comparison.diff_files]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


@pytest.mark.parametrize("package", CLIENTS)
def test_generated_client_has_not_drifted(package: str, tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(QUERIES, tmp_path / "queries")
    (tmp_path / "generated").mkdir()  # ariadne-codegen writes into an existing folder
    run = subprocess.run(
        [sys.executable, "-m", "ariadne_codegen", *CLIENTS[package]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "generated").iterdir()) == [package]
    differences = _differences(tmp_path / "generated" / package, GENERATED / package)
    command = "ariadne-codegen " + " ".join(CLIENTS[package])
    assert differences == [], f"regenerate with `{command.strip()}` and commit: " + ", ".join(
        differences
    )


@pytest.mark.parametrize("package", CLIENTS)
def test_generated_client_imports_lazily(package: str) -> None:
    heavy = (f"{package}.", "httpx", "pydantic")
    probe = (
        f"import sys, {package};print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
