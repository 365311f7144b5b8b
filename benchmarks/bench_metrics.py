"""6. ``%hasura metrics X --since 7d --interval 5m`` (2016 buckets) costs at most 1.3x a
hand-written ``httpx.post`` of the same query plus ``pandas.DataFrame(...)`` of its rows.

The hand-written side replays the very request the magic sends to the Metrics API (captured
once, with its ``Host``), on one keep-alive connection, and makes a DataFrame of the answer:
what someone would write without the magic. The magic's side is everything it does for a
line: parse it, resolve the project (cached) and its metrics host (one management-API call),
validate 2016 typed rows and build the result. Both share the emulator's own time. The
chart is not drawn (it is made on display); its figure, after Altair's first import, is
shown beside the ratio.
"""

from __future__ import annotations

import os

import httpx
from figures import Figure, interleaved_medians, median_seconds

from hasura_cloud_magic.emulator import start

LINE = "metrics bench-metrics --since 7d --interval 5m"


def measure(repeat: int = 60) -> list[Figure]:
    import pandas
    from IPython.core.interactiveshell import InteractiveShell

    with start(step_seconds=0) as emulator:
        os.environ["HASURA_CLOUD_ENDPOINT"] = emulator.endpoint
        os.environ["HASURA_CLOUD_ACCESS_TOKEN"] = emulator.token
        shell = InteractiveShell.instance()
        shell.run_line_magic("load_ext", "hasura_cloud_magic")
        shell.run_line_magic("hasura", "create --cloud aws --region us-east-2 --name bench-metrics")
        magic = lambda: shell.run_line_magic("hasura", LINE)  # noqa: E731
        traffic = magic()  # resolves the target, builds the models and the emulator's table
        assert len(traffic) == 2016, len(traffic)
        url, headers, body = _captured_request(shell, magic)

        def raw() -> object:
            answer = client.post(url, content=body).json()
            return pandas.DataFrame(answer["data"]["search_general_operation_metrics_over_time"])

        with httpx.Client(headers=headers) as client:
            assert len(raw()) == 2016  # type: ignore[arg-type]
            hand, ours = interleaved_medians(raw, magic, repeat)
        assert traffic.chart().spec is not None  # Altair's first import, left out below
        charted = median_seconds(lambda: magic().chart().spec, max(repeat // 4, 5))
        shell.run_line_magic("unload_ext", "hasura_cloud_magic")
    ratio = ours / hand
    return [
        Figure(
            "metrics 7d at 5m / httpx.post + DataFrame",
            ratio,
            "<= 1.3x",
            ratio <= 1.3,
            f"{ours * 1000:.1f} ms vs {hand * 1000:.1f} ms (median of {repeat}); "
            f"with the chart's spec made too: {charted / hand:.2f}x",
        )
    ]


def _captured_request(shell: object, magic: object) -> tuple[str, dict[str, str], bytes]:
    """The URL, headers and exact body the magic posts to the Metrics API for ``LINE``."""
    session = shell.find_magic("hasura").__self__.session  # type: ignore[attr-defined]
    [(http, _)] = session.cloud().metrics._clients.values()
    sent: list[httpx.Request] = []
    http.event_hooks["request"].append(sent.append)
    magic()  # type: ignore[operator]
    http.event_hooks["request"].pop()
    assert len(sent) == 1, sent
    request = sent[0]
    keep = ("authorization", "host", "content-type")
    return str(request.url), {k: v for k, v in request.headers.items() if k in keep}, request.read()
