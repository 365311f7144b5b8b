"""%%hasura: any GraphQL document, variables from the notebook.

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

import pytest
from magic_shell import TestingShell, run

from hasura_cloud_magic.errors import (
    AuthenticationError,
    HasuraCloudError,
    NotFoundError,
    UsageError,
)
from hasura_cloud_magic.results import (
    CreatedProject,
)

# ---------------------------------------------------------------- %%hasura


def test_cell_reads_variables_from_the_namespace(ip: TestingShell, project: CreatedProject) -> None:
    ip.user_ns["wanted"] = project.name
    result = run(
        ip,
        "%%hasura --var found\n"
        "query ($wanted: String!) { projects(where: {name: {_eq: $wanted}}) { name } }",
    )
    assert result["projects"] == [{"name": project.name}]
    assert ip.user_ns["found"] == {"projects": [{"name": project.name}]}
    # A list of flat objects reads as a table (the trial's m18); nested data as a JSON tree.
    bundle = result._repr_mimebundle_()
    assert "application/json" not in bundle and "<table" in bundle["text/html"]
    assert bundle["text/plain"].splitlines()[:2] == ["projects", "name"]
    nested = run(ip, "%%hasura\nquery { projects(limit: 1) { name tenant { id } } }")
    assert nested._repr_mimebundle_()["application/json"] == nested.data


def test_cell_variables_option_and_no_expansion(ip: TestingShell, project: CreatedProject) -> None:
    ip.user_ns["n"] = "must-not-be-used"
    result = run(
        ip,
        f'%%hasura --variables \'{{"n": "{project.name}"}}\'\n'
        "query Q($n: String!) { projects(where: {name: {_eq: $n}}) { name } }",
    )
    assert result["projects"] == [{"name": project.name}]


def test_cell_errors_are_one_line(ip: TestingShell) -> None:
    with pytest.raises(UsageError, match=r"\$missing is required"):
        run(ip, "%%hasura\nquery ($missing: uuid!) { tenant_by_pk(id: $missing) { id } }")
    with pytest.raises(HasuraCloudError, match="GraphQL syntax error"):
        run(ip, "%%hasura\nquery { projects { name }")
    with pytest.raises(UsageError, match="empty"):
        run(ip, "%%hasura\n\n")


def test_line_arguments_are_not_expanded(ip: TestingShell) -> None:
    """IPython's $x expansion is off; $name of a notebook variable is refused with the fix."""
    ip.user_ns["secret_name"] = "expanded"
    with pytest.raises(UsageError) as caught:
        run(ip, "%hasura env set app KEY=$secret_name --dry-run")
    assert str(caught.value) == (
        "$secret_name is not expanded in %hasura lines: write {{secret_name}} to use the "
        "notebook variable (or \\$secret_name for a literal $)"
    )
    with pytest.raises(NotFoundError, match=r"'\$not_a_variable'"):
        run(ip, "%hasura project $not_a_variable")  # not a notebook variable: taken as text


def test_a_typo_after_the_token_worked_is_an_unknown_field(ip: TestingShell) -> None:
    """The trial's L7: a typo in %%hasura was blamed on the token."""
    run(ip, "%hasura projects")  # the token works
    with pytest.raises(HasuraCloudError) as raised:
        run(ip, "%%hasura\nquery { projectz { name } }")
    assert not isinstance(raised.value, AuthenticationError)
    assert "unknown field 'projectz' of query_root (or this token has no access to it)" in str(
        raised.value
    )


def test_variables_take_json_as_written_like_bigquery_params(
    ip: TestingShell, project: CreatedProject
) -> None:
    cell = "query Q($n: String!) { projects(where: {name: {_eq: $n}}) { name } }"
    for options in (f'{{"n": "{project.name}"}}', f'{{"n":"{project.name}"}} --var found'):
        result = run(ip, f"%%hasura --variables {options}\n{cell}")
        assert result["projects"] == [{"name": project.name}]
    assert ip.user_ns["found"]["projects"] == [{"name": project.name}]
