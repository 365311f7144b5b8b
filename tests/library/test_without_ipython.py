"""The library at the root is plain Python: it imports and works with IPython, ipywidgets
and traitlets impossible to import (a fresh interpreter with an import blocker).

The run talks to a real emulator: create a project, write env edits by the one rule, change
a fleet, render results as text and HTML, delete what it made.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from paths import ROOT

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    BLOCKED = ("IPython", "ipywidgets", "traitlets", "ipykernel")

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked for this test")
            return None

    sys.meta_path.insert(0, Blocker())

    import hasura_cloud_magic
    front_ends = {"magics", "widgets"}
    names = [m.name for m in pkgutil.iter_modules(hasura_cloud_magic.__path__)]
    library = [n for n in names if n not in front_ends]
    for name in library:
        importlib.import_module(f"hasura_cloud_magic.{name}")

    from hasura_cloud_magic import ClientSettings, HasuraCloud
    from hasura_cloud_magic.emulator import start
    from hasura_cloud_magic.env_plan import EnvEdits
    from hasura_cloud_magic.env_writer import apply_edits
    from hasura_cloud_magic.fleet import apply_fleet, plan_fleet
    from hasura_cloud_magic.results import Project
    from hasura_cloud_magic.targets import resolve, resolve_glob

    with start(step_seconds=0) as emulator:
        settings = ClientSettings(endpoint=emulator.endpoint, token=emulator.token)
        with HasuraCloud(settings) as api:
            created = api.create_project(cloud="aws", region="us-east-2", name="plain-one")
            api.create_project(cloud="aws", region="us-east-2", name="plain-two")
            target = resolve(api, "plain-one")
            apply_edits(api, api.get_env(target.tenant_id), EnvEdits({"K": "v"}))
            plan = plan_fleet(api, resolve_glob(api, "plain-*"), EnvEdits({"F": "1"}))
            result = apply_fleet(api, plan)
            project = Project.from_api(api.list_projects()[0])
            rendered = repr(result) + result._repr_html_() + repr(project)
            for summary in api.list_projects():
                api.delete_tenant(summary.tenant.id)
    blocked_loaded = [m for m in sys.modules if m.split(".")[0] in BLOCKED]
    print(len(library), result.summary(), "K" in rendered or "plain" in rendered, blocked_loaded)
    """
)


def test_the_library_runs_without_ipython_ipywidgets_or_traitlets() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    count, *rest = run.stdout.split(maxsplit=1)
    assert int(count) >= 15  # every root module was imported
    assert rest[0].strip() == "2 applied, 0 unchanged, 0 conflict, 0 failed True []"


def test_the_blocker_really_blocks() -> None:
    probe = SCRIPT.split("import hasura_cloud_magic")[0] + "import IPython\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode != 0 and "IPython is blocked" in run.stderr
