"""The executable Metrics API schema: queries/metrics/schema.graphql with its resolvers bound."""

from __future__ import annotations

from ariadne import ScalarType, load_schema_from_path, make_executable_schema
from graphql import GraphQLSchema

from ..executable_schema import accept_extra_enum_parse_arguments
from ..scalars import scalar_types
from ..schema_source import metrics_schema_path
from . import grouped_resolvers, log_resolvers, series_resolvers, table_resolvers


def build_metrics_schema() -> GraphQLSchema:
    type_defs = load_schema_from_path(str(metrics_schema_path()))
    schema = make_executable_schema(
        type_defs,
        *scalar_types(),
        ScalarType("json"),
        series_resolvers.query,
        grouped_resolvers.query,
        table_resolvers.query,
        *log_resolvers.OBJECT_TYPES,
    )
    accept_extra_enum_parse_arguments(schema)
    return schema
