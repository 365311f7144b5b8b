"""The wheel carries the schema and the generated client, and its console script serves."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest
from paths import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    return next(out.glob("hasura_cloud_magic-*.whl"))


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "hasura_cloud_magic/schema.graphql" in names
    assert "hasura_cloud_client/client.py" in names
    assert "hasura_metrics_client/client.py" in names
    assert "hasura_metrics_client/py.typed" in names
    assert "hasura_cloud_magic/emulator/__init__.py" in names
    schema = zipfile.ZipFile(wheel).read("hasura_cloud_magic/schema.graphql")
    assert schema == (ROOT / "queries" / "cloud" / "schema.graphql").read_bytes()
    metrics_schema = zipfile.ZipFile(wheel).read("hasura_cloud_magic/metrics_schema.graphql")
    assert metrics_schema == (ROOT / "queries" / "metrics" / "schema.graphql").read_bytes()
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert b"hasura-cloud-emulator" in zipfile.ZipFile(wheel).read(entry_points)


@pytest.mark.slow
def test_console_script_from_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    # The installed copy comes first on the path and we run away from the checkout, so
    # nothing (in particular not the schema) can come from the source tree.
    environment = {**os.environ, "PYTHONPATH": str(target)}
    server = subprocess.Popen(
        [str(target / "bin" / "hasura-cloud-emulator"), "--port", "0", "--step-seconds", "0"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        lines = dict(server.stdout.readline().strip().split("=", 1) for _ in range(2))
        response = httpx.post(
            lines["HASURA_CLOUD_ENDPOINT"],
            json={"query": "{ region(where: {cloud: {_eq: aws}}) { name } }"},
            headers={"Authorization": f"pat {lines['HASURA_CLOUD_ACCESS_TOKEN']}"},
        )
        assert "us-east-2" in {r["name"] for r in response.json()["data"]["region"]}
        where = subprocess.run(
            [sys.executable, "-c", "import hasura_cloud_magic.emulator as e; print(e.__file__)"],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        assert where.stdout.startswith(str(target))
    finally:
        server.terminate()
        assert server.wait(timeout=10) == 0
