"""The README's main job: the end-to-end demo runs green and prints no secret."""

import subprocess
import sys

from hasura_cloud_magic.demo import DEMO_GITHUB_TOKEN


def test_demo_runs_end_to_end() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "hasura_cloud_magic.demo"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "7. deployment success: gh-validation=success" in run.stdout
    assert "check-healthz=success" in run.stdout
    assert "a write with a stale hash is refused" in run.stdout
    assert run.stdout.rstrip().endswith("Done.")
    for secret in ("first-secret", "rotated-secret", DEMO_GITHUB_TOKEN):
        assert secret not in run.stdout + run.stderr


def test_main_job_runs_the_quickstart_headless(tmp_path: object) -> None:
    """The README's first command, minus the install: nbconvert executes the quickstart."""
    import os

    from paths import ROOT

    hermetic = {
        k: v
        for k, v in os.environ.items()
        if k not in ("HASURA_CLOUD_ACCESS_TOKEN", "HASURA_CLOUD_ENDPOINT")
    }
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            str(ROOT / "notebooks" / "quickstart.ipynb"),
            "--output-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=hermetic,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    executed = (tmp_path / "quickstart.ipynb").read_text()  # type: ignore[operator]
    assert "Local Hasura Cloud emulator running" in executed
    assert "Deleted project quickstart-demo" in executed
