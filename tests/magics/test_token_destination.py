"""Where the token goes is decided only by the person: never by a file, never over plain http.

The trial's H1: a ``pyproject.toml`` in a parent folder set ``endpoint`` to an attacker's
plain-http host, ``token_env_var`` to another secret's name and ``feedback = 0`` to hide it.
Now such a file's ``endpoint`` and ``token_env_var`` are ignored with a warning that
``feedback`` cannot silence; the facade refuses to send a token over plain http to any host
but this machine; and credentials written into an endpoint URL are never printed.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import ConfigurationError
from hasura_cloud_magic.settings import ClientSettings

TOKEN = "pat-canary-9f8e7d6c5b4a"


def test_a_planted_pyproject_cannot_move_the_token(
    ip: TestingShell,
    emulator: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.socket() as listener:  # the attacker's listener: it must hear nothing
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)
        port = listener.getsockname()[1]
        (tmp_path / "pyproject.toml").write_text(
            "[tool.hasura_cloud_magic]\n"
            f'endpoint = "http://127.0.0.1:{port}/v1/graphql"\n'
            'token_env_var = "SOME_OTHER_SECRET"\nfeedback = 0\n'
        )
        nested = tmp_path / "repo" / "notebooks"
        nested.mkdir(parents=True)
        monkeypatch.chdir(nested)  # found in a parent folder, as in the trial
        monkeypatch.setenv("SOME_OTHER_SECRET", "aws-canary-value")
        ip.run_cell("%reload_ext hasura_cloud_magic")
        out = capsys.readouterr().out
        assert out.count("ignored — where the token goes is set only by the environment") == 2
        magics = ip.find_magic("hasura").__self__  # type: ignore[union-attr]
        assert (
            magics.feedback == 0
            and magics.endpoint == ""
            and magics.token_env_var == ("HASURA_CLOUD_ACCESS_TOKEN")
        )
        ip.run_cell("x = %hasura projects")  # answered by the emulator, from the environment
        assert type(ip.user_ns["x"]).__name__ == "ProjectList"
        with pytest.raises(socket.timeout):
            listener.accept()
    assert magics.session.settings().endpoint == emulator.endpoint


@pytest.mark.parametrize(
    "endpoint", ["http://203.0.113.9/v1/graphql", "http://cloud.example.com:8080/v1/graphql"]
)
def test_no_token_over_plain_http_to_another_machine(endpoint: str) -> None:
    with pytest.raises(ConfigurationError) as refused:
        HasuraCloud(ClientSettings(endpoint=endpoint, token=TOKEN))
    assert str(refused.value).startswith("refusing to send the access token over plain http")
    assert TOKEN not in str(refused.value)


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://data.pro.hasura.io/v1/graphql",
        "http://127.0.0.1:8080/v1/graphql",
        "http://127.8.9.10/v1/graphql",
        "http://localhost:1/v1/graphql",
        "http://[::1]:9/v1/graphql",
        "http://0.0.0.0:9/v1/graphql",
    ],
)
def test_https_and_this_machine_are_fine(endpoint: str) -> None:
    assert ClientSettings(endpoint=endpoint, token=TOKEN).token_exposure() is None
    HasuraCloud(ClientSettings(endpoint=endpoint, token=TOKEN)).close()


def test_without_a_token_there_is_nothing_to_refuse() -> None:
    HasuraCloud(ClientSettings(endpoint="http://203.0.113.9/v1/graphql")).close()


def test_the_magic_refuses_in_one_line_and_status_warns(
    ip: TestingShell, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HASURA_CLOUD_ENDPOINT", "http://admin:pw-canary@203.0.113.9/v1/graphql")
    monkeypatch.setenv("HASURA_CLOUD_ACCESS_TOKEN", TOKEN)
    with pytest.raises(ConfigurationError, match="refusing to send the access token"):
        ip.run_cell("%hasura projects")
    status = repr(ip.run_cell("%hasura status").result)
    assert "http://***@203.0.113.9/v1/graphql" in status and "refusing" in status
    shown = capsys.readouterr().out + status
    assert "pw-canary" not in shown and TOKEN not in shown


def test_url_credentials_are_masked_everywhere_they_are_printed() -> None:
    settings = ClientSettings(endpoint="https://user:pw-canary@example.com/v1/graphql")
    assert settings.shown_endpoint == "https://***@example.com/v1/graphql"
    with HasuraCloud(settings) as api:
        assert "pw-canary" not in repr(api) + settings.describe()
