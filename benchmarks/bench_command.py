"""2. ``%hasura env show X`` costs at most 1.3x a hand-written httpx.post of the same document.

The hand-written side replays the very request body the magic sends (captured once), on one
keep-alive connection, so the comparison is the magic's own overhead: parsing the line,
resolving the target (cached), validating the typed result and building the masked view.
"""

from __future__ import annotations

import os

import httpx
from figures import Figure, median_seconds

from hasura_cloud_magic.emulator import start


def measure(repeat: int = 300) -> list[Figure]:
    from IPython.core.interactiveshell import InteractiveShell

    with start(step_seconds=0) as emulator:
        os.environ["HASURA_CLOUD_ENDPOINT"] = emulator.endpoint
        os.environ["HASURA_CLOUD_ACCESS_TOKEN"] = emulator.token
        shell = InteractiveShell.instance()
        shell.run_line_magic("load_ext", "hasura_cloud_magic")
        shell.run_line_magic("hasura", "create --cloud aws --region us-east-2 --name bench-env")
        magic = lambda: shell.run_line_magic("hasura", "env show bench-env")  # noqa: E731
        magic()  # resolves and caches the target, builds the models
        body = _captured_body(shell, magic)
        headers = {"Authorization": f"pat {emulator.token}", "Content-Type": "application/json"}
        with httpx.Client(headers=headers) as client:
            raw = median_seconds(
                lambda: client.post(emulator.endpoint, content=body).json(), repeat
            )
        ours = median_seconds(magic, repeat)
        shell.run_line_magic("unload_ext", "hasura_cloud_magic")
    ratio = ours / raw
    return [
        Figure(
            "env show / hand-written httpx.post",
            ratio,
            "<= 1.3x",
            ratio <= 1.3,
            f"{ours * 1000:.2f} ms vs {raw * 1000:.2f} ms (median of {repeat})",
        )
    ]


def _captured_body(shell: object, magic: object) -> bytes:
    """The exact bytes the magic posts for ``env show`` (one request after caching)."""
    session = shell.find_magic("hasura").__self__.session  # type: ignore[attr-defined]
    http = session.cloud()._http
    bodies: list[bytes] = []
    http.event_hooks["request"].append(lambda request: bodies.append(request.read()))
    magic()  # type: ignore[operator]
    http.event_hooks["request"].pop()
    assert len(bodies) == 1, bodies
    return bodies[0]
