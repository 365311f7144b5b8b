"""Every error hasura-cloud-magic raises, in one place.

All derive from :class:`HasuraCloudError`, whose ``str()`` is one short line meant for a
person. None of them ever holds the access token, a GitHub token or an env value.

The Hasura Cloud API answers HTTP 200 even when it refuses a request, so these are mapped
from the GraphQL ``errors`` list (see :mod:`hasura_cloud_magic.error_mapping`), not from
status codes. The tree::

    HasuraCloudError
    ├── ConfigurationError        (also a ValueError) a setting is invalid or missing
    ├── InvalidInputError         (also a ValueError) an argument is malformed; nothing sent
    │   └── UsageError            a %hasura line is wrong
    ├── ConfirmationRequired      a destructive command needs --yes; nothing changed
    │   └── Cancelled             the person answered no; nothing changed
    ├── Interrupted               Ctrl+C: what stopped and what goes on
    ├── AuthenticationError       token missing, invalid or without access
    ├── ApiError                  the API refused; .code, .operation
    │   ├── HashConflictError     an env write quoted a stale hash; nothing written
    │   └── PermissionDeniedError the token may see the project but lacks the privilege
    ├── EnvConflictError          a key changed on both sides; nothing written for it
    ├── PartiallyAppliedError     part of a change landed, part did not
    ├── FleetIncompleteError      a fleet change did not land everywhere; .result
    ├── JobFailed                 a job (DB-latency check...) ended failed
    │   └── PreviewAppFailed      a preview app's job ended failed or skipped
    ├── WaitTimeout               gave up waiting; the job goes on
    │   └── EnvNotLiveError       an env change is written but not live (yet)
    ├── NotFoundError             no such project, tenant or job for this token
    ├── ServerError               GenericServerError, HTTP 5xx, unreadable; .may_have_applied
    └── TransportError            connection failed or timed out; .may_have_applied
"""

from __future__ import annotations

__all__ = [
    "ApiError",
    "AuthenticationError",
    "Cancelled",
    "ConfigurationError",
    "ConfirmationRequired",
    "EnvConflictError",
    "EnvNotLiveError",
    "FleetIncompleteError",
    "HashConflictError",
    "HasuraCloudError",
    "Interrupted",
    "InvalidInputError",
    "JobFailed",
    "NotFoundError",
    "PartiallyAppliedError",
    "PermissionDeniedError",
    "PreviewAppFailed",
    "ServerError",
    "TransportError",
    "UsageError",
    "WaitTimeout",
]


class HasuraCloudError(Exception):
    """Base class: something hasura-cloud-magic was asked to do did not happen (a refused
    or failed request, a bad setting or argument, a missing confirmation)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigurationError(HasuraCloudError, ValueError):
    """A setting is invalid (bad endpoint URL, non-positive timeout, blank token...)."""


class InvalidInputError(HasuraCloudError, ValueError):
    """An argument is malformed (not a uuid, not a valid env var name...); nothing was sent."""


class UsageError(InvalidInputError):
    """A ``%hasura`` command line is wrong: unknown command or flag, missing argument...

    Not IPython's ``UsageError``: this one is a :class:`HasuraCloudError`, shown as one line
    by the same handler as every other error of ours.
    """


class ConfirmationRequired(HasuraCloudError):
    """A destructive command needs ``--yes`` (or an interactive confirmation); nothing changed."""


class Cancelled(ConfirmationRequired):
    """The person was asked and said no; nothing changed. Shown without its class name."""


class Interrupted(HasuraCloudError):
    """The person pressed Ctrl+C (or Interrupt): the line says what goes on, and how to
    follow it."""


class AuthenticationError(HasuraCloudError):
    """The token is missing, invalid or has no access to what was asked.

    The real API does not say "401": it answers as if the field did not exist,
    ``field "projects" not found in type: 'query_root'`` with code ``validation-failed``.
    """


class ApiError(HasuraCloudError):
    """The API refused the request; carries the server's own message and error code."""

    def __init__(self, message: str, *, code: str | None = None, operation: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.operation = operation

    def __str__(self) -> str:
        # The server's words only: the operation and the code are for code (.operation,
        # .code), not for the person reading the line.
        return self.message


class HashConflictError(ApiError):
    """An env write quoted a stale ``currentHash``: someone changed the env since it was read.

    Nothing was written. Read the env again (and its new hash) and re-apply the change.
    """


class PermissionDeniedError(ApiError):
    """The API refused for lack of a privilege (``access-denied``, or Hasura's
    ``permission-error`` for a row the role may not write): nothing changed."""


class EnvConflictError(HasuraCloudError):
    """Someone else changed these env keys, differently, since the change was decided.

    Their value is kept and nothing was written for these keys (``keys``, never values);
    edits to other keys were applied (``applied`` names them). See ``env_writer``.
    """

    def __init__(
        self, message: str, *, keys: tuple[str, ...] = (), applied: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.keys = keys
        self.applied = applied


class FleetIncompleteError(HasuraCloudError):
    """A change across many projects did not land on all of them (failed, conflict, not
    attempted). ``result`` holds every project's outcome (a ``fleet.FleetResult``)."""

    def __init__(self, message: str, *, result: object = None) -> None:
        super().__init__(message)
        self.result = result


class PartiallyAppliedError(HasuraCloudError):
    """Part of a change landed and part did not; the message says which part."""


class JobFailed(HasuraCloudError):
    """A job of the API (a DB-latency check, a preview app's creation) ended ``failed``."""


class PreviewAppFailed(JobFailed):
    """A preview app's creation or deployment job ended ``failed`` or ``skipped``."""


class WaitTimeout(HasuraCloudError):
    """Gave up waiting for a job; the job itself goes on."""


class EnvNotLiveError(WaitTimeout):
    """An env change is written, but not live on every server of the project: still rolling
    out when the wait ran out, the project is not running, or a newer change replaced it."""


class NotFoundError(HasuraCloudError):
    """No project, tenant or job with that id or name is visible to this token."""


class ServerError(HasuraCloudError):
    """The service failed (``GenericServerError``, HTTP 5xx, or an unreadable response).

    ``may_have_applied`` is True for a mutation whose outcome is unknown.
    """

    def __init__(
        self, message: str, *, error_id: str | None = None, may_have_applied: bool = False
    ) -> None:
        super().__init__(message)
        self.error_id = error_id
        self.may_have_applied = may_have_applied

    def __str__(self) -> str:
        return f"{self.message} (error id {self.error_id})" if self.error_id else self.message


class TransportError(HasuraCloudError):
    """The request did not complete: connection refused or reset, or a timeout.

    ``may_have_applied`` is True when a mutation was sent and its outcome is unknown.
    """

    def __init__(self, message: str, *, may_have_applied: bool = False) -> None:
        super().__init__(message)
        self.may_have_applied = may_have_applied
