"""Run notebooks top to bottom and save them with their outputs (after editing one).

    python notebooks/refresh.py                 # all of them
    python notebooks/refresh.py quickstart      # one

They run exactly as ``pytest --nbval`` runs them: hermetic environment, embedded emulator.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from notebook_env import make_hermetic

HERE = Path(__file__).resolve().parent


def refresh(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        record_timing=False,  # no per-cell timestamps in committed files
        resources={"metadata": {"path": str(HERE)}},
    ).execute()
    nbformat.write(notebook, path)
    print(f"refreshed {path.name}")


def main(names: list[str]) -> None:
    make_hermetic()
    paths = [HERE / f"{name}.ipynb" for name in names] or sorted(HERE.glob("*.ipynb"))
    for path in paths:
        refresh(path)


if __name__ == "__main__":
    main(sys.argv[1:])
