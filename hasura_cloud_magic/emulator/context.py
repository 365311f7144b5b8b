"""What every resolver gets: the store and the authenticated user, plus argument checks."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from graphql import GraphQLResolveInfo

from .errors import invalid_uuid
from .scalars import InvalidUuid
from .store import Store

Resolver = TypeVar("Resolver", bound=Callable[..., Any])


@dataclass(frozen=True)
class RequestContext:
    store: Store
    owner_id: str
    #: Duration of one time-driven step (jobs, env rollout), in microseconds.
    step_us: int = 0


def context_of(info: GraphQLResolveInfo) -> RequestContext:
    context = info.context
    assert isinstance(context, RequestContext)
    return context


def _first_invalid_uuid(value: Any) -> InvalidUuid | None:
    if isinstance(value, InvalidUuid):
        return value
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, list):
        return next((bad for bad in map(_first_invalid_uuid, value) if bad is not None), None)
    return None


def checks_uuids(resolver: Resolver) -> Resolver:
    """Reject a malformed uuid anywhere in the arguments, as Postgres would (data-exception)."""

    @functools.wraps(resolver)
    def wrapper(obj: Any, info: GraphQLResolveInfo, **kwargs: Any) -> Any:
        bad = _first_invalid_uuid(kwargs)
        if bad is not None:
            raise invalid_uuid(str(bad))
        return resolver(obj, info, **kwargs)

    return wrapper  # type: ignore[return-value]


def json_path(value: Any, path: str | None) -> Any:
    """Apply a Hasura jsonb ``path`` argument such as ``$.a.b[0]`` (missing parts give null)."""
    if not path:
        return value
    steps = path.removeprefix("$").replace("[", ".").replace("]", "").split(".")
    for step in filter(None, steps):
        if isinstance(value, Mapping):
            value = value.get(step)
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return None
    return value
