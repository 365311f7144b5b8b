"""What every benchmark reports: a measured figure, its target, and whether it is met."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

#: Fresh processes compile our (editable-installed) sources once into this folder and then
#: reuse the bytecode, as an installed wheel would; PYTHONDONTWRITEBYTECODE would otherwise
#: make every run compile them again and measure the compiler.
_BYTECODE = tempfile.mkdtemp(prefix="hcm-bench-pycache-")
#: Where measured processes run: an empty folder, like a notebook's (not this repository,
#: whose own pyproject.toml the extension would read for settings).
NOTEBOOK_DIR = tempfile.mkdtemp(prefix="hcm-bench-notebook-")


def process_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a measured fresh process: bytecode cached like an installed wheel."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": _BYTECODE, **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    return env


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    target: str
    met: bool
    detail: str = ""

    def line(self) -> str:
        mark = "met" if self.met else "NOT MET"
        return f"{self.name:<44} {self.value:>8.2f}  target {self.target:<12} {mark}  {self.detail}"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs of ``action``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def interleaved_medians(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """The median wall times of ``first`` and ``second``, run in turns so that the machine's
    drift (another process, a warming cache) falls on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, kept in zip((first, second), times, strict=True):
            started = time.perf_counter()
            action()
            kept.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])
