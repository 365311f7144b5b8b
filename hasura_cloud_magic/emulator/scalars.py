"""The schema's custom scalars.

``uuid`` accepts any string when parsing, because Hasura validates uuids only when Postgres sees
them: a query whose *default* value is not a uuid still validates. A malformed value becomes an
:class:`InvalidUuid`, which resolvers turn into a ``data-exception`` error when they use it.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from ariadne import ScalarType
from graphql import StringValueNode, ValueNode

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class InvalidUuid(str):
    """A string that was given where a uuid is expected but is not one."""


class CiText(str):
    """A ``citext`` value: sent as the string it is, compared case-insensitively in filters."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and self.lower() == other.lower()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self.lower())


def parse_timestamp(value: Any) -> int:
    """An ISO-8601 timestamp (a naive one is UTC) as integer microseconds since the epoch."""
    if not isinstance(value, str):
        raise ValueError(f"timestamptz must be a string, got {value!r}")
    moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def parse_uuid(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"uuid must be a string, got {value!r}")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return InvalidUuid(value)


def _parse_uuid_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> str:
    if not isinstance(node, StringValueNode):
        raise ValueError("uuid must be a string")
    return parse_uuid(node.value)


def format_timestamp(microseconds: int) -> str:
    """Integer microseconds since the epoch as ISO 8601 with a UTC offset, like Hasura."""
    # Integer arithmetic: float seconds would round some microseconds.
    moment = _EPOCH + datetime.timedelta(microseconds=microseconds)
    return moment.isoformat(timespec="microseconds")


def _serialize_timestamp(value: Any) -> str:
    return format_timestamp(value) if isinstance(value, int) else str(value)


def scalar_types() -> list[ScalarType]:
    uuid_scalar = ScalarType("uuid", serializer=str)
    uuid_scalar.set_value_parser(parse_uuid)
    uuid_scalar.set_literal_parser(_parse_uuid_literal)
    timestamp = ScalarType("timestamptz", serializer=_serialize_timestamp)
    return [uuid_scalar, timestamp]
