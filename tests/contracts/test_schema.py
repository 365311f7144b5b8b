"""The schema builds, and every operation we or real clients send validates against it."""

from pathlib import Path

import pytest
from graphql import (
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
    validate,
)
from paths import REAL_CLIENTS, SCHEMA, operation_files

REAL_NAMES = {
    "query_root": [
        "projects",
        "projects_by_pk",
        "tenant",
        "tenant_by_pk",
        "jobs_by_pk",
        "region",
        "getTenantEnv",
    ],
    "mutation_root": [
        "createTenant",
        "deleteTenant",
        "updateTenantEnv",
        "deleteTenantEnv",
        "updateTenantName",
        "createGitHubPreviewApp",
    ],
}


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(SCHEMA.read_text())


def _fragments() -> str:
    return (SCHEMA.parent / "fragments.graphql").read_text()


def test_schema_has_the_real_root_fields(schema: GraphQLSchema) -> None:
    assert schema.query_type is not None and schema.query_type.name == "query_root"
    assert schema.mutation_type is not None and schema.mutation_type.name == "mutation_root"
    for root, fields in REAL_NAMES.items():
        assert set(fields) <= set(schema.get_type(root).fields)  # type: ignore[union-attr]


def test_schema_keeps_two_env_input_types(schema: GraphQLSchema) -> None:
    create_envs = schema.mutation_type.fields["createTenant"].args["envs"].type  # type: ignore[union-attr]
    update_envs = schema.mutation_type.fields["updateTenantEnv"].args["envs"].type  # type: ignore[union-attr]
    assert str(create_envs) == "[UpdateEnvsObject]"
    assert str(update_envs) == "[UpdateEnvObject!]!"


def test_scalars_are_hasuras(schema: GraphQLSchema) -> None:
    for name in ("uuid", "jsonb", "timestamptz"):
        assert schema.get_type(name) is not None


@pytest.mark.parametrize("path", operation_files(), ids=lambda p: p.name)
def test_operation_file_validates_with_every_rule(schema: GraphQLSchema, path: Path) -> None:
    text = path.read_text()
    document = parse(text if path.name == "fragments.graphql" else text + _fragments())
    errors = [e for e in validate(schema, document) if "is never used" not in e.message]
    assert errors == []


@pytest.mark.parametrize("path", operation_files(), ids=lambda p: p.name)
def test_one_operation_per_file(path: Path) -> None:
    operations = [
        d for d in parse(path.read_text()).definitions if isinstance(d, OperationDefinitionNode)
    ]
    assert len(operations) == (0 if path.name == "fragments.graphql" else 1)


def test_documented_operations_and_extras_all_have_a_file() -> None:
    names = {path.stem for path in operation_files()}
    assert names >= {
        "createTenant",
        "getProjectTenantId",
        "getTenantDetails",
        "deleteTenant",
        "getTenantEnv",
        "updateTenantEnv",
        "createGitHubPreviewApp",
        "getPreviewAppCreationStatus",
        "listProjects",
        "getProjectByName",
        "deleteTenantEnv",
        "updateTenantName",
        "listRegions",
        "getDeploymentJobStatus",
    }


REAL_CLIENT_FILES = sorted(REAL_CLIENTS.glob("*.graphql"))


def test_real_client_corpus_is_complete() -> None:
    sources = {path.name.split("_")[0] for path in REAL_CLIENT_FILES}
    assert {"docs", "action", "infisical", "terraform", "issue6676"} <= sources
    assert len([p for p in REAL_CLIENT_FILES if p.name.startswith("docs_")]) == 8


@pytest.mark.parametrize("path", REAL_CLIENT_FILES, ids=lambda p: p.name)
def test_real_client_operation_validates(schema: GraphQLSchema, path: Path) -> None:
    assert validate(schema, parse(path.read_text())) == []


def test_wrong_env_input_type_is_rejected(schema: GraphQLSchema) -> None:
    document = parse(
        "mutation ($envs: [UpdateEnvObject!]) "
        '{ createTenant(cloud: "aws", region: "us-east-2", envs: $envs) { id } }'
    )
    errors = validate(schema, document)
    assert errors and "UpdateEnvObject" in errors[0].message
