"""Loading the extension is cheap: nothing heavy is imported until a command needs it."""

import subprocess
import sys

HEAVY = ["httpx", "pydantic", "hasura_cloud_client", "ipywidgets", "graphql", "ariadne", "uvicorn"]

PROBE = f"""
import sys
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
shell.run_line_magic("load_ext", "hasura_cloud_magic")
assert shell.find_line_magic("hasura") is not None
print(sorted(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_load_ext_imports_nothing_heavy(tmp_path: object) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=str(tmp_path)
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
