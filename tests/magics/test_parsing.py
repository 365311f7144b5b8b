"""The ``%hasura`` grammar (hasura_cloud_magic.magics.parsing).

Covers: every command and action of ``parse_line`` and the Namespace it yields, defaults,
``--help``/``help``, one-line usage errors, ``parse_cell_options``, ``parse_assignments``,
``split_words`` and the shape of ``command_tree``.
"""

from __future__ import annotations

import pytest

from hasura_cloud_magic.errors import InvalidInputError, UsageError
from hasura_cloud_magic.magics.parsing import (
    COMMANDS,
    EXAMPLES,
    HelpRequested,
    command_tree,
    parse_assignments,
    parse_cell_options,
    parse_line,
    split_words,
)
from hasura_cloud_magic.redaction import mask_secrets

PREVIEW_REQUIRED = "--owner o --repo r --branch b --name n"


def fields(line: str) -> dict[str, object]:
    return vars(parse_line(line))


def usage_error(line: str) -> str:
    """The message of the UsageError ``line`` raises; always exactly one line."""
    with pytest.raises(UsageError) as caught:
        parse_line(line)
    message = str(caught.value)
    assert "\n" not in message
    return message


def help_text(line: str) -> str:
    with pytest.raises(HelpRequested) as caught:
        parse_line(line)
    return caught.value.text


# ------------------------------------------------------------------ commands


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("help", {"command": "help", "topic": []}),
        ("help env", {"command": "help", "topic": ["env"]}),
        ("help env show", {"command": "help", "topic": ["env", "show"]}),
        ("status", {"command": "status"}),
        ("login", {"command": "login", "token_env": None}),
        ("login --token-env MY_TOKEN", {"command": "login", "token_env": "MY_TOKEN"}),
        ("logout", {"command": "logout"}),
        ("projects", {"command": "projects", "name": None, "df": False}),
        ("projects --name 'prod-*' --df", {"command": "projects", "name": "prod-*", "df": True}),
        ("project my-app", {"command": "project", "target": "my-app"}),
        ("tenant t-1", {"command": "tenant", "tenant_id": "t-1"}),
        ("regions", {"command": "regions", "cloud": None}),
        ("regions --cloud gcp", {"command": "regions", "cloud": "gcp"}),
        (
            "rename old new",
            {"command": "rename", "target": "old", "new_name": "new", "confirm": None},
        ),
        ("delete app", {"command": "delete", "target": "app", "yes": False, "confirm": None}),
        (
            "delete app --yes --confirm app",
            {"command": "delete", "target": "app", "yes": True, "confirm": "app"},
        ),
    ],
)
def test_simple_commands(line: str, expected: dict[str, object]) -> None:
    assert fields(line) == expected


def test_empty_line_means_help() -> None:
    assert fields("") == {"command": "help", "topic": []}
    assert fields("   ") == {"command": "help", "topic": []}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("emulator start", {"step_seconds": None, "db": None}),
        (
            "emulator start --step-seconds 0.5 --db /tmp/e.db",
            {"step_seconds": 0.5, "db": "/tmp/e.db"},
        ),
        ("emulator stop", {}),
        ("emulator status", {}),
    ],
)
def test_emulator_actions(line: str, expected: dict[str, object]) -> None:
    action = line.split()[1]
    assert fields(line) == {"command": "emulator", "action": action, **expected}


def test_create_with_required_and_optional_flags() -> None:
    assert fields("create --cloud aws --region us-east-2 --name app --plan cloud_payg") == {
        "command": "create",
        "cloud": "aws",
        "region": "us-east-2",
        "name": "app",
        "plan": "cloud_payg",
        "env": [],
    }


def test_create_env_is_repeatable_and_takes_several_values() -> None:
    args = parse_line("create --cloud gcp --region r --env A=1 B=2 --env C=3")
    assert args.env == ["A=1", "B=2", "C=3"]
    assert (args.name, args.plan) == (None, None)


@pytest.mark.parametrize(
    ("line", "missing"),
    [("create --region r", "--cloud"), ("create --cloud aws", "--region"), ("create", "--cloud")],
)
def test_create_requires_cloud_and_region(line: str, missing: str) -> None:
    message = usage_error(line)
    assert "required" in message
    assert missing in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("env show app", {"action": "show", "target": "app", "reveal": False}),
        ("env show app --reveal", {"action": "show", "target": "app", "reveal": True}),
        (
            "env set app A=1 B=x=y",
            {
                "action": "set",
                "target": "app",
                "assignments": ["A=1", "B=x=y"],
                "dry_run": False,
                "projects": None,
                "yes": False,
                "concurrency": 20,
                "allow_partial": False,
                "wait": False,
                "timeout": 600.0,
            },
        ),
        (
            "env set app A=1 --dry-run",
            {
                "action": "set",
                "target": "app",
                "assignments": ["A=1"],
                "dry_run": True,
                "projects": None,
                "yes": False,
                "concurrency": 20,
                "allow_partial": False,
                "wait": False,
                "timeout": 600.0,
            },
        ),
        (
            "env unset app A B",
            {
                "action": "unset",
                "target": "app",
                "keys": ["A", "B"],
                "dry_run": False,
                "projects": None,
                "yes": False,
                "concurrency": 20,
                "allow_partial": False,
                "wait": False,
                "timeout": 600.0,
            },
        ),
        (
            "env unset app A --dry-run",
            {
                "action": "unset",
                "target": "app",
                "keys": ["A"],
                "dry_run": True,
                "projects": None,
                "yes": False,
                "concurrency": 20,
                "allow_partial": False,
                "wait": False,
                "timeout": 600.0,
            },
        ),
    ],
)
def test_env_actions(line: str, expected: dict[str, object]) -> None:
    assert fields(line) == {"command": "env", **expected}


def test_preview_create_defaults() -> None:
    assert fields(f"preview create {PREVIEW_REQUIRED}") == {
        "command": "preview",
        "action": "create",
        "owner": "o",
        "repo": "r",
        "branch": "b",
        "name": "n",
        "directory": "",
        "replace": False,
        "cloud": "aws",
        "region": "us-east-2",
        "plan": "cloud_free",
        "github_token_env": "GITHUB_TOKEN",
        "env": [],
        "wait": False,
        "timeout": 600.0,
    }


def test_preview_create_overrides() -> None:
    args = parse_line(
        f"preview create {PREVIEW_REQUIRED} --directory hasura --cloud gcp --region eu "
        "--plan cloud_payg --github-token-env GH --env A=1 B=2 --wait --timeout 30"
    )
    assert (args.directory, args.cloud, args.region, args.plan) == (
        "hasura",
        "gcp",
        "eu",
        "cloud_payg",
    )
    assert (args.github_token_env, args.env, args.wait, args.timeout) == (
        "GH",
        ["A=1", "B=2"],
        True,
        30.0,
    )


@pytest.mark.parametrize("flag", ["--owner", "--repo", "--branch", "--name"])
def test_preview_create_required_flags(flag: str) -> None:
    words = PREVIEW_REQUIRED.split()
    index = words.index(flag)
    line = " ".join(["preview", "create", *words[:index], *words[index + 2 :]])
    message = usage_error(line)
    assert "required" in message
    assert flag in message


def test_preview_status_and_delete() -> None:
    assert fields("preview status job-1") == {
        "command": "preview",
        "action": "status",
        "job_id": "job-1",
        "wait": False,
        "timeout": 600.0,
    }
    assert parse_line("preview status job-1 --wait --timeout 5").timeout == 5.0
    assert parse_line("preview status job-1 --wait").wait is True
    assert fields("preview delete app --yes") == {
        "command": "preview",
        "action": "delete",
        "name": "app",
        "yes": True,
        "confirm": None,
    }
    assert parse_line("preview delete app").yes is False


# ------------------------------------------------------------ words and quotes


@pytest.mark.parametrize("word", ["$x", "{y}", "$x.y", "{a.b}"])
def test_variables_and_braces_pass_through(word: str) -> None:
    assert parse_line(f"project {word}").target == word
    assert parse_line(f"projects --name {word}").name == word


def test_quoted_value_with_spaces() -> None:
    assert parse_line("env set app KEY=\"a b\" OTHER='c  d'").assignments == [
        "KEY=a b",
        "OTHER=c  d",
    ]


def test_split_words() -> None:
    assert split_words('a "b c" d') == ["a", "b c", "d"]
    assert split_words("") == []


def test_unbalanced_quote_is_a_usage_error() -> None:
    assert "cannot read the line" in usage_error('env set app KEY="a b')
    with pytest.raises(UsageError):
        split_words("'")


# ---------------------------------------------------------------- errors


def test_unknown_command_suggests_without_the_whole_list() -> None:
    message = usage_error("prjects")
    assert message == "unknown command 'prjects'. Did you mean 'projects'?"  # one short line


def test_unknown_command_without_close_match_has_no_suggestion() -> None:
    message = usage_error("zzzzzz")
    assert "Did you mean" not in message
    assert f"Commands: {', '.join(COMMANDS)}" in message


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("projects --bogus", "unknown flag '--bogus'"),
        ("--bogus", "unknown flag '--bogus'"),
        ("env show app --rev", "Did you mean '--reveal'?"),
        ("delete app --y", "Did you mean '--yes'?"),
        ("project a b", "unexpected argument 'b'"),
    ],
)
def test_unknown_flags_and_extra_words(line: str, needle: str) -> None:
    message = usage_error(line)
    assert needle in message
    assert "--help" in message


def test_abbreviated_flag_never_repeats_the_following_word() -> None:
    """``--token <secret>`` is not ``--token-env``, and the secret is not echoed."""
    message = usage_error("login --token hasura_pat_SECRET")
    assert "unknown flag '--token'" in message
    assert "Did you mean '--token-env'?" in message
    assert "SECRET" not in message


@pytest.mark.parametrize(
    "flag", ["login --token-env", f"preview create {PREVIEW_REQUIRED} --github-token-env"]
)
def test_env_var_name_flags_refuse_values_without_echoing_them(flag: str) -> None:
    message = usage_error(f"{flag} ghp-SECRET/value")
    assert "NAME of an env var" in message
    assert "SECRET" not in message


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("tenant", "TENANT_ID"),
        ("project", "TARGET"),
        ("rename app", "NEW_NAME"),
        ("env set app", "KEY=VALUE"),
        ("env unset app", "KEY"),
        ("preview status", "JOB_ID"),
        ("env", "ACTION"),
    ],
)
def test_missing_positional(line: str, needle: str) -> None:
    message = usage_error(line)
    assert "required" in message
    assert needle in message


def test_bad_action_suggests_and_lists_actions() -> None:
    message = usage_error("env shwo app")
    assert "unknown action 'shwo'" in message
    assert "Did you mean 'show'?" in message
    assert "show, set, unset" in message


@pytest.mark.parametrize("value", ["x", "nan", "0", "-5"])
def test_timeout_must_be_a_positive_number(value: str) -> None:
    message = usage_error(f"preview status job --timeout {value}")
    assert "--timeout" in message
    assert repr(value) in message


def test_step_seconds_must_be_a_number() -> None:
    assert "--step-seconds" in usage_error("emulator start --step-seconds fast")


def test_flag_without_its_value() -> None:
    assert "expected one argument" in usage_error("projects --name")


# ------------------------------------------------------------------- help


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("--help", "%hasura"),
        ("-h", "%hasura"),
        ("projects --help", "%hasura projects"),
        ("env --help", "%hasura env"),
        ("env show --help", "%hasura env show"),
        ("env set app A=1 --help", "%hasura env set"),
        ("create --help", "%hasura create"),
        ("preview status --help", "%hasura preview status"),
    ],
)
def test_help_flag_anywhere_raises_help_requested(line: str, named: str) -> None:
    text = help_text(line)
    assert f"usage: {named} " in text


def test_help_text_lists_flags() -> None:
    assert "--reveal" in help_text("env show --help")
    assert "--github-token-env" in help_text("preview create --help")


def _leaves() -> list[str]:
    """ "command" or "command action" for every leaf of the grammar."""
    return [
        f"{command} {action}".strip()
        for command, branches in command_tree().items()
        for action in [action for action in branches if action] or [""]
    ]


def test_every_command_and_action_has_one_or_two_examples() -> None:
    assert sorted(EXAMPLES) == sorted(_leaves())
    assert all(1 <= len(lines) <= 2 for lines in EXAMPLES.values())


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_each_example_parses_as_its_command_and_shows_no_token(key: str) -> None:
    command, _, action = key.partition(" ")
    for example in EXAMPLES[key]:
        assert example.startswith(f"%hasura {key}"), example
        args = parse_line(example.removeprefix("%hasura "))
        assert (args.command, getattr(args, "action", "") if action else "") == (command, action)
        assert mask_secrets(example) == example and "hasura_pat" not in example
        assert len(f"  {example}") <= 100, "an example fits a notebook line"


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_each_help_page_ends_with_its_examples(key: str) -> None:
    page = help_text(f"{key} --help")
    assert page.rstrip().endswith("\n".join(f"  {line}" for line in EXAMPLES[key]))
    command, _, action = key.partition(" ")
    if action:  # the command's own page: the first example of each action
        assert f"  {EXAMPLES[key][0]}\n" in help_text(f"{command} --help")


@pytest.mark.parametrize(
    ("line", "usage"),
    [
        (
            "env set --help",
            "usage: %hasura env set TARGET KEY=VALUE ... [--dry-run] [--wait [--timeout S]]\n"
            "       %hasura env set --projects GLOB KEY=VALUE ... [--yes] [--concurrency N]\n",
        ),
        ("env unset -h", "usage: %hasura env unset TARGET KEY ... [--dry-run]"),
        ("create --help", "[--env KEY=VALUE ...]\n"),
        ("env copy --help", "usage: %hasura env copy A B [--keys KEY ...] [--dry-run] [--yes]\n"),
        ("help --help", "usage: %hasura help [COMMAND [ACTION]]\n"),
        ("status --help", "usage: %hasura status\n"),
    ],
)
def test_usage_lines_read_as_a_person_writes_them(line: str, usage: str) -> None:
    page = help_text(line)
    assert usage in page
    assert "[-h]" not in page and "[KEY" not in page and "[[" not in page


def test_the_top_level_help_shows_the_help_command_as_written() -> None:
    assert f"{COMMANDS['help']}\n" in help_text("--help")


def test_help_requested_is_not_a_usage_error() -> None:
    assert not issubclass(HelpRequested, UsageError)
    assert HelpRequested("text").text == "text"


# ------------------------------------------------------------- cell options


def test_cell_options_defaults_and_values() -> None:
    assert vars(parse_cell_options("")) == {"var": None, "variables": None, "operation": None}
    options = parse_cell_options("--var out --variables '{\"a\": 1}' --operation Q")
    assert vars(options) == {"var": "out", "variables": '{"a": 1}', "operation": "Q"}


@pytest.mark.parametrize("line", ["--bogus", "--vars x", "--var"])
def test_cell_options_errors(line: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_cell_options(line)
    assert "%%hasura" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_cell_options_help() -> None:
    with pytest.raises(HelpRequested) as caught:
        parse_cell_options("--help")
    assert "--operation" in caught.value.text


# -------------------------------------------------------------- assignments


def test_assignments_split_on_first_equals() -> None:
    assert parse_assignments(["A=1", "B=x=y", "_c=="]) == {"A": "1", "B": "x=y", "_c": "="}
    assert parse_assignments([]) == {}


def test_assignment_without_equals() -> None:
    with pytest.raises(UsageError, match="expected KEY=VALUE, got 'A'"):
        parse_assignments(["A"])


@pytest.mark.parametrize("key", ["1A", "A-B", "", "A B"])
def test_assignment_invalid_key(key: str) -> None:
    with pytest.raises(InvalidInputError, match="invalid env var name"):
        parse_assignments([f"{key}=v"])


def test_assignment_empty_value_points_to_unset() -> None:
    with pytest.raises(UsageError, match=r"empty value for A.*env unset"):
        parse_assignments(["A="])


def test_assignment_duplicate_key() -> None:
    with pytest.raises(UsageError, match="A is given twice") as caught:
        parse_assignments(["A=secret1", "A=secret2"])
    assert "secret" not in str(caught.value)
    assert parse_assignments(["A=1", "A=1"]) == {"A": "1"}


# ------------------------------------------------------------ helpers, tree


def test_command_tree_shape() -> None:
    tree = command_tree()
    assert list(tree) == list(COMMANDS)
    assert all("" in branches for branches in tree.values())
    assert set(tree["env"]) == {"", "show", "set", "unset", "edit", "diff", "copy"}
    assert set(tree["emulator"]) == {"", "start", "stop", "status", "state", "dns", "user"}
    assert set(tree["domain"]) == {"", "add", "status", "delete"}
    assert set(tree["collaborator"]) == {"", "invite", "set", "resend", "remove"}
    assert set(tree["invitations"]) == {"", "accept", "decline"}
    assert set(tree["preview"]) == {"", "create", "status", "delete", "wizard"}
    assert set(tree["projects"]) == {""}


def test_command_tree_flags() -> None:
    tree = command_tree()
    assert "--reveal" in tree["env"]["show"]
    assert "--dry-run" in tree["env"]["set"]
    assert "--dry-run" in tree["env"]["unset"]
    assert "--wait" in tree["preview"]["status"]
    assert {"--owner", "--repo", "--branch", "--name", "--env"} <= set(tree["preview"]["create"])
    assert {"--step-seconds", "--db"} <= set(tree["emulator"]["start"])
    assert {"--cloud", "--region", "--name", "--plan", "--env"} <= set(tree["create"][""])
    assert "--yes" in tree["delete"][""]
    assert "--token-env" in tree["login"][""]
    assert all(
        flag.startswith("--") for branches in tree.values() for f in branches.values() for flag in f
    )


def test_form_actions() -> None:
    edit = parse_line("env edit my-app")
    assert (edit.command, edit.action, edit.target) == ("env", "edit", "my-app")
    wizard = parse_line("preview wizard")
    assert (wizard.action, wizard.github_token_env) == ("wizard", "GITHUB_TOKEN")
    assert parse_line("preview wizard --github-token-env GH").github_token_env == "GH"
    with pytest.raises(UsageError):
        parse_line("preview wizard --github-token-env ghp_not_a_name-")


def test_placeholders_expand_from_the_namespace_quoted() -> None:
    from hasura_cloud_magic.magics.parsing import expand_placeholders

    line = expand_placeholders("env set {{ name }} KEY={{value}}", {"name": "a", "value": "x y"})
    assert line == "env set a KEY='x y'"
    assert parse_line(line).assignments == ["KEY=x y"]
    assert expand_placeholders("no $x {y} here", {}) == "no $x {y} here"
    with pytest.raises(UsageError, match="no variable named 'missing'"):
        expand_placeholders("project {{missing}}", {})


def test_fleet_and_promotion_forms() -> None:
    many = parse_line("env set --projects 'shop-*' A=1 B=2 --yes --concurrency 4")
    assert (many.target, many.projects, many.assignments) == (None, "shop-*", ["A=1", "B=2"])
    assert (many.yes, many.concurrency) == (True, 4)
    assert parse_line("env unset --projects 'x*' K").keys == ["K"]
    copy = parse_line("env copy staging prod --keys A B --dry-run")
    assert (copy.target, copy.other, copy.keys, copy.dry_run) == (
        "staging",
        "prod",
        ["A", "B"],
        True,
    )
    diff = parse_line("env diff a b")
    assert (diff.action, diff.target, diff.other) == ("diff", "a", "b")
    with pytest.raises(UsageError, match="TARGET and at least one KEY=VALUE are required"):
        parse_line("env set app")
    with pytest.raises(UsageError, match="whole number"):
        parse_line("env set --projects x A=1 --concurrency 0")


def test_placeholders_escape_and_refuse_what_is_not_text() -> None:
    """The trial's M8: no escape, and None written as the string "None"."""
    from hasura_cloud_magic.magics.parsing import expand_placeholders, placeholders_in

    line = r"env set p GREETING=\{{name}} KEY={{key}}"
    expanded = expand_placeholders(line, {"key": "k", "name": "n"})
    assert expanded == "env set p GREETING={{name}} KEY=k"
    assert placeholders_in(line) == ["key"]
    assert expand_placeholders("x {{n}}", {"n": 3}) == "x 3"
    for value in (None, True, 1.5, ["a"], {"a": 1}):
        with pytest.raises(UsageError, match="only text"):
            expand_placeholders("x {{v}}", {"v": value})
