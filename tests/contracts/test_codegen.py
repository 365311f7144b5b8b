"""generated/ is exactly what ariadne-codegen makes from queries/ and pyproject.toml."""

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

from paths import GENERATED, QUERIES, ROOT


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [f"only in {left.name}: {n}" for n in comparison.left_only]
    found += [f"only in {right.name}: {n}" for n in comparison.right_only]
    found += [f"differs: {n}" for n in comparison.diff_files]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


def test_generated_client_has_not_drifted(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(QUERIES, tmp_path / "queries")
    (tmp_path / "generated").mkdir()  # ariadne-codegen writes into an existing folder
    run = subprocess.run(
        [sys.executable, "-m", "ariadne_codegen"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    differences = _differences(tmp_path / "generated", GENERATED)
    assert differences == [], "regenerate with `ariadne-codegen` and commit: " + ", ".join(
        differences
    )


def test_generated_client_imports_lazily() -> None:
    heavy = ("hasura_cloud_client.", "httpx", "pydantic")
    probe = (
        "import sys, hasura_cloud_client;"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
