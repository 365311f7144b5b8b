"""2b. The first command of a fresh kernel: ``%load_ext`` then ``x = %hasura projects``.

Against a fresh process that runs the same ``ListProjects`` document with ``httpx.post`` in
IPython: both start IPython, import what they need and send one request to the same emulator,
so the ratio is what our extension adds to a notebook's first call (imports, model building,
the magic's own work). Each side is timed from the moment the process is started to the
moment its result is in hand (the child prints its clock then): what a person waits for.
The process's teardown afterwards (unloading modules at exit) is not part of that wait and
is left out. Runs are interleaved so machine noise hits both alike.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import NOTEBOOK_DIR, Figure, process_env

from hasura_cloud_magic.emulator import start

QUERIES = Path(__file__).resolve().parent.parent / "queries" / "cloud"
SHELL = "from IPython.core.interactiveshell import InteractiveShell as S; s = S.instance()\n"
OURS = SHELL + (
    "s.run_line_magic('load_ext', 'hasura_cloud_magic')\n"
    "r = s.run_cell('x = %hasura projects'); r.raise_error()\n"
    "assert len(s.user_ns['x']) == 3\n"
    "import time; print(time.time())\n"
)
RAW = SHELL + (
    "r = s.run_cell('''import httpx, os\n"
    "x = httpx.post(os.environ['HASURA_CLOUD_ENDPOINT'], json={'query': os.environ['DOC']},\n"
    "    headers={'Authorization': 'pat ' + os.environ['HASURA_CLOUD_ACCESS_TOKEN']}).json()\n"
    "''')\n"
    "r.raise_error()\n"
    "assert len(s.user_ns['x']['data']['projects']) == 3\n"
    "import time; print(time.time())\n"
)
#: The same post validated by one small pydantic model: the floor of any pydantic-typed
#: client (importing pydantic and building a first schema), shown beside the figure.
TYPED = RAW.replace(
    "r.raise_error()\n",
    "r.raise_error()\n"
    "import pydantic\n"
    "class P(pydantic.BaseModel):\n    id: str\n    name: str\n\n"
    "[P.model_validate(p) for p in s.user_ns['x']['data']['projects']]\n",
)


def _document() -> str:
    """ListProjects with the one fragment it uses (an unused fragment is a GraphQL error)."""
    from graphql import parse, print_ast
    from graphql.language import DocumentNode, FragmentDefinitionNode

    query = parse((QUERIES / "listProjects.graphql").read_text())
    fragments = parse((QUERIES / "fragments.graphql").read_text()).definitions
    used = [f for f in fragments if isinstance(f, FragmentDefinitionNode)]
    used = [f for f in used if f.name.value == "ProjectSummary"]
    return print_ast(DocumentNode(definitions=(*query.definitions, *used)))


def _run(program: str, env: dict[str, str]) -> float:
    """Seconds from starting the process to its result (the wall clock it prints then)."""
    started = time.time()
    run = subprocess.run(
        [sys.executable, "-c", program],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=NOTEBOOK_DIR,
    )
    return float(run.stdout.strip().splitlines()[-1]) - started


def measure(repeat: int = 25) -> list[Figure]:
    with start(step_seconds=0) as emulator:
        from hasura_cloud_magic import ClientSettings, HasuraCloud

        with HasuraCloud(ClientSettings(emulator.endpoint, emulator.token)) as api:
            for index in range(3):
                api.create_project(cloud="aws", region="us-east-2", name=f"first-{index}")
        env = process_env(
            {
                "HASURA_CLOUD_ENDPOINT": emulator.endpoint,
                "HASURA_CLOUD_ACCESS_TOKEN": emulator.token,
                "DOC": _document(),
            }
        )
        _run(OURS, env)  # compiles our sources once, as installing a wheel does
        programs = {"ours": OURS, "raw": RAW, "typed": TYPED}
        runs: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(repeat):
            for name, program in programs.items():
                runs[name].append(_run(program, env))
    ours, raw, typed = (statistics.median(runs[name]) for name in ("ours", "raw", "typed"))
    ratio = ours / raw
    return [
        Figure(
            "first command (load_ext + projects) / httpx.post",
            ratio,
            "<= 1.35x",
            ratio <= 1.35,
            f"{ours * 1000:.0f} ms vs {raw * 1000:.0f} ms (fresh processes, median of {repeat}); "
            f"with one pydantic model over the same post: {typed / raw:.2f}x",
        )
    ]
