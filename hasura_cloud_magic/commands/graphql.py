"""``%%hasura [--var NAME] [--variables JSON_OR_NAME] [--operation NAME]``: any GraphQL document.

Each ``$variable`` the operation declares is read from the notebook's namespace by the same
name, unless ``--variables`` gives them (JSON text, or the name of a dict). The result's
``data`` is shown as a JSON tree and returned; ``--var NAME`` also stores it in ``NAME``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from hasura_cloud_magic.display import JsonView
from hasura_cloud_magic.errors import UsageError
from hasura_cloud_magic.parsing import parse_cell_options
from hasura_cloud_magic.session import Session


class GraphQLResult(JsonView):
    """The ``data`` of a response; index it like a dict."""

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


def _declared_variables(document: str, operation: str | None) -> dict[str, bool]:
    """``{name: required}`` for the variables of the chosen operation."""
    from graphql import GraphQLSyntaxError, NonNullTypeNode, OperationDefinitionNode, parse

    try:
        parsed = parse(document)
    except GraphQLSyntaxError:
        return {}  # the facade reports the syntax error in one line
    for definition in parsed.definitions:
        if isinstance(definition, OperationDefinitionNode) and operation in (
            None,
            definition.name and definition.name.value,
        ):
            return {
                v.variable.name.value: isinstance(v.type, NonNullTypeNode)
                and v.default_value is None
                for v in definition.variable_definitions or ()
            }
    return {}


def _explicit_variables(option: str, namespace: Mapping[str, Any]) -> dict[str, Any]:
    if option.lstrip().startswith("{"):
        try:
            value = json.loads(option)
        except json.JSONDecodeError as error:
            raise UsageError(f"--variables is not valid JSON: {error}") from None
    elif option in namespace:
        value = namespace[option]
    else:
        raise UsageError(f"--variables: no variable named {option!r} in the namespace")
    if not isinstance(value, Mapping):
        raise UsageError("--variables must be a JSON object or a dict")
    return dict(value)


def _namespace_variables(declared: dict[str, bool], namespace: Mapping[str, Any]) -> dict[str, Any]:
    missing = [name for name, required in declared.items() if required and name not in namespace]
    if missing:
        raise UsageError(
            f"${missing[0]} is required: set {missing[0]} = ... in the notebook, "
            "or pass --variables"
        )
    return {name: namespace[name] for name in declared if name in namespace}


def run_cell(session: Session, line: str, cell: str, namespace: dict[str, Any]) -> GraphQLResult:
    options = parse_cell_options(line)
    if not cell.strip():
        raise UsageError("the %%hasura cell is empty: write a GraphQL query or mutation")
    if options.variables:
        variables = _explicit_variables(options.variables, namespace)
    else:
        variables = _namespace_variables(_declared_variables(cell, options.operation), namespace)
    data = session.cloud().execute(cell, variables, options.operation)
    if options.var:
        if not options.var.isidentifier():
            raise UsageError(f"--var {options.var!r} is not a Python variable name")
        namespace[options.var] = data
    return GraphQLResult(data)
