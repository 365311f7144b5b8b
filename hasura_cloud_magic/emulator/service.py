"""One GraphQL request, start to finish: body, auth, parse, validate, execute, Hasura errors.

The answer is always a JSON object for an HTTP 200. Like Hasura, a request with any error
returns only ``errors`` (no ``data``) and, for mutations, changes nothing: the whole operation
runs in one transaction that is rolled back on any error.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    OperationType,
    execute_sync,
    parse,
    validate,
)

from . import db_latency, errors, preview_apps
from .auth import TokenRegistry
from .context import RequestContext
from .document import field_paths, pick_operation, root_field_names, root_type_name
from .errors import EmulatorError, error_body
from .jobs import StepFunction, advance
from .store import Store

Response = dict[str, Any]
#: Every job kind, by ``job_type``: how one step of it is applied.
JOB_STEPS: dict[str, StepFunction] = {**preview_apps.STEPS, **db_latency.STEPS}
#: What the resolvers get as ``info.context``, made per request from the owner id and the Host.
ContextFactory = Callable[[str, str], object]
SUBSCRIPTION_REFUSAL = "subscriptions are not supported over HTTP, use websockets instead"


@functools.lru_cache(maxsize=512)
def _parse_and_validate(
    schema: GraphQLSchema, query: str
) -> tuple[DocumentNode, list[GraphQLError]]:
    """Parse and validate, remembered per query text (a syntax error raises, uncached).

    Clients send the same few documents over and over, validation is most of the cost of a
    request, and the schema never changes while the emulator runs.
    """
    document = parse(query)
    return document, validate(schema, document)


log = logging.getLogger("hasura_cloud_magic.emulator")

_UNKNOWN_FIELD = re.compile(r"Cannot query field '(?P<field>[^']+)' on type '(?P<type>[^']+)'")
_UNKNOWN_ARGUMENT = re.compile(
    r"Unknown argument '(?P<arg>[^']+)' on field '[^.]+\.(?P<field>[^']+)'"
)


def _errors(*bodies: dict[str, object]) -> Response:
    return {"errors": list(bodies)}


def _field_not_found(field: str, type_name: str, path: str) -> dict[str, object]:
    return error_body(
        f"field \"{field}\" not found in type: '{type_name}'", errors.VALIDATION_FAILED, path
    )


@dataclass(frozen=True)
class Request:
    query: str
    variables: dict[str, Any] | None
    operation_name: str | None


def read_request(body: bytes) -> Request | Response:
    """The GraphQL request in ``body``, or the Hasura error response for a malformed one."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        return _errors(error_body(f"Error in $: {error}", errors.INVALID_JSON))
    except RecursionError:  # [[[[… nested past Python's limit
        return _errors(error_body("Error in $: nested too deeply", errors.INVALID_JSON))
    if not isinstance(payload, dict):
        return _errors(error_body("expected a JSON object", errors.PARSE_FAILED))
    query = payload.get("query")
    if not isinstance(query, str):
        return _errors(error_body('key "query" not found', errors.PARSE_FAILED))
    variables = payload.get("variables")
    if variables is not None and not isinstance(variables, dict):
        return _errors(
            error_body("expected Object for variables", errors.PARSE_FAILED, "$.variables")
        )
    name = payload.get("operationName")
    if name is not None and not isinstance(name, str):
        return _errors(
            error_body("expected String for operationName", errors.PARSE_FAILED, "$.operationName")
        )
    return Request(query, variables, name)


class GraphQLService:
    """Executes requests against one schema and the store.

    The management API's service (the default) advances jobs before each request, runs it as
    one transaction under the store's lock and gives resolvers a ``RequestContext``. A
    ``read_only`` API (the Metrics API: no mutations) runs without either, with its own
    ``make_context`` whose context locks each store read; both share body handling, auth, the
    validation cache and Hasura's error shapes.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        store: Store,
        tokens: TokenRegistry,
        step_seconds: float,
        *,
        make_context: ContextFactory | None = None,
        read_only: bool = False,
    ) -> None:
        self.schema = schema
        self.store = store
        self.tokens = tokens
        self.step_us = round(step_seconds * 1_000_000)
        self._make_context = make_context or self._request_context
        self._read_only = read_only

    def _request_context(self, owner_id: str, host: str) -> object:
        return RequestContext(self.store, owner_id, self.step_us)

    def handle(self, body: bytes, authorization: str | None, host: str = "") -> Response:
        request = read_request(body)
        if not isinstance(request, Request):
            return request
        # The token first: a request without one gets no validation and no cache entry
        # unless it asks for nothing but __typename (which the real API answers too).
        owner_id = self.tokens.owner_for_header(authorization)
        checked = self._checked(request, remember=owner_id is not None)
        if isinstance(checked, dict):
            return checked  # a syntax error, or the refusal of a request without a token
        document, validation_errors = checked
        if validation_errors:
            paths = field_paths(document)
            return _errors(*(_validation_error(e, paths) for e in validation_errors))
        if _is_subscription(document, request.operation_name):
            # Validated first: a subscription the schema has is refused for its transport only.
            return _errors(error_body(SUBSCRIPTION_REFUSAL, errors.VALIDATION_FAILED))
        return self._execute(document, request, owner_id or "", host)

    def _checked(
        self, request: Request, *, remember: bool
    ) -> tuple[DocumentNode, list[GraphQLError]] | Response:
        """Parse and validate. ``remember`` (a known token): through the cache. A request
        without a token is parsed only, and refused before any validation work, unless it
        asks for nothing but ``__typename``; it never enters the cache."""
        try:
            if remember:
                return _parse_and_validate(self.schema, request.query)
            document = parse(request.query)
        except GraphQLSyntaxError as error:
            message = f"not a valid graphql query: {error.message}"
            return _errors(error_body(message, errors.VALIDATION_FAILED, "$.query"))
        refusal = self._unauthorized(document, request.operation_name)
        if refusal is not None:
            return refusal
        return document, validate(self.schema, document)

    def _unauthorized(self, document: DocumentNode, operation_name: str | None) -> Response | None:
        """As if the schema had no fields: refuse the first root field other than __typename."""
        operation = pick_operation(document, operation_name)
        if operation is None:
            return None
        fields = [f for f in root_field_names(document, operation) if f != "__typename"]
        if not fields:
            return None
        path = f"$.selectionSet.{fields[0]}"
        return _errors(_field_not_found(fields[0], root_type_name(operation), path))

    def _execute(
        self, document: DocumentNode, request: Request, owner_id: str, host: str
    ) -> Response:
        if self._read_only:
            # No transaction and no store-wide lock: the context locks each read it makes, so
            # a heavy answer (a month at five minutes) never holds up the management API.
            result = self._run(document, request, owner_id, host)
        else:
            with self.store.lock:
                # Job progress is committed on its own: it happened whatever this request does.
                with self.store.transaction():
                    advance(self.store, self.store.now_us(), self.step_us, JOB_STEPS)
                self.store.begin()
                try:
                    result = self._run(document, request, owner_id, host)
                except BaseException:
                    self.store.rollback()
                    raise
                if result.errors:
                    self.store.rollback()
                else:
                    self.store.commit()
        if result.errors:
            return _errors(*(_execution_error(e) for e in result.errors))
        return {"data": result.data}

    def _run(
        self, document: DocumentNode, request: Request, owner_id: str, host: str
    ) -> ExecutionResult:
        return execute_sync(
            self.schema,
            document,
            context_value=self._make_context(owner_id, host),
            variable_values=request.variables,
            operation_name=request.operation_name,
        )


def _is_subscription(document: DocumentNode, operation_name: str | None) -> bool:
    operation = pick_operation(document, operation_name)
    return operation is not None and operation.operation == OperationType.SUBSCRIPTION


def _validation_error(error: GraphQLError, paths: dict[int, str]) -> dict[str, object]:
    path = next((paths[id(node)] for node in error.nodes or [] if id(node) in paths), "$")
    unknown_field = _UNKNOWN_FIELD.match(error.message)
    if unknown_field:
        return _field_not_found(unknown_field["field"], unknown_field["type"], path)
    unknown_argument = _UNKNOWN_ARGUMENT.match(error.message)
    if unknown_argument:
        message = f"'{unknown_argument['field']}' has no argument named '{unknown_argument['arg']}'"
        return error_body(message, errors.VALIDATION_FAILED, path)
    return error_body(error.message, errors.VALIDATION_FAILED, path)


def _execution_error(error: GraphQLError) -> dict[str, object]:
    original = error.original_error
    if isinstance(original, EmulatorError):
        return error_body(original.message, original.code, original.path)
    if error.path is None:
        # Not raised by a resolver: variable coercion, unknown operation name and the like.
        return error_body(error.message, errors.VALIDATION_FAILED)
    incident = str(uuid.uuid4())
    log.error("internal error %s at %s", incident, error.path, exc_info=original or error)
    return {
        "extensions": {"code": errors.GENERIC_SERVER_ERROR, "id": incident},
        "message": errors.GENERIC_SERVER_MESSAGE,
    }
