"""The Metrics API's reconstructed schema builds, and every operation we or real clients send
to it validates against it (the real clients' documents unchanged)."""

from pathlib import Path

import pytest
from graphql import GraphQLSchema, OperationDefinitionNode, build_schema, parse, validate
from paths import METRICS_SCHEMA, REAL_CLIENTS, SCHEMA, metrics_operation_files

#: Root fields the console's monitoring pages and a server-side PAT client call.
REAL_ROOT_FIELDS = {
    "query_root": {
        "searchUsageMetrics",
        "searchUsageMetricsAggregate",
        "searchErrorMetrics",
        "searchErrorMetricsAggregate",
        "search_usage_over_time",
        "search_errors_over_time",
        "search_general_operation_metrics_over_time",
        "search_operation_name_summaries",
        "operation_logs",
        "operations",
        "http_logs",
        "database_metrics",
    },
    "subscription_root": {
        "search_summary_metrics",
        "search_latest_project_metrics",
        "search_requests_over_time",
    },
}
REAL_CLIENT_FILES = sorted((REAL_CLIENTS / "metrics").glob("*.graphql"))


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(METRICS_SCHEMA.read_text())


def test_schema_has_the_real_root_fields(schema: GraphQLSchema) -> None:
    for root, fields in REAL_ROOT_FIELDS.items():
        assert fields <= set(schema.get_type(root).fields)  # type: ignore[union-attr]


def test_schema_is_not_the_management_api(schema: GraphQLSchema) -> None:
    management = build_schema(SCHEMA.read_text())
    assert "searchUsageMetrics" not in management.query_type.fields  # type: ignore[union-attr]
    assert "projects" not in schema.query_type.fields  # type: ignore[union-attr]


@pytest.mark.parametrize("path", metrics_operation_files(), ids=lambda p: p.name)
def test_operation_file_validates_with_every_rule(schema: GraphQLSchema, path: Path) -> None:
    document = parse(path.read_text())
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert len(operations) == 1
    assert validate(schema, document) == []


def test_real_client_corpus_is_complete() -> None:
    names = {path.name for path in REAL_CLIENT_FILES}
    assert len([n for n in names if n.startswith("console_")]) == 11
    assert "server_job_usage.graphql" in names


@pytest.mark.parametrize("path", REAL_CLIENT_FILES, ids=lambda p: p.name)
def test_real_client_document_validates(schema: GraphQLSchema, path: Path) -> None:
    assert validate(schema, parse(path.read_text())) == []


def test_a_misspelt_field_is_refused(schema: GraphQLSchema) -> None:
    document = parse(
        'query { searchUsageMetrics(args: {from_time: "2026-01-01", to_time: "2026-01-02"})'
        " { request_cnt } }"
    )
    errors = validate(schema, document)
    assert errors and "request_cnt" in errors[0].message
