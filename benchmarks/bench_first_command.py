"""2b. The first command of a fresh kernel: ``%load_ext`` then ``x = %hasura projects``.

Against a fresh process that runs the same ``ListProjects`` document with ``httpx.post`` in
IPython: both start IPython, import what they need and send one request to the same emulator,
so the ratio is what our extension adds to a notebook's first call (imports, model building,
the magic's own work). Runs are interleaved so machine noise hits both alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure

from hasura_cloud_magic.emulator import start

QUERIES = Path(__file__).resolve().parent.parent / "queries"
SHELL = "from IPython.core.interactiveshell import InteractiveShell as S; s = S.instance()\n"
OURS = SHELL + (
    "s.run_line_magic('load_ext', 'hasura_cloud_magic')\n"
    "r = s.run_cell('x = %hasura projects'); r.raise_error()\n"
    "assert len(s.user_ns['x']) == 3\n"
)
RAW = SHELL + (
    "r = s.run_cell('''import httpx, os\n"
    "x = httpx.post(os.environ['HASURA_CLOUD_ENDPOINT'], json={'query': os.environ['DOC']},\n"
    "    headers={'Authorization': 'pat ' + os.environ['HASURA_CLOUD_ACCESS_TOKEN']}).json()\n"
    "''')\n"
    "r.raise_error()\n"
    "assert len(s.user_ns['x']['data']['projects']) == 3\n"
)


def _document() -> str:
    return "\n".join(
        (QUERIES / name).read_text() for name in ("listProjects.graphql", "fragments.graphql")
    )


def _run(program: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", program], check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def measure(repeat: int = 15) -> list[Figure]:
    with start(step_seconds=0) as emulator:
        from hasura_cloud_magic import ClientSettings, HasuraCloud

        with HasuraCloud(ClientSettings(emulator.endpoint, emulator.token)) as api:
            for index in range(3):
                api.create_project(cloud="aws", region="us-east-2", name=f"first-{index}")
        env = {
            **os.environ,
            "HASURA_CLOUD_ENDPOINT": emulator.endpoint,
            "HASURA_CLOUD_ACCESS_TOKEN": emulator.token,
            "DOC": _document(),
        }
        env.pop("PYTHONPATH", None)
        runs: dict[str, list[float]] = {"ours": [], "raw": []}
        for _ in range(repeat):
            runs["ours"].append(_run(OURS, env))
            runs["raw"].append(_run(RAW, env))
    ours, raw = statistics.median(runs["ours"]), statistics.median(runs["raw"])
    ratio = ours / raw
    return [
        Figure(
            "first command (load_ext + projects) / httpx.post",
            ratio,
            "<= 1.35x",
            ratio <= 1.35,
            f"{ours * 1000:.0f} ms vs {raw * 1000:.0f} ms (fresh processes, median of {repeat})",
        )
    ]
