"""Shared fixtures: a real emulator on a loopback socket, and the facade pointed at it."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from magic_shell import TestingShell, make_shell

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.settings import ClientSettings


@pytest.fixture(scope="session")
def emulator() -> Iterator[object]:
    """One emulator for the session; preview-app steps complete as soon as they are observed."""
    with start(step_seconds=0) as running:
        yield running


@pytest.fixture
def settings(emulator: object) -> ClientSettings:
    return ClientSettings(endpoint=emulator.endpoint, token=emulator.token)  # type: ignore[attr-defined]


@pytest.fixture
def cloud(settings: ClientSettings) -> Iterator[HasuraCloud]:
    with HasuraCloud(settings) as client:
        yield client


@pytest.fixture
def ip(emulator: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[TestingShell]:
    """A shell with the extension loaded, pointed at the emulator through the env vars."""
    monkeypatch.setenv("HASURA_CLOUD_ENDPOINT", emulator.endpoint)  # type: ignore[attr-defined]
    monkeypatch.setenv("HASURA_CLOUD_ACCESS_TOKEN", emulator.token)  # type: ignore[attr-defined]
    monkeypatch.chdir(tmp_path)  # no pyproject.toml settings unless a test writes one
    shell = make_shell()
    names_before = set(shell.user_ns)
    shell.run_cell("%load_ext hasura_cloud_magic")
    try:
        yield shell
    finally:
        shell.run_cell("%unload_ext hasura_cloud_magic")
        shell.config.pop("HasuraMagics", None)  # %config writes into the shared shell config
        for name in set(shell.user_ns) - names_before:  # one shell serves every test
            del shell.user_ns[name]
