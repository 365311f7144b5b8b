"""A %hasura error in a notebook fails an nbval run, even in lax mode (short errors are errors)."""

import subprocess
import sys
from pathlib import Path

import nbformat


def test_a_short_error_fails_nbval(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("%load_ext hasura_cloud_magic"),
            nbformat.v4.new_code_cell("%hasura no-such-command"),
        ]
    )
    path = tmp_path / "failing.ipynb"
    nbformat.write(notebook, path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--nbval-lax",
            "--nbval-current-env",
            str(path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout[-2000:]
    assert "1 failed, 1 passed" in run.stdout
    assert "UsageError: unknown command 'no-such-command'" in run.stdout
