"""Errors the emulator reports, each carrying the Hasura ``extensions.code`` it is sent with."""

from __future__ import annotations

import json

# Codes (documented in the package docstring, "Behaviour where the real API is unknown").
BAD_REQUEST = "bad-request"
NOT_FOUND = "not-found"
CONSTRAINT_VIOLATION = "constraint-violation"
UNEXPECTED = "unexpected"
ACCESS_DENIED = "access-denied"
PERMISSION_ERROR = "permission-error"
DATA_EXCEPTION = "data-exception"
VALIDATION_FAILED = "validation-failed"
INVALID_JSON = "invalid-json"
PARSE_FAILED = "parse-failed"
GENERIC_SERVER_ERROR = "GenericServerError"
GENERIC_SERVER_MESSAGE = "there was an internal error while serving your request"


class EmulatorError(Exception):
    """An expected failure, sent as ``{"message", "extensions": {"path": "$", "code"}}``."""

    code = UNEXPECTED

    def __init__(self, message: str, path: str = "$") -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class BadRequest(EmulatorError):
    """An argument value the API refuses (bad name, cloud, region, plan, env key...)."""

    code = BAD_REQUEST


class NotFound(EmulatorError):
    """An action names a tenant that does not exist or belongs to another user."""

    code = NOT_FOUND


class NameTaken(EmulatorError):
    code = CONSTRAINT_VIOLATION


class ConstraintViolation(EmulatorError):
    """What Postgres reports for a broken constraint (unique, check, foreign key, not null)."""

    code = CONSTRAINT_VIOLATION


class AccessDenied(EmulatorError):
    """A project the caller sees, but an action on it needs a privilege they lack."""

    code = ACCESS_DENIED


class InsertPermissionFailed(EmulatorError):
    """Hasura's refusal of a row the caller's role may not insert (path: the argument)."""

    code = PERMISSION_ERROR

    def __init__(self, field: str, argument: str) -> None:
        super().__init__(
            "check constraint of an insert permission has failed",
            f"$.selectionSet.{field}.args.{argument}",
        )


class FieldNotFound(EmulatorError):
    """An input field the caller's role may not set, shown by Hasura as absent from the type."""

    code = VALIDATION_FAILED

    def __init__(self, field: str, type_name: str, path: str) -> None:
        super().__init__(f"field \"{field}\" not found in type: '{type_name}'", path)


class ActionRefused(EmulatorError):
    """The request is well-formed but the current state forbids it (stale hash, no-op...)."""

    code = UNEXPECTED


class DataException(EmulatorError):
    """What Postgres reports for a malformed value, e.g. an invalid uuid."""

    code = DATA_EXCEPTION


def invalid_uuid(value: str) -> DataException:
    return DataException(f'invalid input syntax for type uuid: "{value}"')


def protected_env_key(key: str) -> ActionRefused:
    # The real API wraps a JSON document inside the message string (hasura/graphql-engine#6797).
    inner = {
        "location": "",
        "message": f"failed to process env update for {key} failed with variable {key} "
        "can not be updated on major version 2",
    }
    return ActionRefused(json.dumps(inner, separators=(",", ":")))


def error_body(message: str, code: str, path: str = "$") -> dict[str, object]:
    return {"extensions": {"path": path, "code": code}, "message": message}
