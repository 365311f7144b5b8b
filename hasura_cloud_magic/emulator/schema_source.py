"""Where the GraphQL schema the emulator serves lives."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# The wheel ships queries/cloud/schema.graphql as hasura_cloud_magic/schema.graphql (pyproject.toml).
_INSTALLED_NAME = "schema.graphql"
_CHECKOUT_PATH = Path(__file__).resolve().parents[2] / "queries" / "cloud" / "schema.graphql"


def schema_path() -> Path:
    """The installed schema if there is one, else the source checkout's queries/cloud/schema.graphql."""
    installed = resources.files("hasura_cloud_magic").joinpath(_INSTALLED_NAME)
    if installed.is_file():
        return Path(str(installed))
    if _CHECKOUT_PATH.is_file():
        return _CHECKOUT_PATH
    raise FileNotFoundError(
        f"GraphQL schema not found: neither the installed hasura_cloud_magic/{_INSTALLED_NAME} "
        f"nor the source checkout's {_CHECKOUT_PATH} exists; reinstall hasura-cloud-magic"
    )
