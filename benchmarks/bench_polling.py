"""4. Following a preview app sends no more requests than the official action's 2-second
cadence, and reports completion within one poll interval."""

from __future__ import annotations

import os
import time

import httpx
from figures import Figure

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.preview_apps import POLL_INTERVAL_SECONDS, PreviewProgress, follow
from hasura_cloud_magic.settings import ClientSettings

STEP_SECONDS = 0.5  # the emulator's preview app is healthy 8 steps after the request


def measure() -> list[Figure]:
    sent: list[str] = []
    polls: list[PreviewProgress] = []
    with start(step_seconds=STEP_SECONDS) as emulator:
        client = httpx.Client(
            headers={"Authorization": f"pat {emulator.token}"},
            event_hooks={"request": [lambda request: sent.append(request.url.path)]},
        )
        settings = ClientSettings(endpoint=emulator.endpoint, token=emulator.token)
        with HasuraCloud(settings, http_client=client) as cloud:
            job = cloud.create_preview_app(
                name="bench-pv",
                owner="o",
                repo="r",
                branch="b",
                directory="",
                github_token=os.environ.get("BENCH_GITHUB_TOKEN", "ghp_" + "0" * 36),
            )
            created = time.monotonic()
            sent.clear()
            result = follow(
                cloud,
                job,
                wait=True,
                timeout=60,
                interval=POLL_INTERVAL_SECONDS,
                on_update=polls.append,
            )
            seen = time.monotonic()
    healthy_at = created + 8 * STEP_SECONDS
    lag = seen - healthy_at
    # The action: one request per poll, plus the immediate deployment poll when the
    # creation job turns to success.
    action = len(polls) + 1
    return [
        Figure(
            "requests sent / the action's for the same polls",
            len(sent) / action,
            "<= 1.0x",
            len(sent) <= action and result.succeeded,
            f"{len(sent)} requests over {len(polls)} polls",
        ),
        Figure(
            "completion seen after it happened (s)",
            lag,
            f"<= {POLL_INTERVAL_SECONDS:g} s",
            lag <= POLL_INTERVAL_SECONDS,
            f"poll interval {POLL_INTERVAL_SECONDS:g} s",
        ),
    ]
