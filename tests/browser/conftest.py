"""A real JupyterLab on loopback, and Debian's Chromium driven by Playwright.

The server gets a random token and isolated config/data/runtime/workspace dirs; its kernels
inherit an environment pointing at the test emulator. Chromium comes from Debian (a browser
download is not possible here), so tests skip when /usr/bin/chromium is missing — CI installs it.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path(os.environ.get("HCM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
GITHUB_TOKEN = "ghp_" + "B" * 36  # shaped like GitHub's; only the emulator sees it


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Lab:
    def __init__(self, base: str, token: str, root: Path) -> None:
        self.base, self.token, self.root = base, token, root

    def url(self, path: str) -> str:
        return f"{self.base}/{path}?token={self.token}"


def _isolated_dirs(tmp: Path) -> dict[str, str]:
    dirs = {name: tmp / name for name in ("config", "data", "runtime", "ipython", "root", "ws")}
    for folder in dirs.values():
        folder.mkdir()
    (dirs["config"] / "labconfig").mkdir()
    (dirs["config"] / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    return {key: str(value) for key, value in dirs.items()}


def _wait_until_up(process: subprocess.Popen[bytes], lab: Lab, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(lab.url("api/status"), timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"jupyter lab did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def lab(emulator: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: missing there is a broken setup
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("lab")
    dirs = _isolated_dirs(tmp)
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": dirs["config"],
        "JUPYTER_DATA_DIR": dirs["data"],
        "JUPYTER_RUNTIME_DIR": dirs["runtime"],
        "IPYTHONDIR": dirs["ipython"],
        "HASURA_CLOUD_ENDPOINT": emulator.endpoint,
        "HASURA_CLOUD_ACCESS_TOKEN": emulator.token,
        "GITHUB_TOKEN": GITHUB_TOKEN,
    }
    log = tmp / "lab.log"
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={dirs['root']}",
        f"--LabApp.workspaces_dir={dirs['ws']}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.allow_root=True",
    ]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    running = Lab(f"http://127.0.0.1:{port}", token, Path(dirs["root"]))
    try:
        _wait_until_up(process, running, log)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser(lab: Lab) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _screenshot_folder() -> Path:
    return Path(os.environ.get("HCM_SCREENSHOTS", Path.cwd() / "out" / "screenshots"))


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the form screenshots go (named in the run's summary)."""
    folder = _screenshot_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say where the form screenshots are, in every run's summary."""
    folder = _screenshot_folder()
    shots = sorted(folder.glob("*.png")) if folder.is_dir() else []
    if shots:
        terminalreporter.write_line(f"form screenshots: {', '.join(str(s) for s in shots)}")
