"""The executable schema: queries/cloud/schema.graphql with the emulator's resolvers bound."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ariadne import load_schema_from_path, make_executable_schema
from graphql import (
    GraphQLEnumType,
    GraphQLScalarType,
    GraphQLSchema,
    StringValueNode,
    ValueNode,
)

from . import actions, collaborators, domains, project_actions, resolvers, status_resolvers
from .scalars import parse_timestamp, scalar_types
from .schema_source import schema_path


def build_schema() -> GraphQLSchema:
    type_defs = load_schema_from_path(str(schema_path()))
    schema = make_executable_schema(
        type_defs,
        *scalar_types(),
        *resolvers.OBJECT_TYPES,
        *status_resolvers.OBJECT_TYPES,
        *actions.OBJECT_TYPES,
        *project_actions.OBJECT_TYPES,
        *collaborators.OBJECT_TYPES,
        *domains.OBJECT_TYPES,
    )
    accept_extra_enum_parse_arguments(schema)
    _parse_timestamps(schema)
    return schema


def _parse_timestamps(schema: GraphQLSchema) -> None:
    """``timestamptz`` inputs (``where: {accepted_at: {_gt: ...}}``) as integer microseconds,
    comparable with the stored ones. Only this schema: the Metrics API parses its own times."""
    timestamp = schema.type_map["timestamptz"]
    assert isinstance(timestamp, GraphQLScalarType)
    timestamp.parse_value = parse_timestamp  # type: ignore[method-assign]

    def parse_literal(node: ValueNode, _variables: Any = None) -> int:
        if not isinstance(node, StringValueNode):
            raise ValueError("timestamptz must be a string")
        return parse_timestamp(node.value)

    timestamp.parse_literal = parse_literal  # type: ignore[method-assign,assignment]


def accept_extra_enum_parse_arguments(schema: GraphQLSchema) -> None:
    """Let enum variables work with every graphql-core 3.2.x.

    ariadne replaces each enum's ``parse_value`` with a one-argument function, but
    graphql-core >= 3.2.9 calls it as ``parse_value(value, hide_suggestions)``; without this,
    an enum variable (``$cloud: cloud_enum``) fails validation with a TypeError message.
    """
    for named_type in schema.type_map.values():
        if isinstance(named_type, GraphQLEnumType):
            named_type.parse_value = _ignoring_extras(named_type.parse_value)  # type: ignore[method-assign]


def _ignoring_extras(parse_value: Callable[[Any], Any]) -> Callable[..., Any]:
    def parse(value: Any, *_extras: Any, **_options: Any) -> Any:
        return parse_value(value)

    return parse
