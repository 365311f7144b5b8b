"""Turn what the transport and the generated client raise into :mod:`hasura_cloud_magic.errors`.

The Hasura Cloud API is a Hasura GraphQL Engine: it answers HTTP 200 with an ``errors`` list
even for a bad token. The shapes recognised here are the real ones (reference §2):

* ``field "projects" not found in type: 'query_root'``, code ``validation-failed`` — the
  token is missing or invalid, so the role's schema lacks the field → AuthenticationError;
* code ``GenericServerError`` with an ``id`` → ServerError carrying that id;
* a message mentioning the hash on an env write → HashConflictError (the real text is not
  public; the emulator says ``hash mismatch ...``);
* code ``access-denied`` (an action the token's privileges do not allow) or
  ``permission-error`` (Hasura's "check constraint of an insert permission has failed": a
  row the role may not write) → PermissionDeniedError;
* anything else → ApiError with the server's message and code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import hasura_cloud_client as cloud_client
import hasura_metrics_client as metrics_client
import httpx

from hasura_cloud_magic.errors import (
    ApiError,
    AuthenticationError,
    HashConflictError,
    HasuraCloudError,
    PermissionDeniedError,
    ServerError,
    TransportError,
)
from hasura_cloud_magic.redaction import mask_secrets

_HIDDEN_FIELD = re.compile(
    r"""field ["'](?P<field>[^"']+)["'] not found in type: '(?P<root>\w+_root)'"""
)
_HASH_CONFLICT = re.compile(r"\bhash\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mutation:
    """What the client must know of each mutation in ``queries/``."""

    #: How to find out whether it landed when its outcome is unknown.
    check: str
    #: Quotes the env's hash: a refusal that mentions the hash is a HashConflictError.
    env_write: bool = False


#: Every mutation operation in ``queries/``, by operation name: the one list. A mutation is
#: never retried after it may have been sent (retry.py), so one missing here would be
#: retried as if it were a read; tests/contracts/test_mutations.py checks the list.
MUTATIONS: dict[str, Mutation] = {
    "CreateTenant": Mutation("look for the project (%hasura projects) before creating it again"),
    "CreateGitHubPreviewApp": Mutation(
        "look for the app by name (%hasura projects --name NAME) before creating it again"
    ),
    "UpdateTenantEnv": Mutation(
        "read the env again (%hasura env show TARGET) before retrying", env_write=True
    ),
    "DeleteTenantEnv": Mutation(
        "read the env again (%hasura env show TARGET) before retrying", env_write=True
    ),
    "DeleteTenant": Mutation("check whether the project still exists (%hasura project TARGET)"),
    "UpdateTenantName": Mutation("check the project's name (%hasura project TARGET)"),
    "CheckDBLatency": Mutation("it only measures: run %hasura db-latency TARGET again"),
    "ReactivateSuspendedProject": Mutation(
        "check whether the project is active (%hasura health TARGET) before retrying"
    ),
    "AddCustomDomain": Mutation("list the project's domains (%hasura domains TARGET) first"),
    "DeleteCustomDomain": Mutation("list the project's domains (%hasura domains TARGET) first"),
    "InviteCollaborator": Mutation("list who has access (%hasura collaborators TARGET) first"),
    "ResendInvite": Mutation("list who has access (%hasura collaborators TARGET) first"),
    "RevokeInvitation": Mutation("list who has access (%hasura collaborators TARGET) first"),
    "RemoveCollaborator": Mutation("list who has access (%hasura collaborators TARGET) first"),
    "SetCollaboratorPrivileges": Mutation(
        "list who has access (%hasura collaborators TARGET) first"
    ),
    "AcceptInvite": Mutation("list your invitations (%hasura invitations) first"),
    "DeclineInvite": Mutation("list your invitations (%hasura invitations) first"),
}
_DEFAULT_CHECK = "read the current state before retrying"


def is_mutation(operation: str) -> bool:
    """Whether ``operation`` (an operation name of ``queries/``) is a mutation."""
    return operation in MUTATIONS


def unknown_outcome(operation: str) -> str:
    """The sentence every error of a possibly-applied mutation ends with."""
    known = MUTATIONS.get(operation)
    check = known.check if known else _DEFAULT_CHECK
    return f"the change may or may not have been applied — {check}"


# The two generated clients (management API, Metrics API) raise classes of the same shapes.
GraphQLClientError = cloud_client.GraphQLClientError | metrics_client.GraphQLClientError
GraphQLClientGraphQLError = (
    cloud_client.GraphQLClientGraphQLError | metrics_client.GraphQLClientGraphQLError
)
_MULTI = (
    cloud_client.GraphQLClientGraphQLMultiError,
    metrics_client.GraphQLClientGraphQLMultiError,
)
_HTTP = (cloud_client.GraphQLClientHttpError, metrics_client.GraphQLClientHttpError)
_INVALID = (
    cloud_client.GraphQLClientInvalidResponseError,
    metrics_client.GraphQLClientInvalidResponseError,
)
#: What a call through either generated client may raise (besides pydantic's validation).
CLIENT_ERRORS = (
    cloud_client.GraphQLClientError,
    metrics_client.GraphQLClientError,
    httpx.HTTPError,
)

# Failing before the request left the machine: a mutation cannot have been applied.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def from_graphql_error(
    error: GraphQLClientGraphQLError,
    operation: str,
    *,
    mutation: bool = False,
    token_works: bool = False,
) -> HasuraCloudError:
    """One GraphQL error object → the matching HasuraCloudError.

    ``token_works``: this token has been answered before, so a hidden root field is most
    likely a typo (the API answers both the same way) rather than a bad token.
    """
    extensions = error.extensions or {}
    code = str(extensions.get("code")) if extensions.get("code") else None
    hidden = _HIDDEN_FIELD.search(error.message)
    if code == "validation-failed" and hidden and hidden["root"] in ("query_root", "mutation_root"):
        if token_works:
            return ApiError(
                f"unknown field {hidden['field']!r} of {hidden['root']} "
                "(or this token has no access to it)",
                code=code,
                operation=operation,
            )
        return AuthenticationError(
            f"Hasura Cloud token missing, invalid or without access "
            f"(the API hid field {hidden['field']!r} of {hidden['root']})"
        )
    if code == "GenericServerError":
        error_id = extensions.get("id")
        outcome = f"; {unknown_outcome(operation)}" if mutation else ""
        return ServerError(
            f"{operation}: {error.message}{outcome}",
            error_id=str(error_id) if error_id else None,
            may_have_applied=mutation,
        )
    if code in _REFUSED_CODES:
        return PermissionDeniedError(_refusal(error.message, code), code=code, operation=operation)
    writes_env = operation in MUTATIONS and MUTATIONS[operation].env_write
    if writes_env and _HASH_CONFLICT.search(error.message):
        return HashConflictError(error.message, code=code, operation=operation)
    # The server quotes what it was sent (variables, values): never a token-shaped word.
    return ApiError(mask_secrets(error.message), code=code, operation=operation)


_REFUSED_CODES = ("access-denied", "permission-error")


def _refusal(message: str, code: str) -> str:
    """Hasura's permission-error names a check, not the cause: say it in the user's words."""
    if code == "permission-error":
        return "refused: this token lacks the admin privilege on that project (nothing changed)"
    return mask_secrets(message)


def from_client_error(
    exc: GraphQLClientError | httpx.HTTPError,
    operation: str,
    *,
    mutation: bool,
    token_works: bool = False,
) -> HasuraCloudError:
    """Any exception from the generated client or httpx → the matching HasuraCloudError."""
    if isinstance(exc, _MULTI):
        errors = exc.errors or [cloud_client.GraphQLClientGraphQLError("empty errors list")]
        return from_graphql_error(errors[0], operation, mutation=mutation, token_works=token_works)
    outcome = f"; {unknown_outcome(operation)}" if mutation else ""
    if isinstance(exc, _HTTP):
        return ServerError(
            f"{operation}: the API answered HTTP {exc.status_code}{outcome}",
            may_have_applied=mutation,
        )
    if isinstance(exc, _INVALID):
        return ServerError(
            f"{operation}: the API sent a response that is not GraphQL JSON{outcome}",
            may_have_applied=mutation,
        )
    if isinstance(exc, httpx.HTTPError):
        return _from_transport_error(exc, operation, mutation=mutation)
    return ServerError(f"{operation}: {exc}")


def _from_transport_error(
    exc: httpx.HTTPError, operation: str, *, mutation: bool
) -> TransportError:
    kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
    if isinstance(exc, _NOT_SENT):
        return TransportError(f"{operation}: could not reach the API ({kind}: {exc}); nothing sent")
    if mutation:
        return TransportError(
            f"{operation}: the request {kind} after it was sent; {unknown_outcome(operation)}",
            may_have_applied=True,
        )
    return TransportError(f"{operation}: the request {kind} ({type(exc).__name__}); safe to retry")
