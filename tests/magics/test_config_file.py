"""``[tool.hasura_cloud_magic]`` in the nearest pyproject.toml (magics/config_file.py).

Covers ``find_pyproject`` (walking up, relative starts) and ``read``: allowed values kept,
unknown keys reported with a suggestion, token-like keys refused without ever showing their
value, malformed files reported instead of raised, missing file or table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hasura_cloud_magic.magics.config_file import FileSettings, find_pyproject, read

ALLOWED = {"timeout", "display_limit", "endpoint", "token_env_var"}
SECRET = "hasura_pat_DO_NOT_SHOW"


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return path.resolve()


def table(body: str) -> str:
    return f'[project]\nname = "x"\n\n[tool.hasura_cloud_magic]\n{body}\n'


# ------------------------------------------------------------------ finding


def test_nearest_pyproject_walking_up(tmp_path: Path) -> None:
    outer = write(tmp_path, "")
    inner = write(tmp_path / "a", "")
    nested = tmp_path / "a" / "b" / "c"
    nested.mkdir(parents=True)
    assert find_pyproject(nested) == inner
    assert find_pyproject(tmp_path / "a") == inner
    assert find_pyproject(tmp_path) == outer


def test_relative_start_walks_up_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert find_pyproject(Path(".")) == path


def test_a_folder_named_pyproject_is_not_a_file(tmp_path: Path) -> None:
    outer = write(tmp_path, "")
    (tmp_path / "a" / "pyproject.toml").mkdir(parents=True)
    assert find_pyproject(tmp_path / "a") == outer


def test_no_pyproject_gives_empty_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("hasura_cloud_magic.magics.config_file.find_pyproject", lambda start: None)
    assert read(tmp_path, ALLOWED) == FileSettings()
    assert read(tmp_path, ALLOWED).path is None


# ------------------------------------------------------------------ reading


def test_allowed_values_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, table("timeout = 60\ndisplay_limit = 20"))
    found = read(tmp_path / ".", ALLOWED)
    assert found.path == path
    assert found.values == {"timeout": 60, "display_limit": 20}
    assert found.problems == []


@pytest.mark.parametrize(
    "line", ['endpoint = "http://attacker.example:8080/v1/graphql"', 'token_env_var = "AWS_KEY"']
)
def test_where_the_token_goes_is_never_taken_from_a_file(tmp_path: Path, line: str) -> None:
    write(tmp_path, table(f"{line}\ntimeout = 5"))
    found = read(tmp_path, ALLOWED)
    assert found.values == {"timeout": 5}
    [problem] = found.problems
    key = line.split()[0]
    assert f"{key} ignored — where the token goes is set only by the environment" in problem
    assert "attacker" not in problem and "AWS_KEY" not in problem


def test_pyproject_without_the_table(tmp_path: Path) -> None:
    path = write(tmp_path, '[project]\nname = "x"\n[tool.ruff]\nline-length = 100\n')
    assert read(tmp_path, ALLOWED) == FileSettings(path)


def test_unknown_key_is_reported_with_a_suggestion(tmp_path: Path) -> None:
    write(tmp_path, table("timout = 5\ntimeout = 9"))
    found = read(tmp_path, ALLOWED)
    assert found.values == {"timeout": 9}
    [problem] = found.problems
    assert "unknown setting 'timout'" in problem
    assert "Did you mean 'timeout'?" in problem
    assert "pyproject.toml" in problem


@pytest.mark.parametrize(
    "key", ["token", "TOKEN", "access_token", "access-token", "pat", "github_token", "api_token"]
)
def test_token_keys_are_refused_without_their_value(tmp_path: Path, key: str) -> None:
    write(tmp_path, table(f'"{key}" = "{SECRET}"\ntimeout = 5'))
    found = read(tmp_path, ALLOWED)
    assert found.values == {"timeout": 5}
    [problem] = found.problems
    assert "never put a token in a file" in problem
    assert key in problem
    assert SECRET not in problem


def test_no_problem_ever_shows_a_value(tmp_path: Path) -> None:
    write(tmp_path, table(f'timout = "{SECRET}"\nsecret = "{SECRET}"\npat = "{SECRET}"'))
    found = read(tmp_path, ALLOWED)
    assert len(found.problems) == 3
    assert all(SECRET not in problem for problem in found.problems)
    assert found.values == {}


@pytest.mark.parametrize(
    "text",
    [
        "[tool.hasura_cloud_magic\ntimeout = 1\n",
        "[tool.hasura_cloud_magic]\ntimeout = = 1\n",
        "[tool.hasura_cloud_magic]\ntimeout = 1\ntimeout = 2\n",
    ],
)
def test_malformed_toml_is_reported_not_raised(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    found = read(tmp_path, ALLOWED)
    assert found.path == path
    assert found.values == {}
    [problem] = found.problems
    assert problem.startswith(f"{path}: cannot read it")


def test_undecodable_file_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[tool]\nx = '\xff\xfe'\n")
    [problem] = read(tmp_path, ALLOWED).problems
    assert "cannot read it" in problem


def test_table_of_the_wrong_type_is_reported_not_raised(tmp_path: Path) -> None:
    path = write(tmp_path, '[tool]\nhasura_cloud_magic = "timeout=5"\n')
    found = read(tmp_path, ALLOWED)
    assert found.values == {}
    assert found.problems == [f"{path}: [tool.hasura_cloud_magic] must be a table"]


@pytest.mark.parametrize("text", ['tool = "x"\n', "tool = [1]\n"])
def test_tool_that_is_not_a_table_is_ignored(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    assert read(tmp_path, ALLOWED) == FileSettings(path)
