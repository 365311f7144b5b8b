"""Where the GraphQL schemas the emulator serves live: the management and Metrics APIs'."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_QUERIES = Path(__file__).resolve().parents[2] / "queries"
# The wheel ships queries/cloud/schema.graphql as hasura_cloud_magic/schema.graphql and
# queries/metrics/schema.graphql as hasura_cloud_magic/metrics_schema.graphql (pyproject.toml).
_INSTALLED_NAME = "schema.graphql"
_CHECKOUT_PATH = _QUERIES / "cloud" / "schema.graphql"
_METRICS_INSTALLED_NAME = "metrics_schema.graphql"
_METRICS_CHECKOUT_PATH = _QUERIES / "metrics" / "schema.graphql"


def schema_path() -> Path:
    """The installed schema if there is one, else the checkout's queries/cloud/schema.graphql."""
    return _find(_INSTALLED_NAME, _CHECKOUT_PATH)


def metrics_schema_path() -> Path:
    """The installed Metrics API schema, else the checkout's queries/metrics/schema.graphql."""
    return _find(_METRICS_INSTALLED_NAME, _METRICS_CHECKOUT_PATH)


def _find(installed_name: str, checkout_path: Path) -> Path:
    installed = resources.files("hasura_cloud_magic").joinpath(installed_name)
    if installed.is_file():
        return Path(str(installed))
    if checkout_path.is_file():
        return checkout_path
    raise FileNotFoundError(
        f"GraphQL schema not found: neither the installed hasura_cloud_magic/{installed_name} "
        f"nor the source checkout's {checkout_path} exists; reinstall hasura-cloud-magic"
    )
