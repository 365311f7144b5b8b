"""hasura-cloud-magic: the Hasura Cloud management API from Jupyter and IPython.

    %load_ext hasura_cloud_magic
    %hasura help

Or, in plain Python (no IPython needed)::

    from hasura_cloud_magic import ClientSettings, HasuraCloud

    with HasuraCloud(ClientSettings.from_env()) as api:
        print([project.name for project in api.list_projects()])

Loading is cheap: nothing heavy is imported until a command (or a name below) needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hasura_cloud_magic.api import HasuraCloud
    from hasura_cloud_magic.settings import ClientSettings

__all__ = [
    "ClientSettings",
    "HasuraCloud",
    "__version__",
    "load_ipython_extension",
    "unload_ipython_extension",
]

_LAZY = {
    "HasuraCloud": "hasura_cloud_magic.api",
    "ClientSettings": "hasura_cloud_magic.settings",
}


def __getattr__(name: str) -> Any:
    """``__version__`` and the public classes, imported on first use (PEP 562)."""
    if name == "__version__":
        from importlib.metadata import version

        return version("hasura-cloud-magic")
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'hasura_cloud_magic' has no attribute {name!r}")


def load_ipython_extension(shell: Any) -> None:
    from hasura_cloud_magic.magics import register

    register(shell)


def unload_ipython_extension(shell: Any) -> None:
    from hasura_cloud_magic.magics import unregister

    unregister(shell)
