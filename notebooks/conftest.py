"""pytest --nbval runs every notebook here top to bottom and compares outputs.

nbval starts each kernel before any fixture runs, so the environment is made hermetic at
import time (see notebook_env.py); the notebooks then start the embedded emulator.
Volatile parts of outputs (ids, hashes, ports, times) are masked by sanitize.cfg.
"""

from notebook_env import make_hermetic

make_hermetic()
