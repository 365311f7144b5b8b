"""One-line errors that stop a run, %config, pyproject settings, secrets.

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from magic_shell import GITHUB_TOKEN, TestingShell, preview_args, run, unique

from hasura_cloud_magic.errors import (
    HasuraCloudError,
    NotFoundError,
)
from hasura_cloud_magic.results import (
    CreatedProject,
)

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
        f"%hasura preview create {preview_args(unique('pv'))}",
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
    # An answer the person gave (no, Ctrl+C) reads as what it is, not as a failure's name.
    answered = error_class.__name__ in ("Cancelled", "Interrupted")
    assert shown == ["what went wrong" if answered else f"{error_class.__name__}: what went wrong"]


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


def test_help_for_an_action(ip: TestingShell, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(ip, "%hasura help env show") is None  # printed, not an Out value
    assert "usage: %hasura env show" in capsys.readouterr().out


def test_glob_wildcards_only_where_asked(ip: TestingShell, project: CreatedProject) -> None:
    """``_`` in a glob is literal: it must not match the ``-`` in project names."""
    assert run(ip, f"%hasura projects --name '{project.name.replace('-', '_')}'").names() == []
    assert run(ip, f"%hasura projects --name '{project.name.replace('-', '?')}'").names() == [
        project.name
    ]
