"""The executable schema: queries/schema.graphql with the emulator's resolvers bound."""

from __future__ import annotations

from ariadne import load_schema_from_path, make_executable_schema
from graphql import GraphQLSchema

from . import actions, resolvers
from .scalars import scalar_types
from .schema_source import schema_path


def build_schema() -> GraphQLSchema:
    type_defs = load_schema_from_path(str(schema_path()))
    return make_executable_schema(
        type_defs, *scalar_types(), *resolvers.OBJECT_TYPES, *actions.OBJECT_TYPES
    )
