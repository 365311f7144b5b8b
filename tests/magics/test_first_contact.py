"""What a newcomer meets (the UX trial's findings): next steps named, tables that read."""

from __future__ import annotations

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.display import Table
from hasura_cloud_magic.errors import UsageError
from hasura_cloud_magic.results import CreatedProject, ProjectList


def test_an_empty_list_says_what_to_do_next() -> None:
    empty = ProjectList([])
    assert repr(empty) == (
        "No projects yet; create one with %hasura create --cloud aws --region us-east-2 --name NAME"
    )
    assert "No projects yet" in empty._repr_html_() and "<table" not in empty._repr_html_()


def test_html_tables_read_left_to_right_and_wrap_long_values() -> None:
    long_value = "postgres://user:pass@" + "a" * 120 + ".example.com:5432/db"
    html = Table(("key", "value"), [["URL", long_value], ["B", "x"]], "Env")._repr_html_()
    cells = html.count("<td ") + html.count("<th ")
    assert cells == html.count("text-align:left") - 1 == 6  # and the caption
    assert html.count("overflow-wrap:anywhere") == 6


def test_env_show_is_a_table_with_the_hash_as_a_footnote(
    ip: TestingShell, project: CreatedProject
) -> None:
    shown = repr(run(ip, f"%hasura env show {project.name}"))
    lines = shown.splitlines()
    assert lines[0] == f"Env of {project.name}" and lines[1].split() == ["key", "value"]
    assert "rows · hash " in lines[-1]


def test_a_change_is_captioned_as_a_change(ip: TestingShell, project: CreatedProject) -> None:
    diff = run(ip, f"%hasura env set {project.name} NEW=1 --dry-run")
    assert repr(diff).splitlines()[0] == f"Changes to {project.name}"


def test_unsetting_a_key_that_is_not_set_is_not_a_quiet_success(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, f"%hasura env unset {project.name} AA")
    assert f"AA not set on {project.name}. Did you mean 'A'?" in capsys.readouterr().out


def test_a_value_with_spaces_gets_a_hint_to_quote_it(
    ip: TestingShell, project: CreatedProject
) -> None:
    with pytest.raises(UsageError) as caught:
        run(ip, f"%hasura env set {project.name} GREETING=hello world")
    assert str(caught.value) == (
        "expected KEY=VALUE, got 'world'; quote values with spaces: 'GREETING=... world'"
    )


def test_an_unknown_project_without_a_close_name_says_how_to_list_them(
    ip: TestingShell,
) -> None:
    with pytest.raises(Exception, match="List them with %hasura projects"):
        run(ip, f"%hasura project {unique('zzzzzz')}")


def test_stopping_the_emulator_says_its_projects_are_gone(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, "%hasura emulator start --step-seconds 0")
    run(ip, "%hasura emulator stop")
    assert "its projects are gone (start it with --db PATH to keep them)" in (
        capsys.readouterr().out
    )


def test_ctrl_c_at_a_prompt_is_a_no(ip: TestingShell, project: CreatedProject) -> None:
    from hasura_cloud_magic.errors import Cancelled
    from hasura_cloud_magic.magics.user_input import confirm

    def pressed_ctrl_c(prompt: str) -> str:
        raise KeyboardInterrupt

    with pytest.raises(Cancelled, match=r"^Cancelled; nothing changed\.$"):
        confirm("Delete it?", assume_yes=False, reader=pressed_ctrl_c)


def test_a_table_fits_a_narrow_terminal_by_cutting_its_widest_column() -> None:
    endpoint = "https://a-project-with-a-forty-seven-character-name-here.hasura.app"
    table = Table(("name", "endpoint"), [["shop", endpoint]])
    assert table.fit(None).splitlines()[2].endswith(endpoint)  # saved text: full width
    lines = table.fit(40).splitlines()
    assert all(len(line) <= 40 for line in lines) and lines[2].endswith("…")


def test_regions_complete_after_region_once_seen(ip: TestingShell) -> None:
    from hasura_cloud_magic.magics.completion import candidates

    session = ip.find_magic("hasura").__self__.session  # type: ignore[union-attr]
    run(ip, "%hasura regions --cloud aws")
    offered = [
        text for text, kind in candidates("%hasura create --cloud aws --region ", session.cache)
    ]
    assert "us-east-2" in offered and "eu-central-1" in offered


def test_errors_are_red_in_a_terminal_and_plain_in_a_kernel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from hasura_cloud_magic.magics.short_errors import _red_in_a_terminal

    class Terminal:
        kernel = None

    class Kernel:
        kernel = object()

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert _red_in_a_terminal(Terminal(), "E: x") == "\x1b[31mE: x\x1b[0m"
    assert _red_in_a_terminal(Kernel(), "E: x") == "E: x"


def test_help_of_the_whole_magic_is_the_overview(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ip, "%hasura help") is None
    overview = capsys.readouterr().out
    assert run(ip, "%hasura --help") is None
    assert capsys.readouterr().out == overview and "Examples" in overview
