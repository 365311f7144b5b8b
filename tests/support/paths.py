"""Where the project's inputs live, for tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
#: The management API: its schema and operations.
CLOUD_QUERIES = QUERIES / "cloud"
SCHEMA = CLOUD_QUERIES / "schema.graphql"
#: The Metrics API: its schema, operations and ariadne-codegen configuration.
METRICS_QUERIES = QUERIES / "metrics"
METRICS_SCHEMA = METRICS_QUERIES / "schema.graphql"
METRICS_CODEGEN_CONFIG = METRICS_QUERIES / "codegen.toml"
GENERATED = ROOT / "generated"
REAL_CLIENTS = ROOT / "tests" / "real_clients"


def operation_files() -> list[Path]:
    """queries/cloud/*.graphql except the schema itself."""
    return sorted(path for path in CLOUD_QUERIES.glob("*.graphql") if path != SCHEMA)


def metrics_operation_files() -> list[Path]:
    """queries/metrics/*.graphql except the schema itself."""
    return sorted(path for path in METRICS_QUERIES.glob("*.graphql") if path != METRICS_SCHEMA)
