"""Fixtures for the emulator's own tests: real servers on loopback, real HTTP, no mocks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from emulator_helpers import Gql

from hasura_cloud_magic.emulator import RunningEmulator, start


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningEmulator]:
    """One instant-step emulator per test module, with two users."""
    with start(step_seconds=0, tokens=["token-alice", "token-bob"]) as running:
        yield running


@pytest.fixture
def gql(emu: RunningEmulator) -> Iterator[Gql]:
    client = Gql(emu.endpoint, emu.token)
    yield client
    client.close()


@pytest.fixture
def other_gql(emu: RunningEmulator) -> Iterator[Gql]:
    """The second user of ``emu``."""
    client = Gql(emu.endpoint, "token-bob")
    yield client
    client.close()
