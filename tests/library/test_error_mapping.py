"""The API's real error shapes map to the right one-line errors."""

import pytest
from hasura_cloud_client import GraphQLClientGraphQLError, GraphQLClientGraphQLMultiError

from hasura_cloud_magic.error_mapping import from_client_error, from_graphql_error
from hasura_cloud_magic.errors import (
    ApiError,
    AuthenticationError,
    HashConflictError,
    ServerError,
)


def error(message: str, **extensions: object) -> GraphQLClientGraphQLError:
    return GraphQLClientGraphQLError(message=message, extensions=extensions)


@pytest.mark.parametrize("root", ["query_root", "mutation_root"])
def test_hidden_field_is_an_authentication_error(root: str) -> None:
    mapped = from_graphql_error(
        error(
            f"field \"projects\" not found in type: '{root}'",
            code="validation-failed",
            path="$.selectionSet.projects",
        ),
        "ListProjects",
    )
    assert isinstance(mapped, AuthenticationError)
    assert "token missing, invalid or without access" in str(mapped)
    assert "'projects'" in str(mapped) and root in str(mapped)


def test_other_validation_errors_stay_api_errors() -> None:
    mapped = from_graphql_error(
        error("field \"nope\" not found in type: 'projects'", code="validation-failed"), "Q"
    )
    assert type(mapped) is ApiError and mapped.code == "validation-failed"


def test_generic_server_error_carries_its_id() -> None:
    mapped = from_graphql_error(
        error(
            "there was an internal error while serving your request",
            code="GenericServerError",
            id="7d0b2f5e-6b0c-4b5e-9a53-1f6a5b0c9d11",
        ),
        "CreateTenant",
    )
    assert isinstance(mapped, ServerError)
    assert mapped.error_id == "7d0b2f5e-6b0c-4b5e-9a53-1f6a5b0c9d11"
    assert str(mapped) == (
        "CreateTenant: there was an internal error while serving your request "
        "(error id 7d0b2f5e-6b0c-4b5e-9a53-1f6a5b0c9d11)"
    )


@pytest.mark.parametrize("operation", ["UpdateTenantEnv", "DeleteTenantEnv"])
def test_stale_hash_on_env_writes_is_a_conflict(operation: str) -> None:
    mapped = from_graphql_error(error("hash mismatch: env changed", code="unexpected"), operation)
    assert isinstance(mapped, HashConflictError)


def test_hash_in_other_operations_is_not_a_conflict() -> None:
    mapped = from_graphql_error(error("bad hash", code="unexpected"), "CreateTenant")
    assert type(mapped) is ApiError


def test_api_error_keeps_message_code_and_operation() -> None:
    mapped = from_graphql_error(error("project name already taken", code="unexpected"), "X")
    # The line a person reads is the server's message; the rest is there for code.
    assert str(mapped) == "project name already taken"
    assert isinstance(mapped, ApiError) and (mapped.operation, mapped.code) == ("X", "unexpected")


def test_first_of_several_errors_is_reported() -> None:
    multi = GraphQLClientGraphQLMultiError(errors=[error("first"), error("second")])
    assert str(from_client_error(multi, "Q", mutation=False)) == "first"
