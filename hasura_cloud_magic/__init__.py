"""hasura-cloud-magic: the Hasura Cloud management API from Jupyter and IPython.

    %load_ext hasura_cloud_magic
    %hasura help

Loading is cheap: nothing heavy is imported until a command needs it.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def load_ipython_extension(shell: Any) -> None:
    from hasura_cloud_magic.magics import register

    register(shell)


def unload_ipython_extension(shell: Any) -> None:
    from hasura_cloud_magic.magics import unregister

    unregister(shell)
