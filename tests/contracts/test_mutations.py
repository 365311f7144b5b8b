"""One list of mutations: every ``mutation`` in queries/ is in error_mapping.MUTATIONS.

A mutation missing from the list would be retried after a timeout or a 5xx as if it were a
read, which is how duplicate projects are made; a name in the list that no operation has
is a stale entry.
"""

from __future__ import annotations

from graphql import OperationDefinitionNode, OperationType, parse
from paths import operation_files

from hasura_cloud_magic.error_mapping import MUTATIONS, is_mutation, unknown_outcome


def _operations() -> dict[str, OperationType]:
    found = {}
    for path in operation_files():
        for definition in parse(path.read_text()).definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                found[definition.name.value] = definition.operation
    return found


def test_every_mutation_in_queries_is_in_the_table_and_nothing_else() -> None:
    operations = _operations()
    mutations = {name for name, kind in operations.items() if kind == OperationType.MUTATION}
    assert len(operations) > len(mutations) > 0
    assert mutations == set(MUTATIONS)


def test_queries_are_not_mutations_and_mutations_say_how_to_check() -> None:
    for name, kind in _operations().items():
        assert is_mutation(name) == (kind == OperationType.MUTATION), name
        if is_mutation(name):
            assert MUTATIONS[name].check in unknown_outcome(name)
            assert "%hasura" in MUTATIONS[name].check


def test_the_env_writes_are_the_mutations_that_quote_a_hash() -> None:
    quoting = {
        definition.name.value
        for path in operation_files()
        for definition in parse(path.read_text()).definitions
        if isinstance(definition, OperationDefinitionNode)
        and definition.name
        and any("hash" in v.variable.name.value.lower() for v in definition.variable_definitions)
    }
    writes = {name for name, mutation in MUTATIONS.items() if mutation.env_write}
    assert quoting == writes == {"UpdateTenantEnv", "DeleteTenantEnv"}
