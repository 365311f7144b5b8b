"""1. ``%load_ext hasura_cloud_magic`` is cheap: within 1.2x of a bare IPython start; vs jupysql."""

from __future__ import annotations

import statistics
import subprocess
import sys

from figures import NOTEBOOK_DIR, Figure, median_seconds, process_env

SHELL = "from IPython.core.interactiveshell import InteractiveShell as S; s = S.instance()"
PROGRAMS = {
    "bare": SHELL,
    "ours": SHELL + "; s.run_line_magic('load_ext', 'hasura_cloud_magic')",
    "jupysql": SHELL + "; s.run_line_magic('load_ext', 'sql')",
}


def _start(program: str) -> None:
    subprocess.run(
        [sys.executable, "-c", program],
        check=True,
        capture_output=True,
        env=process_env(),
        cwd=NOTEBOOK_DIR,
    )


def measure(repeat: int = 15) -> list[Figure]:
    runs: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    _start(PROGRAMS["ours"])  # compiles our sources once, as installing a wheel does
    for _ in range(repeat):  # interleaved, so machine noise hits all three alike
        for name, program in PROGRAMS.items():
            runs[name].append(median_seconds(lambda p=program: _start(p), 1))
    times = {name: statistics.median(values) for name, values in runs.items()}
    overhead = times["ours"] / times["bare"] - 1
    detail = f"bare {times['bare'] * 1000:.0f} ms, with ours {times['ours'] * 1000:.0f} ms"
    figures = [
        Figure(
            "load_ext overhead on a bare IPython start (%)",
            overhead * 100,
            "<= 20 %",
            overhead <= 0.20,
            detail,
        )
    ]
    try:
        _start(PROGRAMS["jupysql"])
    except subprocess.CalledProcessError:
        figures.append(
            Figure(
                "load_ext vs jupysql's %load_ext sql",
                float("nan"),
                "<= 1.0x",
                False,
                "jupysql is not installed: pip install jupysql",
            )
        )
        return figures
    ratio = (times["ours"] - times["bare"]) / max(times["jupysql"] - times["bare"], 1e-9)
    figures.append(
        Figure(
            "load_ext cost / jupysql's load_ext cost",
            ratio,
            "<= 1.0x",
            ratio <= 1.0,
            f"jupysql start {times['jupysql'] * 1000:.0f} ms",
        )
    )
    return figures
