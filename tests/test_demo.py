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
