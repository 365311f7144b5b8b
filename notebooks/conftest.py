"""pytest --nbval runs every notebook here top to bottom and compares outputs.

nbval starts each kernel before any fixture runs, so the environment is made hermetic at
import time (see notebook_env.py); the notebooks then start the embedded emulator.
Volatile parts of outputs (ids, hashes, ports, times) are masked by sanitize.cfg — in text
and, since charts are JSON outputs (Vega-Lite), in every string inside a JSON output too.
"""

from notebook_env import make_hermetic, sanitize_json_outputs

make_hermetic()
sanitize_json_outputs()
