"""Reading a parsed GraphQL document the way Hasura reports on it (root fields, JSON paths)."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)


def pick_operation(
    document: DocumentNode, operation_name: str | None
) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        return operations[0] if operations else None
    return next((op for op in operations if op.name and op.name.value == operation_name), None)


def root_type_name(operation: OperationDefinitionNode) -> str:
    return "mutation_root" if operation.operation == OperationType.MUTATION else "query_root"


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _fields(
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    visited: set[str] | None = None,
) -> Iterator[FieldNode]:
    """The fields of a selection set, with fragments inlined: each fragment once per
    selection set, as graphql-core's ``collect_fields`` does (visiting it once per path
    would cost 2^N for N fragments that spread the previous one twice)."""
    visited = set() if visited is None else visited
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments, visited)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in visited:
                visited.add(name)
                yield from _fields(fragments[name].selection_set, fragments, visited)


def root_field_names(document: DocumentNode, operation: OperationDefinitionNode) -> list[str]:
    return [f.name.value for f in _fields(operation.selection_set, _fragments(document))]


def field_paths(document: DocumentNode) -> dict[int, str]:
    """``id(field node) -> "$.selectionSet.a.selectionSet.b"`` for every reachable field."""
    fragments = _fragments(document)
    paths: dict[int, str] = {}

    def walk(selection_set: SelectionSetNode, prefix: str, depth: int) -> None:
        if depth > 64:  # Deeper documents are rejected by validation anyway.
            return
        for field in _fields(selection_set, fragments):
            path = f"{prefix}.selectionSet.{field.name.value}"
            paths.setdefault(id(field), path)
            if field.selection_set is not None:
                walk(field.selection_set, path, depth + 1)

    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            walk(definition.selection_set, "$", 0)
    return paths
