"""Any GraphQL document a person writes (``%%hasura``, ``HasuraCloud.execute``), parsed once.

>>> operation = Operation.parse("query Q($id: uuid!) { tenant_by_pk(id: $id) { id } }")
>>> operation.is_mutation, dict(operation.variables)
(False, {'id': True})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hasura_cloud_magic.errors import InvalidInputError

__all__ = ["Operation"]


@dataclass(frozen=True)
class Operation:
    """The operation of ``document`` that will run, and what it declares."""

    document: str
    name: str | None
    is_mutation: bool
    #: ``{variable name: required}``; required means non-null without a default.
    variables: Mapping[str, bool] = field(default_factory=dict)

    @classmethod
    def parse(cls, document: str, name: str | None = None) -> Operation:
        """Parse ``document`` and pick the operation ``name`` (or the first one).

        A syntax error or an unknown operation name is the caller's mistake: one line, as an
        :class:`~hasura_cloud_magic.errors.InvalidInputError`.
        """
        from graphql import (  # graphql-core: only when a document is run
            GraphQLSyntaxError,
            NonNullTypeNode,
            OperationDefinitionNode,
            OperationType,
            parse,
        )

        try:
            parsed = parse(document)
        except GraphQLSyntaxError as exc:
            raise InvalidInputError(f"GraphQL syntax error: {exc.message} {_where(exc)}") from None
        chosen = [
            definition
            for definition in parsed.definitions
            if isinstance(definition, OperationDefinitionNode)
            and name in (None, definition.name and definition.name.value)
        ]
        if not chosen:
            raise InvalidInputError(f"no operation named {name!r} in the document")
        operation = chosen[0]
        variables = {
            v.variable.name.value: isinstance(v.type, NonNullTypeNode) and v.default_value is None
            for v in operation.variable_definitions or ()
        }
        return cls(document, name, operation.operation == OperationType.MUTATION, variables)


def _where(exc: Exception) -> str:
    locations = getattr(exc, "locations", None) or []
    return f"(line {locations[0].line}, column {locations[0].column})" if locations else ""
