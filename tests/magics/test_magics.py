"""Every %hasura subcommand, driven through a real IPython shell against the emulator."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic.errors import (
    AuthenticationError,
    ConfigurationError,
    ConfirmationRequired,
    HasuraCloudError,
    NotFoundError,
    PreviewAppFailed,
    UsageError,
)
from hasura_cloud_magic.results import (
    CreatedProject,
    EnvView,
    Project,
    ProjectList,
    RegionList,
    Tenant,
)

GITHUB_TOKEN = "ghp_" + "T" * 36


def run(ip: TestingShell, source: str) -> Any:
    """Run a cell; return its value (Out), raising if the cell failed."""
    return ip.run_cell(source).result


def unique(prefix: str = "magic") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def project(ip: TestingShell) -> Iterator[CreatedProject]:
    name = unique()
    created = run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name} --env A=1 B=2")
    yield created
    cloud = ip.find_magic("hasura").__self__.session.cloud()  # type: ignore[union-attr]
    if cloud.get_tenant(created.tenant_id):
        cloud.delete_tenant(created.tenant_id)


# ---------------------------------------------------------------- help and status


def test_help_lists_every_command_on_one_line_each(ip: TestingShell) -> None:
    from hasura_cloud_magic.magics.parsing import COMMANDS

    text = repr(run(ip, "%hasura help"))
    for command, description in COMMANDS.items():
        assert any(
            line.split()[:1] == [command] and description in line for line in text.splitlines()
        )
    assert repr(run(ip, "%hasura")) == text


@pytest.mark.parametrize("line", ["%hasura help env", "%hasura env --help", "%hasura env show -h"])
def test_command_help(ip: TestingShell, line: str) -> None:
    assert "usage: %hasura env" in repr(run(ip, line))


def test_magic_docstring_covers_every_command(ip: TestingShell) -> None:
    from hasura_cloud_magic.magics.parsing import COMMANDS

    doc = ip.find_line_magic("hasura").__doc__ or ""
    assert all(f"%hasura {command}" in doc for command in COMMANDS)
    assert "%%hasura" in doc


def test_unknown_command_suggests_and_stops_with_one_line(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(UsageError, match="Did you mean 'projects'"):
        run(ip, "%hasura projcts")
    shown = capsys.readouterr().out.strip().splitlines()
    assert shown == [shown[0]] and shown[0].startswith("UsageError: unknown command 'projcts'")


def test_status_says_token_source_never_value(ip: TestingShell, emulator: Any) -> None:
    text = repr(run(ip, "%hasura status"))
    assert emulator.endpoint in text
    assert "env var HASURA_CLOUD_ACCESS_TOKEN" in text
    assert emulator.token not in text


# ---------------------------------------------------------------- login


def test_login_from_named_env_var(
    ip: TestingShell,
    emulator: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("HASURA_CLOUD_ACCESS_TOKEN")
    monkeypatch.setenv("MY_PAT", emulator.token)
    run(ip, "%hasura login --token-env MY_PAT")
    assert "Logged in" in capsys.readouterr().out
    assert "env var MY_PAT" in repr(run(ip, "%hasura status"))
    assert isinstance(run(ip, "%hasura regions"), RegionList)
    run(ip, "%hasura logout")
    with pytest.raises(AuthenticationError, match="token missing, invalid"):
        run(ip, "%hasura regions")


def test_login_prompts_when_no_env_var(
    ip: TestingShell, emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HASURA_CLOUD_ACCESS_TOKEN")
    monkeypatch.setattr("getpass.getpass", lambda prompt: emulator.token)
    run(ip, "%hasura login")
    assert "login prompt" in repr(run(ip, "%hasura status"))


def test_login_with_a_refused_token_keeps_nothing(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WRONG_PAT", "definitely-not-valid")
    with pytest.raises(AuthenticationError, match="refused"):
        run(ip, "%hasura login --token-env WRONG_PAT")
    assert "env var HASURA_CLOUD_ACCESS_TOKEN" in repr(run(ip, "%hasura status"))


def test_login_without_any_source_is_a_clear_error(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HASURA_CLOUD_ACCESS_TOKEN")
    with pytest.raises(ConfigurationError, match="no token"):
        run(ip, "%hasura login")
    with pytest.raises(ConfigurationError, match="env var NOPE is not set"):
        run(ip, "%hasura login --token-env NOPE")


# ---------------------------------------------------------------- emulator


def test_emulator_start_status_stop(ip: TestingShell, emulator: Any) -> None:
    run(ip, "%hasura emulator start --step-seconds 0")
    status = repr(run(ip, "%hasura emulator status"))
    assert "running at http://127.0.0.1:" in status
    assert emulator.endpoint not in status  # a second, separate emulator
    assert "the local emulator" in repr(run(ip, "%hasura status"))
    assert len(run(ip, "%hasura projects")) == 0
    run(ip, "%hasura emulator stop")
    assert "not running" in repr(run(ip, "%hasura emulator status"))
    assert emulator.endpoint in repr(run(ip, "%hasura status"))


# ---------------------------------------------------------------- reading


def test_projects_list_and_glob(ip: TestingShell, project: CreatedProject) -> None:
    everything = run(ip, "%hasura projects")
    assert isinstance(everything, ProjectList) and project.name in everything.names()
    matching = run(ip, f"%hasura projects --name '{project.name[:-4]}*'")
    assert matching.names() == [project.name]
    assert "<table" in matching._repr_html_() and project.name in repr(matching)


def test_projects_dataframe(ip: TestingShell, project: CreatedProject) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(HasuraCloudError, match="pandas is not installed"):
            run(ip, "%hasura projects --df")
        return
    frame = run(ip, "%hasura projects --df")
    assert project.name in list(frame["name"])


@pytest.mark.parametrize("how", ["name", "tenant id", "project id"])
def test_project_by_any_target(ip: TestingShell, project: CreatedProject, how: str) -> None:
    by_name = run(ip, f"%hasura project {project.name}")
    target = {"name": project.name, "tenant id": project.tenant_id, "project id": by_name.id}[how]
    found = run(ip, f"%hasura project {target}")
    assert isinstance(found, Project)
    assert (found.name, found.tenant_id) == (project.name, project.tenant_id)


def test_missing_project_is_one_clear_line(ip: TestingShell, project: CreatedProject) -> None:
    with pytest.raises(NotFoundError, match=f"Did you mean '{project.name}'"):
        run(ip, f"%hasura project {project.name}x")
    with pytest.raises(NotFoundError, match="no tenant or project with id"):
        run(ip, f"%hasura project {uuid.uuid4()}")


def test_tenant_is_typed_and_assignable(ip: TestingShell, project: CreatedProject) -> None:
    run(ip, f"t = %hasura tenant {project.tenant_id}")
    assert run(ip, "t.project.endpoint") == f"https://{project.name}.hasura.app"
    assert isinstance(ip.user_ns["t"], Tenant)
    assert project.name in ip.user_ns["t"]._repr_html_()


def test_regions(ip: TestingShell) -> None:
    regions = run(ip, "%hasura regions --cloud aws")
    assert {r.cloud for r in regions} == {"aws"}
    assert "us-east-2" in repr(regions)


# ---------------------------------------------------------------- lifecycle


def test_create_rename_delete(ip: TestingShell, capsys: pytest.CaptureFixture[str]) -> None:
    name, new_name = unique(), unique("renamed")
    created = run(ip, f"%hasura create --cloud gcp --region us-central1 --name {name}")
    assert isinstance(created, CreatedProject) and created.endpoint == f"https://{name}.hasura.app"
    run(ip, f"%hasura rename {name} {new_name}")
    assert run(ip, f"%hasura project {created.tenant_id}").name == new_name
    with pytest.raises(ConfirmationRequired, match="add --yes"):
        run(ip, f"%hasura delete {new_name}")
    assert run(ip, f"%hasura project {new_name}").name == new_name  # still there
    run(ip, f"%hasura delete {new_name} --yes")
    assert f"Deleted project {new_name}" in capsys.readouterr().out
    with pytest.raises(NotFoundError):
        run(ip, f"%hasura project {new_name}")


def test_delete_asks_and_honours_the_answer(
    ip: TestingShell, project: CreatedProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(ConfirmationRequired, match="Cancelled"):
        run(ip, f"%hasura delete {project.name}")
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    run(ip, f"%hasura delete {project.name}")
    with pytest.raises(NotFoundError):
        run(ip, f"%hasura project {project.name}")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ("--cloud mars --region us-east-2", "mars"),
        ("--cloud aws --region moon-1", "moon-1"),
        ("--cloud aws --region us-east-2 --name Bad_Name", "Bad_Name"),
        ("--cloud aws --region us-east-2 --env NOEQUALS", "expected KEY=VALUE"),
    ],
)
def test_create_refuses_bad_input(ip: TestingShell, flags: str, message: str) -> None:
    before = len(run(ip, "%hasura projects"))
    with pytest.raises(HasuraCloudError, match=message):
        run(ip, f"%hasura create {flags}")
    assert len(run(ip, "%hasura projects")) == before


# ---------------------------------------------------------------- env


def test_env_show_masks_values(ip: TestingShell, project: CreatedProject) -> None:
    view = run(ip, f"%hasura env show {project.name}")
    assert isinstance(view, EnvView) and {"A", "B"} <= set(view.keys)
    assert "••••••" in repr(view) and "••••••" in view._repr_html_()
    with pytest.raises(HasuraCloudError, match="--reveal"):
        view["A"]
    revealed = run(ip, f"%hasura env show {project.name} --reveal")
    assert revealed["A"] == "1" and "1" in repr(revealed).split("A", 1)[1].splitlines()[0]


def test_env_set_and_unset_use_the_hash_and_show_a_masked_diff(
    ip: TestingShell, project: CreatedProject
) -> None:
    before = run(ip, f"%hasura env show {project.name}")
    diff = run(ip, f"%hasura env set {project.name} A=changed-value C=new-value")
    assert (diff.changed, diff.added) == (("A",), ("C",))
    assert "changed-value" not in repr(diff) and "new-value" not in diff._repr_html_()
    assert not diff.writes  # the returned diff holds no values
    after = run(ip, f"%hasura env show {project.name} --reveal")
    assert (after["A"], after["C"]) == ("changed-value", "new-value")
    assert after.hash != before.hash
    removed = run(ip, f"%hasura env unset {project.name} B")
    assert removed.removed == ("B",)
    assert "B" not in run(ip, f"%hasura env show {project.name}").keys


def test_env_set_sends_nothing_when_nothing_changes(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    before = run(ip, f"%hasura env show {project.name}").hash
    diff = run(ip, f"%hasura env set {project.name} A=1")
    assert diff.empty and diff.unchanged == ("A",)
    assert "nothing to change, nothing sent" in capsys.readouterr().out
    assert run(ip, f"%hasura env show {project.name}").hash == before


def test_env_dry_run_changes_nothing(ip: TestingShell, project: CreatedProject) -> None:
    before = run(ip, f"%hasura env show {project.name}").hash
    assert run(ip, f"%hasura env set {project.name} A=2 --dry-run").changed == ("A",)
    assert run(ip, f"%hasura env unset {project.name} A --dry-run").removed == ("A",)
    assert run(ip, f"%hasura env show {project.name}").hash == before


def test_env_unset_of_absent_key_sends_nothing(ip: TestingShell, project: CreatedProject) -> None:
    diff = run(ip, f"%hasura env unset {project.name} NOT_THERE")
    assert diff.empty and diff.not_set == ("NOT_THERE",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("set {p} 1BAD=x", "invalid env var name"),
        ("set {p} A", "expected KEY=VALUE"),
        ("set {p} A=", "empty value"),
        ("unset {p} BAD-KEY", "invalid env var name"),
    ],
)
def test_env_bad_input_changes_nothing(
    ip: TestingShell, project: CreatedProject, line: str, message: str
) -> None:
    before = run(ip, f"%hasura env show {project.name}").hash
    with pytest.raises(HasuraCloudError, match=message):
        run(ip, "%hasura env " + line.format(p=project.name))
    assert run(ip, f"%hasura env show {project.name}").hash == before


# ---------------------------------------------------------------- preview apps


def _preview_args(name: str) -> str:
    return f"--owner my-org --repo my-repo --branch main --directory hasura --name {name}"


def test_preview_create_wait_status_delete(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    name = unique("pv")
    status = run(ip, f"%hasura preview create {_preview_args(name)} --env K=v --wait")
    assert status.status == "success"
    assert status.graphql_endpoint == f"https://{name}.hasura.app/v1/graphql"
    assert [t.state for t in status.progress.tasks] == ["success"] * 6
    assert "check-healthz" in repr(status) and "<progress" in status._repr_html_()
    again = run(ip, f"%hasura preview status {status.job_id} --wait --timeout 30")
    assert again.project_id == status.project_id
    run(ip, f"%hasura preview delete {name} --yes")
    with pytest.raises(NotFoundError, match="does not exist"):
        run(ip, f"%hasura preview delete {name} --yes")


def test_preview_create_without_wait_returns_the_job(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    name = unique("pv")
    job = run(ip, f"%hasura preview create {_preview_args(name)}")
    assert f"%hasura preview status {job.job_id} --wait" in repr(job)
    run(ip, f"%hasura preview status {job.job_id} --wait")
    run(ip, f"%hasura preview delete {name} --yes")


def test_preview_with_bad_github_token_fails_with_the_task(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "not-a-github-token")
    name = unique("pv")
    with pytest.raises(PreviewAppFailed, match="gh-validation failed: Bad credentials"):
        run(ip, f"%hasura preview create {_preview_args(name)} --wait")
    assert "not-a-github-token" not in capsys.readouterr().out
    run(ip, f"%hasura preview delete {name} --yes")


def test_preview_needs_a_github_token_env_var(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match="GITHUB_TOKEN is not set"):
        run(ip, f"%hasura preview create {_preview_args(unique('pv'))}")


def test_preview_status_of_unknown_job(ip: TestingShell) -> None:
    with pytest.raises(NotFoundError, match="No such preview app creation job"):
        run(ip, f"%hasura preview status {uuid.uuid4()}")


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
    assert result._repr_mimebundle_()["application/json"] == result.data


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
    ip.user_ns["secret_name"] = "expanded"
    with pytest.raises(NotFoundError, match=r"'\$secret_name'"):
        run(ip, "%hasura project $secret_name")


# ---------------------------------------------------------------- errors and config


def test_verbose_errors_show_the_traceback(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, "%config HasuraMagics.verbose_errors = True")
    with pytest.raises(NotFoundError):
        run(ip, "%hasura project no-such-project")
    verbose = capsys.readouterr().out
    run(ip, "%config HasuraMagics.verbose_errors = False")
    with pytest.raises(NotFoundError):
        run(ip, "%hasura project no-such-project")
    short = capsys.readouterr().out
    assert len(short.strip().splitlines()) == 1
    assert len(verbose.strip().splitlines()) > 5 and "targets.py" in verbose


def test_config_shows_settings_but_never_a_token(
    ip: TestingShell, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, "%config HasuraMagics")
    shown = capsys.readouterr().out
    assert "token_env_var" in shown and "display_limit" in shown
    assert emulator.token not in shown


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("timeout = 0", "must be > 0"),
        ("endpoint = 'nope'", "http"),
        ("feedback = 7", "feedback must be"),
        ("token_env_var = 'a b'", "NAME"),
    ],
)
def test_invalid_settings_are_refused(
    ip: TestingShell, setting: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    magics = ip.find_magic("hasura").__self__  # type: ignore[union-attr]
    before = {name: getattr(magics, name) for name in ("timeout", "endpoint", "feedback")}
    run(ip, f"%config HasuraMagics.{setting}")
    assert message in caplog.text  # IPython's %config reports the TraitError
    assert {name: getattr(magics, name) for name in before} == before
    run(ip, "%reload_ext hasura_cloud_magic")  # a bad value left in the config is survivable
    assert ip.find_magic("hasura").__self__.timeout == 30.0  # type: ignore[union-attr]


def test_display_limit_cuts_the_table_not_the_result(
    ip: TestingShell, project: CreatedProject
) -> None:
    run(ip, "%config HasuraMagics.display_limit = 1")
    regions = run(ip, "%hasura regions")
    assert len(regions) > 1 and f"1 of {len(regions)} rows shown" in repr(regions)
    assert f"1 of {len(regions)} rows shown" in regions._repr_html_()


def test_pyproject_settings_apply_on_load(
    ip: TestingShell, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.hasura_cloud_magic]\ndisplay_limit = 3\ntoken = 'leaked'\n"
    )
    run(ip, "%reload_ext hasura_cloud_magic")
    magics = ip.find_magic("hasura").__self__  # type: ignore[union-attr]
    assert magics.display_limit == 3
    assert "never put a token in a file" in capsys.readouterr().out


def test_reload_and_unload_undo_every_registration(ip: TestingShell) -> None:
    matchers = len(ip.Completer.custom_matchers)
    handled = ip.custom_exceptions
    run(ip, "%reload_ext hasura_cloud_magic")
    run(ip, "%reload_ext hasura_cloud_magic")
    assert len(ip.Completer.custom_matchers) == matchers
    assert ip.custom_exceptions == handled
    run(ip, "%unload_ext hasura_cloud_magic")
    assert ip.find_line_magic("hasura") is None
    assert len(ip.Completer.custom_matchers) == matchers - 1
    assert HasuraCloudError not in ip.custom_exceptions
    run(ip, "%load_ext hasura_cloud_magic")  # the fixture unloads it


def test_token_never_shown(
    ip: TestingShell,
    emulator: Any,
    project: CreatedProject,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    lines = [
        "%hasura status",
        "%hasura projects",
        f"%hasura env show {project.name}",
        f"%hasura env set {project.name} SECRET=s3cr3t-canary",
        "%config HasuraMagics",
        f"%hasura preview create {_preview_args(unique('pv'))}",
    ]
    results = [run(ip, line) for line in lines]
    shown = capsys.readouterr().out + "".join(repr(r) for r in results)
    shown += "".join(getattr(r, "_repr_html_", lambda: "")() for r in results)
    for secret in (emulator.token, GITHUB_TOKEN, "s3cr3t-canary"):
        assert secret not in shown
    assert os.environ["HASURA_CLOUD_ACCESS_TOKEN"] == emulator.token


# ---------------------------------------------------------------- every error class, one line


def _error_classes() -> list[type[HasuraCloudError]]:
    import hasura_cloud_magic.errors as errors

    return [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, HasuraCloudError)
    ]


@pytest.mark.parametrize("error_class", _error_classes(), ids=lambda c: c.__name__)
def test_each_error_class_stops_the_cell_with_one_line(
    ip: TestingShell, error_class: type[HasuraCloudError], capsys: pytest.CaptureFixture[str]
) -> None:
    ip.user_ns["error_class"] = error_class
    with pytest.raises(error_class):
        run(ip, "raise error_class('what went wrong')")
    shown = capsys.readouterr().out.strip().splitlines()
    assert shown == [f"{error_class.__name__}: what went wrong"]


def test_other_exceptions_keep_the_full_traceback(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ZeroDivisionError):
        run(ip, "1 / 0")
    assert len(capsys.readouterr().out.strip().splitlines()) > 1


def test_server_failures_reach_the_cell_as_one_line(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    from raw_http import http_response, misbehaving_server

    from hasura_cloud_magic.errors import ServerError, TransportError

    run(ip, "%config HasuraMagics.timeout = 0.3")
    with misbehaving_server(http_response("503 Service Unavailable", b"down")) as endpoint:
        run(ip, f"%config HasuraMagics.endpoint = '{endpoint}'")
        with pytest.raises(ServerError, match="HTTP 503"):
            run(ip, "%hasura regions")
    with misbehaving_server(None) as endpoint:
        run(ip, f"%config HasuraMagics.endpoint = '{endpoint}'")
        with pytest.raises(TransportError, match="may or may not have been applied"):
            run(ip, "%hasura create --cloud aws --region us-east-2")
    shown = [line for line in capsys.readouterr().out.splitlines() if "Error" in line]
    assert len(shown) == 2 and all(": " in line for line in shown)


def test_help_for_an_action(ip: TestingShell) -> None:
    assert "usage: %hasura env show" in repr(run(ip, "%hasura help env show"))


def test_glob_wildcards_only_where_asked(ip: TestingShell, project: CreatedProject) -> None:
    """``_`` in a glob is literal: it must not match the ``-`` in project names."""
    assert run(ip, f"%hasura projects --name '{project.name.replace('-', '_')}'").names() == []
    assert run(ip, f"%hasura projects --name '{project.name.replace('-', '?')}'").names() == [
        project.name
    ]


# ---------------------------------------------------------------- forms


def test_env_edit_returns_the_loaded_editor(ip: TestingShell, project: CreatedProject) -> None:
    from hasura_cloud_magic.widgets import EnvEditor

    form = run(ip, f"%hasura env edit {project.name}")
    assert isinstance(form, EnvEditor) and form.tenant_id == project.tenant_id
    assert {"A", "B"} <= {row.key for row in form.rows.rows}
    assert "values not shown" in repr(form)


def test_preview_wizard_uses_the_session_and_settings(ip: TestingShell) -> None:
    from hasura_cloud_magic.widgets import PreviewWizard

    run(ip, "%config HasuraMagics.poll_interval = 0.5")
    form = run(ip, "%hasura preview wizard --github-token-env MY_GH")
    assert isinstance(form, PreviewWizard)
    assert (form.token_env, form.poll_interval) == ("MY_GH", 0.5)


def test_placeholders_let_loops_and_secrets_stay_out_of_the_source(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    ip.user_ns.update(target=project.name, new_key="rotated value kept out of the cell")
    run(ip, "%hasura env set {{target}} API_KEY={{new_key}}")
    assert "rotated value" not in capsys.readouterr().out
    assert run(ip, f"%hasura env show {project.name} --reveal")["API_KEY"] == (
        "rotated value kept out of the cell"
    )


def test_feedback_zero_keeps_only_results_and_warnings(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, "%config HasuraMagics.feedback = 0")
    name = unique("quiet")
    created = run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    assert created.name == name
    assert "✔ Created project" not in capsys.readouterr().out  # the result itself still shows
    run(ip, "%config HasuraMagics.feedback = 1")
    run(ip, f"%hasura delete {name} --yes")
    assert f"✔ Deleted project {name}" in capsys.readouterr().out


def test_create_reports_the_project_even_when_the_follow_up_read_fails(
    ip: TestingShell, emulator: Any, cloud: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """The trial's M6: a failed read after createTenant must not hide that it was created."""
    name = unique("made")
    emulator.faults.add("tenant_by_pk", "http503", times=None)
    try:
        created = run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    finally:
        emulator.faults.clear()
    out = capsys.readouterr().out
    assert f"Created project {name} (tenant {created.tenant_id})" in out
    assert "Could not read its endpoint yet" in out and created.endpoint is None
    cloud.delete_tenant(created.tenant_id)


def test_filled_in_placeholders_are_named_never_their_values(
    ip: TestingShell, project: CreatedProject, capsys: pytest.CaptureFixture[str]
) -> None:
    ip.user_ns.update(target=project.name, secret="placed-canary-value")
    run(ip, "%hasura env set {{target}} K={{secret}} L={{secret}}")
    out = capsys.readouterr().out
    assert "Filled in {{target}}, {{secret}} from the notebook (values not shown)." in out
    assert "placed-canary-value" not in out


def test_a_typo_after_the_token_worked_is_an_unknown_field(ip: TestingShell) -> None:
    """The trial's L7: a typo in %%hasura was blamed on the token."""
    run(ip, "%hasura projects")  # the token works
    with pytest.raises(HasuraCloudError) as raised:
        run(ip, "%%hasura\nquery { projectz { name } }")
    assert not isinstance(raised.value, AuthenticationError)
    assert "unknown field 'projectz' of query_root (or this token has no access to it)" in str(
        raised.value
    )
