"""Where the project's inputs live, for tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
SCHEMA = QUERIES / "schema.graphql"
GENERATED = ROOT / "generated"
REAL_CLIENTS = ROOT / "tests" / "real_clients"


def operation_files() -> list[Path]:
    """queries/*.graphql except the schema itself."""
    return sorted(path for path in QUERIES.glob("*.graphql") if path != SCHEMA)
