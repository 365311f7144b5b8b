"""``%%hasura [--var NAME] [--variables JSON_OR_NAME] [--operation NAME]``: any GraphQL document.

Each ``$variable`` the operation declares is read from the notebook's namespace by the same
name, unless ``--variables`` gives them (JSON text, or the name of a dict). The result's
``data`` is shown as a JSON tree and returned; ``--var NAME`` also stores it in ``NAME``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from hasura_cloud_magic.documents import Operation
from hasura_cloud_magic.errors import UsageError
from hasura_cloud_magic.magics.parsing import parse_cell_options
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import GraphQLResult


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


def _namespace_variables(
    declared: Mapping[str, bool], namespace: Mapping[str, Any]
) -> dict[str, Any]:
    missing = [name for name, required in declared.items() if required and name not in namespace]
    if missing:
        raise UsageError(
            f"${missing[0]} is required: set {missing[0]} = ... in the notebook, "
            "or pass --variables"
        )
    return {name: namespace[name] for name in declared if name in namespace}


def run_cell(session: Session, line: str, cell: str, namespace: dict[str, Any]) -> GraphQLResult:
    """The cell form's entry function (the line form's is ``run`` in every other command)."""
    options = parse_cell_options(line)
    if options.var and not options.var.isidentifier():  # before anything is sent
        raise UsageError(f"--var {options.var!r} is not a Python variable name")
    if not cell.strip():
        raise UsageError("the %%hasura cell is empty: write a GraphQL query or mutation")
    operation = Operation.parse(cell, options.operation)
    if options.variables:
        variables = _explicit_variables(options.variables, namespace)
    else:
        variables = _namespace_variables(operation.variables, namespace)
    data = session.cloud().execute(operation, variables)
    if options.var:
        namespace[options.var] = data
    return GraphQLResult(data)
