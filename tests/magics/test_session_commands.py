"""Help, status, login, logout and the emulator commands.

The %hasura magic, driven through a real IPython shell against the emulator.
"""

from __future__ import annotations

from typing import Any

import pytest
from magic_shell import TestingShell, run

from hasura_cloud_magic.errors import (
    AuthenticationError,
    ConfigurationError,
    UsageError,
)
from hasura_cloud_magic.results import (
    RegionList,
)

# ---------------------------------------------------------------- help and status


def printed(ip: TestingShell, capsys: pytest.CaptureFixture[str], line: str) -> str:
    """Help is printed, never returned as an Out value: what ``line`` printed."""
    capsys.readouterr()
    assert run(ip, line) is None
    return capsys.readouterr().out


def test_help_lists_every_command_on_one_line_each(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    from hasura_cloud_magic.magics.parsing import COMMANDS

    text = printed(ip, capsys, "%hasura help")
    for command, description in COMMANDS.items():
        assert any(
            line.split()[:1] == [command] and description in line for line in text.splitlines()
        )
    assert printed(ip, capsys, "%hasura") == text


@pytest.mark.parametrize("line", ["%hasura help env", "%hasura env --help", "%hasura env show -h"])
def test_command_help(ip: TestingShell, capsys: pytest.CaptureFixture[str], line: str) -> None:
    assert "usage: %hasura env" in printed(ip, capsys, line)


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
    with pytest.raises(AuthenticationError) as caught:
        run(ip, "%hasura regions")
    assert str(caught.value) == (
        "no Hasura Cloud token: set HASURA_CLOUD_ACCESS_TOKEN, run %hasura login, or try it "
        "offline with %hasura emulator start"
    )
    assert "try it offline with %hasura emulator start" in repr(run(ip, "%hasura status"))


def test_a_refused_token_names_its_source_and_the_fix(
    ip: TestingShell, emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HASURA_CLOUD_ACCESS_TOKEN", "wrong-token-8c1f")
    with pytest.raises(AuthenticationError) as caught:
        run(ip, "%hasura projects")
    message = str(caught.value)
    assert message.startswith(
        "the token from env var HASURA_CLOUD_ACCESS_TOKEN was refused by http://127.0.0.1:"
    )
    assert "My Account → Access Tokens" in message and "wrong-token-8c1f" not in message


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
