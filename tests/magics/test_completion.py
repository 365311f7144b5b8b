"""Tab completion for ``%hasura`` and ``%%hasura`` (hasura_cloud_magic.magics.completion).

Covers ``candidates()`` (commands, actions, flags, flag values, cached project names and env
keys, ``%%hasura`` cell options, lines that are not ours) and ``make_matcher()`` through a real
IPython completer. The cache is the only source of names: completion never calls the API.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from IPython.core.completer import provisionalcompleter
from IPython.core.history import HistoryManager
from IPython.core.interactiveshell import InteractiveShell

from hasura_cloud_magic.magics.completion import candidates, make_matcher
from hasura_cloud_magic.magics.parsing import COMMANDS
from hasura_cloud_magic.magics.session import CompletionCache

PROJECTS = ["myproj", "alpha"]
ENV_KEYS = ["DB_URL", "API_KEY"]


@pytest.fixture
def cache() -> CompletionCache:
    return CompletionCache(project_names=set(PROJECTS), env_keys=set(ENV_KEYS))


def texts(line: str, cache: CompletionCache) -> list[str]:
    return [text for text, _kind in candidates(line, cache)]


# ------------------------------------------------------------ commands, actions


def test_all_commands_after_the_magic(cache: CompletionCache) -> None:
    assert candidates("%hasura ", cache) == [(name, "command") for name in COMMANDS]


@pytest.mark.parametrize("line", ["%hasura pro", "x = %hasura pro", "  a, b = %hasura pro"])
def test_command_prefix(line: str, cache: CompletionCache) -> None:
    assert sorted(texts(line, cache)) == ["project", "projects"]


@pytest.mark.parametrize(
    ("line", "actions"),
    [
        ("%hasura env ", ["show", "set", "unset", "edit", "diff", "copy"]),
        ("%hasura emulator ", ["start", "stop", "status", "state", "dns", "user"]),
        ("%hasura preview ", ["create", "status", "delete", "wizard"]),
        ("%hasura env s", ["show", "set"]),
    ],
)
def test_actions(line: str, actions: list[str], cache: CompletionCache) -> None:
    assert candidates(line, cache) == [(action, "action") for action in actions]


def test_unknown_action_offers_nothing(cache: CompletionCache) -> None:
    assert candidates("%hasura env bogus ", cache) == []


# ------------------------------------------------------------- flags, names


def test_env_show_offers_sorted_projects_and_flags(cache: CompletionCache) -> None:
    found = candidates("%hasura env show ", cache)
    assert [text for text, kind in found if kind == "project"] == sorted(PROJECTS)
    assert ("--reveal", "flag") in found


def test_flag_prefix(cache: CompletionCache) -> None:
    assert texts("%hasura env show --r", cache) == ["--reveal"]


def test_flag_already_given_is_not_offered_again(cache: CompletionCache) -> None:
    assert "--reveal" not in texts("%hasura env show app --reveal ", cache)
    assert texts("%hasura create --env A=1 --e", cache) == ["--env"]  # repeatable


def test_env_unset_offers_cached_keys(cache: CompletionCache) -> None:
    found = candidates("%hasura env unset myproj ", cache)
    assert [text for text, kind in found if kind == "env key"] == sorted(ENV_KEYS)
    assert ("--dry-run", "flag") in found


def test_env_set_offers_key_equals(cache: CompletionCache) -> None:
    found = candidates("%hasura env set myproj ", cache)
    assert [text for text, kind in found if kind == "env key"] == ["API_KEY=", "DB_URL="]


def test_env_keys_already_given_are_not_offered(cache: CompletionCache) -> None:
    fleet_flags = [
        "--projects",
        "--yes",
        "--concurrency",
        "--dry-run",
        "--allow-partial",
        "--wait",
        "--timeout",
    ]
    assert texts("%hasura env set myproj DB_URL=x ", cache) == ["--help", *fleet_flags, "API_KEY="]
    assert "DB_URL" not in texts("%hasura env unset myproj DB_URL ", cache)


@pytest.mark.parametrize(
    ("line", "values"),
    [
        ("%hasura create --cloud ", ["aws", "gcp"]),
        ("%hasura regions --cloud g", ["gcp"]),
        ("%hasura create --plan ", ["cloud_free", "cloud_payg"]),
    ],
)
def test_flag_values(line: str, values: list[str], cache: CompletionCache) -> None:
    assert candidates(line, cache) == [(value, "value") for value in values]


def test_projects_name_offers_project_names(cache: CompletionCache) -> None:
    assert candidates("%hasura projects --name ", cache) == [
        (name, "project") for name in sorted(PROJECTS)
    ]


def test_create_name_does_not_offer_existing_projects(cache: CompletionCache) -> None:
    assert not set(PROJECTS) & set(texts("%hasura create --name ", cache))


@pytest.mark.parametrize(
    "line", ["%hasura project ", "%hasura rename ", "%hasura delete ", "%hasura preview delete "]
)
def test_target_position_offers_projects(line: str, cache: CompletionCache) -> None:
    assert set(PROJECTS) <= set(texts(line, cache))


def test_after_the_target_no_more_projects(cache: CompletionCache) -> None:
    assert not set(PROJECTS) & set(texts("%hasura project myproj ", cache))


def test_empty_cache_offers_no_names() -> None:
    """Nothing is fetched: without cached names there is nothing to offer."""
    empty = CompletionCache()
    assert candidates("%hasura projects --name ", empty) == []
    assert [kind for _text, kind in candidates("%hasura env show ", empty)] == ["flag", "flag"]
    assert texts("%hasura env unset app ", empty) == [
        "--help",
        "--projects",
        "--yes",
        "--concurrency",
        "--dry-run",
        "--allow-partial",
        "--wait",
        "--timeout",
    ]


# ------------------------------------------------------------ %%hasura, others


def test_cell_magic_offers_its_options(cache: CompletionCache) -> None:
    assert texts("%%hasura ", cache) == ["--var", "--variables", "--operation"]
    assert texts("%%hasura --v", cache) == ["--var", "--variables"]
    assert texts("%%hasura --var out ", cache) == ["--variables", "--operation"]
    assert texts("%%hasura --operation ", cache) == []


@pytest.mark.parametrize(
    "line",
    [
        "print(1)",
        "",
        "%hasura",
        "%hasuraX ",
        "%hasura_x ",
        "s = '%hasura pro'",
        "print('%hasura env show ')",
        "x == %hasura pro",
    ],
)
def test_lines_that_are_not_ours(line: str, cache: CompletionCache) -> None:
    assert candidates(line, cache) == []


# ------------------------------------------------------------------ IPython


@pytest.fixture
def shell_with_matcher(cache: CompletionCache) -> Iterator[InteractiveShell]:
    HistoryManager.enabled = False
    shell = InteractiveShell.instance()
    matcher = make_matcher(cache)
    shell.Completer.custom_matchers.append(matcher)
    try:
        yield shell
    finally:
        shell.Completer.custom_matchers.remove(matcher)


def complete(shell: InteractiveShell, text: str) -> list[Any]:
    with provisionalcompleter():
        return list(shell.Completer.completions(text, len(text)))


def test_ipython_completes_commands(shell_with_matcher: InteractiveShell) -> None:
    found = complete(shell_with_matcher, "%hasura pro")
    assert {c.text for c in found} == {"project", "projects"}
    assert {(c.start, c.end) for c in found} == {(8, 11)}


def test_ipython_completes_flags_names_and_cell_options(
    shell_with_matcher: InteractiveShell,
) -> None:
    assert [c.text for c in complete(shell_with_matcher, "%hasura env show --r")] == ["--reveal"]
    assert [c.text for c in complete(shell_with_matcher, "%hasura env show my")] == ["myproj"]
    cell = complete(shell_with_matcher, "%%hasura --v")
    assert {c.text for c in cell} == {"--var", "--variables"}


def test_ipython_other_lines_keep_their_completions(shell_with_matcher: InteractiveShell) -> None:
    assert "os" in {c.text for c in complete(shell_with_matcher, "import o")}
    assert "help" not in {c.text for c in complete(shell_with_matcher, "%hasura")}
