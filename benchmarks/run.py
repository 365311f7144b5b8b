"""Run every benchmark once and print each figure beside its target.

    .venv/bin/python benchmarks/run.py            # all of them (about a minute)
    .venv/bin/python benchmarks/run.py load fleet # some

Figures are ratios or rates measured within one run on this machine, never absolute timings
asserted in tests. Exit status 1 if a target is not met.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BENCHMARKS = ["load", "first_command", "command", "fleet", "polling", "emulator", "metrics"]


def main(names: list[str]) -> int:
    figures = []
    for name in names or BENCHMARKS:
        module = importlib.import_module(f"bench_{name}")
        print(f"running {name}…", file=sys.stderr, flush=True)
        figures += module.measure()
    for figure in figures:
        print(figure.line())
    return 0 if all(figure.met for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
