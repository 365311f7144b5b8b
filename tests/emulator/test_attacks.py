"""Attacks from the adversarial trial, each sent without a token (H4, M9, M10, L12).

The emulator does no work for a request it will refuse and bounds what it accepts: a
fragment bomb is refused before validation, a LIKE pattern is matched in linear time, a huge
body is answered 413, slow or idle connections are closed or evicted, strangers' documents
never enter the parse cache, JSON nested past Python's limit is an ``invalid-json`` error.
During each attack a legitimate request (with a token) is served within a second.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from emulator_helpers import Gql

from hasura_cloud_magic.emulator import RunningEmulator, start
from hasura_cloud_magic.emulator import proxy as emulator_proxy

LEGIT = "query Regions { region(limit: 1) { name } }"


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningEmulator]:
    with start(step_seconds=0) as running:
        yield running


#: Far below how long an attack that worked would take, far above a loaded CI machine's answer.
ANSWER_SECONDS = 3.0


def served_within(emu: RunningEmulator, seconds: float = ANSWER_SECONDS) -> bool:
    """A legitimate request, on a fresh connection, answered within ``seconds``."""
    started = time.monotonic()
    with httpx.Client(headers={"Authorization": f"pat {emu.token}"}, timeout=seconds) as client:
        body = client.post(emu.endpoint, json={"query": LEGIT}).json()
    return "data" in body and time.monotonic() - started < seconds


def during(attack: Callable[[], object], threads: int = 4) -> list[BaseException]:
    """Start ``threads`` attackers in the background; returns the list their errors go to."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            attack()
        except BaseException as error:
            errors.append(error)

    for _ in range(threads):
        threading.Thread(target=run, daemon=True).start()
    time.sleep(0.2)  # let them get going
    return errors


def fragment_bomb(depth: int) -> str:
    """``F(i)`` spreads ``F(i-1)`` twice: 2^depth paths, about 2 KB of text."""
    fragments = ["fragment F0 on query_root { __typename }"]
    fragments += [
        f"fragment F{i} on query_root {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, depth)
    ]
    return f"query {{ ...F{depth - 1} projects {{ id }} }}\n" + "\n".join(fragments)


def test_a_fragment_bomb_is_refused_before_any_work(emu: RunningEmulator) -> None:
    stranger = Gql(emu.endpoint, None)
    bomb = fragment_bomb(40)  # 2^40 paths if fragments were visited once per path
    started = time.monotonic()
    error = stranger.error(bomb)
    assert time.monotonic() - started < ANSWER_SECONDS
    assert error["message"] == "field \"projects\" not found in type: 'query_root'"
    errors = during(lambda: [stranger.run(bomb) for _ in range(20)])
    assert served_within(emu) and not errors


def test_strangers_documents_never_enter_the_cache(emu: RunningEmulator) -> None:
    from hasura_cloud_magic.emulator.service import _parse_and_validate

    before = _parse_and_validate.cache_info().currsize
    stranger = Gql(emu.endpoint, None)
    for index in range(20):
        stranger.run(f"query Q{index} {{ projects {{ id }} }}")
    assert _parse_and_validate.cache_info().currsize == before


def test_a_like_pattern_cannot_stall_everyone(emu: RunningEmulator) -> None:
    owner = Gql(emu.endpoint, emu.token)
    owner.data(
        'mutation ($n: String!) { createTenant(cloud: "aws", region: "us-east-2", '
        "name: $n) { id } }",
        n="a" * 40,
    )
    pattern = "%a" * 30 + "%b"
    query = "query ($p: String!) { projects(where: {name: {_like: $p}}) { id } }"
    errors = during(lambda: [owner.run(query, p=pattern) for _ in range(5)], threads=2)
    assert served_within(emu) and not errors
    assert owner.data(query, p=pattern)["projects"] == []


def raw_request(emu: RunningEmulator, head: bytes, body: bytes = b"") -> bytes:
    parts = urlsplit(emu.endpoint)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(head + body)
        return sock.recv(65536)


def test_a_huge_body_is_refused_from_its_head(emu: RunningEmulator) -> None:
    length = 100 * 1024 * 1024
    head = (
        f"POST /v1/graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()
    answer = raw_request(emu, head, b'{"query": "')
    assert answer.startswith(b"HTTP/1.1 413") and b"request body too large" in answer
    assert served_within(emu)


def test_deeply_nested_json_is_an_invalid_json_error(emu: RunningEmulator) -> None:
    stranger = httpx.Client(timeout=10)
    body = b"[" * 200_000
    answer = stranger.post(emu.endpoint, content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 200
    assert answer.json()["errors"][0]["extensions"]["code"] == "invalid-json"
    assert served_within(emu)


def test_held_connections_cannot_lock_others_out(
    emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(emulator_proxy, "MAX_CONNECTIONS", 40)
    parts = urlsplit(emu.endpoint)
    held = []
    try:
        for _ in range(60):  # more than the bound, each stuck in the middle of a request
            sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
            sock.sendall(b"POST /v1/graphql HTTP/1.1\r\nHost: x\r\n")
            held.append(sock)
        time.sleep(0.2)
        assert served_within(emu)
    finally:
        for sock in held:
            sock.close()


def test_a_slow_request_is_closed(emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(emulator_proxy, "REQUEST_SECONDS", 0.3)
    parts = urlsplit(emu.endpoint)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(b"POST /v1/graphql HTTP/1.1\r\n")
        started = time.monotonic()
        assert sock.recv(1024) == b""  # closed by the emulator
        assert time.monotonic() - started < 3
