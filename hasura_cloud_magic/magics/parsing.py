"""The ``%hasura`` command-line grammar: a line in, an ``argparse.Namespace`` out.

Everything that turns text into arguments lives here and nowhere else:

* :func:`parse_line` — ``%hasura`` line → Namespace with ``command`` (and ``action`` for
  ``env``, ``emulator``, ``preview``, ``domain``, ``collaborator`` and ``invitations``);
  :func:`command_module` names the module that runs it;
* :func:`parse_cell_options` — the options of ``%%hasura``;
* :func:`parse_assignments` — ``KEY=VALUE`` words → dict;
* :func:`expand_placeholders` — ``{{name}}`` → the notebook variable's value, quoted;
* :func:`refuse_shell_variables` — ``$name`` of a notebook variable: use ``{{name}}``;
* :func:`command_tree` — the grammar as data, for completion and help;
* :data:`EXAMPLES` — one or two example lines per command and action, shown at the end of
  its help (a test parses each one).

Mistakes raise :class:`~hasura_cloud_magic.errors.UsageError` with one line; ``--help``
raises :class:`HelpRequested` carrying the usage text.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import re
import shlex
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

from hasura_cloud_magic.display import did_you_mean
from hasura_cloud_magic.env_vars import check_env_key
from hasura_cloud_magic.errors import UsageError
from hasura_cloud_magic.redaction import quoted
from hasura_cloud_magic.settings import (
    CLOUDS,
    DEFAULT_FLEET_CONCURRENCY,
    DEFAULT_HEALTH_CONCURRENCY,
    DEFAULT_LOG_LIMIT,
    DEFAULT_METRICS_SINCE,
    DEFAULT_PREVIEW_PLACEMENT,
    DEFAULT_TOP_OPERATIONS,
    DEFAULT_WAIT_TIMEOUT_SECONDS,
    GITHUB_TOKEN_ENV_VAR,
    MAX_LOG_LIMIT,
    PLANS,
    TOKEN_ENV_VAR,
    is_env_var_name,
)
from hasura_cloud_magic.times import INTERVALS

PROG = "%hasura"
#: Choices of the monitoring commands, written out so that parsing a line never imports the
#: Metrics API client: tests/magics/test_monitoring_magics.py checks them against
#: monitoring.BY and monitoring.SORTS.
INTERVAL_NAMES = tuple(INTERVALS)
METRICS_BY = ("operation", "role", "client", "transport")
METRICS_SORTS = ("count", "errors", "latency")

#: One line per command, in the order ``%hasura help`` lists them.
COMMANDS: dict[str, str] = {
    "help": "show this help, or a command's help: %hasura help env",
    "status": "endpoint, whether a token is set, the emulator, versions",
    "login": "take the access token from an env var or a hidden prompt (memory only)",
    "logout": "forget the token taken by login",
    "emulator": "start|stop|status|state|dns|user the embedded local Hasura Cloud",
    "projects": "list projects, optionally by name glob",
    "project": "one project: plan, owner, status, env rollout, NAT IPs",
    "health": "is each project up: status, env rollout, plan, region, endpoint",
    "tenant": "one tenant by tenant id",
    "regions": "active regions, optionally of one cloud",
    "create": "create a project",
    "rename": "rename a project",
    "delete": "delete a project (asks unless --yes)",
    "reactivate": "bring a hibernated or suspended project back (asks unless --yes)",
    "db-latency": "measure the latency from a project's region to its databases",
    "metrics": "requests, errors and mean latency over time, one project or many",
    "operations": "a project's busiest, most failing or slowest operations",
    "errors": "errors by code and operation, and over time, one project or many",
    "logs": "a project's requests: time, request id, role, latency, error",
    "journal": "this session's writes: when, which project, keys, hashes, outcome",
    "env": "show|set|unset|edit|diff|copy env vars, one project or many (values masked)",
    "preview": "create|status|delete|wizard GitHub preview apps",
    "domains": "a project's custom domains: DNS record to create, validation, certificate",
    "domain": "add|status|delete a custom domain (add prints the DNS record to create)",
    "collaborators": "who has access: owner, collaborators, privileges, invitations",
    "collaborator": "invite|set|resend|remove a collaborator, one project or many",
    "invitations": "invitations waiting for you; accept or decline one",
    "access": "a form: collaborators by privileges, invite, review, save (conflict-safe)",
}


#: Example lines per command, or per "command action" for env, emulator and preview; each
#: command's help ends with its own (a command with actions: the first of each action's).
#: Emulator-first and realistic, never a token: a test parses every one with parse_line.
EXAMPLES: dict[str, list[str]] = {
    "help": ["%hasura help env set"],
    "status": ["%hasura status"],
    "login": ["%hasura login", "%hasura login --token-env HASURA_CLOUD_TOKEN_STAGING"],
    "logout": ["%hasura logout"],
    "emulator start": ["%hasura emulator start", "%hasura emulator start --db emulator.sqlite"],
    "emulator stop": ["%hasura emulator stop"],
    "emulator status": ["%hasura emulator status"],
    "emulator state": [
        "%hasura emulator state shop-prod --active no --reason hibernated",
        "%hasura emulator state shop-prod --endpoint down",
    ],
    "emulator dns": ["%hasura emulator dns api.shop.example.com --to shop-prod"],
    "emulator user": ["%hasura emulator user ana@example.com"],
    "projects": ["%hasura projects --name 'shop-*'", "%hasura projects --df"],
    "project": ["%hasura project shop-prod"],
    "health": ["%hasura health", "%hasura health --projects 'shop-*' --concurrency 4"],
    "tenant": ["%hasura tenant 3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f"],
    "regions": ["%hasura regions --cloud aws"],
    "create": [
        "%hasura create --cloud aws --region us-east-2 --name shop-staging",
        "%hasura create --cloud gcp --region europe-west1 --env LOG_LEVEL=info",
    ],
    "rename": ["%hasura rename shop-staging shop-qa"],
    "delete": ["%hasura delete shop-qa", "%hasura delete shop-qa --yes"],
    "reactivate": ["%hasura reactivate shop-prod"],
    "db-latency": ["%hasura db-latency shop-prod", "%hasura db-latency shop-prod --no-wait"],
    "metrics": [
        "%hasura metrics shop-prod --since 7d --interval 1h --by operation",
        "%hasura metrics --projects 'shop-*' --since 24h",
    ],
    "operations": [
        "%hasura operations shop-prod --sort latency --top 5",
        "%hasura operations shop-prod --since 2026-11-28T00:00 --until 2026-11-29T00:00",
    ],
    "errors": ["%hasura errors shop-prod --since 24h", "%hasura errors --projects 'shop-*'"],
    "logs": [
        "%hasura logs shop-prod --operation GetProducts --limit 50",
        "%hasura logs shop-prod --since 1h --errors",
    ],
    "journal": ["%hasura journal --since 24h", "%hasura journal --save writes.jsonl"],
    "env show": ["%hasura env show shop-prod", "%hasura env show shop-staging --reveal"],
    "env set": [
        "%hasura env set shop-staging LOG_LEVEL=debug --wait",
        "%hasura env set --projects 'shop-*' FEATURE_CART=on --dry-run",
    ],
    "env unset": [
        "%hasura env unset shop-staging LOG_LEVEL",
        "%hasura env unset --projects 'shop-*' FEATURE_CART --yes",
    ],
    "env edit": ["%hasura env edit shop-staging"],
    "env diff": ["%hasura env diff shop-staging shop-prod"],
    "env copy": [
        "%hasura env copy shop-prod shop-qa --dry-run",
        "%hasura env copy shop-prod shop-qa --keys PAYMENTS_URL LOG_LEVEL",
    ],
    "preview create": [
        "%hasura preview create --owner acme --repo shop --branch cart --name shop-pr-42 --wait",
        "%hasura preview create --owner acme --repo shop --branch cart --name shop-pr-42 "
        "--directory hasura",
    ],
    "preview status": ["%hasura preview status shop-pr-42 --wait"],
    "preview delete": ["%hasura preview delete shop-pr-42"],
    "preview wizard": ["%hasura preview wizard"],
    "domains": ["%hasura domains shop-prod"],
    "domain add": [
        "%hasura domain add shop-prod api.shop.example.com",
        "%hasura domain add shop-prod api.shop.example.com --wait --timeout 3600",
    ],
    "domain status": ["%hasura domain status shop-prod api.shop.example.com --wait"],
    "domain delete": ["%hasura domain delete shop-prod api.shop.example.com --yes"],
    "collaborators": [
        "%hasura collaborators shop-prod",
        "%hasura collaborators --projects 'shop-*'",
    ],
    "collaborator invite": [
        "%hasura collaborator invite shop-prod ana@example.com --privileges view_metrics",
        "%hasura collaborator invite --projects 'shop-*' ana@example.com --privileges view_metrics",
    ],
    "collaborator set": [
        "%hasura collaborator set shop-prod ana@example.com --privileges admin view_metrics"
    ],
    "collaborator resend": ["%hasura collaborator resend shop-prod ana@example.com"],
    "collaborator remove": [
        "%hasura collaborator remove shop-prod ana@example.com",
        "%hasura collaborator remove --projects 'shop-*' ana@example.com --yes",
    ],
    "invitations accept": ["%hasura invitations accept shop-prod"],
    "invitations decline": ["%hasura invitations decline shop-prod"],
    "access": ["%hasura access shop-prod"],
}


class HelpRequested(Exception):
    """``--help`` or ``help``: not an error; ``text`` is what to show."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of printing and exiting.

    Abbreviated flags are refused: ``login --token hasura_pat_...`` must not be read as
    ``--token-env`` (the token would become an env var *name* and show up in messages).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise UsageError(message or f"{self.prog}: invalid arguments")

    def print_help(self, file: object = None) -> NoReturn:
        usage, rest = self.format_help().split("\n", 1)
        raise HelpRequested(f"{usage.replace(' [-h]', '', 1)}\n{rest}")  # -h: on every page


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Examples kept as written; a repeated value reads ``--env KEY=VALUE ...``, not
    ``--env KEY=VALUE [KEY=VALUE ...]``."""

    def _format_args(self, action: argparse.Action, default_metavar: str) -> str:
        if action.nargs == argparse.ONE_OR_MORE:
            return f"{self._metavar_formatter(action, default_metavar)(1)[0]} ..."
        return super()._format_args(action, default_metavar)


def env_var_name(value: str) -> str:
    """argparse type: the NAME of an env var; the error never repeats the value (a token?).

    A GitHub token (``ghp_…``) is a valid identifier too: a name shaped like a token is
    refused, so it is never echoed as "env var ghp_… is not set" or shown in a form."""
    if not is_env_var_name(value):
        raise argparse.ArgumentTypeError(
            "expected the NAME of an env var (letters, digits, underscores), not its value"
        )
    return value


def seconds(value: str, *, allow_zero: bool = False) -> float:
    """argparse type: a number of seconds > 0 (``inf`` allowed, ``nan`` not)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if math.isnan(number) or number < 0 or (number == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise argparse.ArgumentTypeError(f"expected a number of seconds {bound}, got {value!r}")
    return number


def positive_int(value: str) -> int:
    """argparse type: a whole number >= 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return int(value)


def seconds_or_zero(value: str) -> float:
    """argparse type: a number of seconds >= 0 (0 = instant)."""
    return seconds(value, allow_zero=True)


def _target(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="TARGET", help="tenant id, project id or project name")


def _assignments_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--env",
        metavar="KEY=VALUE",
        nargs="+",
        action="extend",
        default=[],
        help="env vars to set (repeatable)",
    )


def _timeout_flag(parser: argparse.ArgumentParser, before: str = "") -> None:
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_WAIT_TIMEOUT_SECONDS,
        metavar="S",
        help=f"{before}give up waiting after S s (default {DEFAULT_WAIT_TIMEOUT_SECONDS:g})",
    )


def _wait_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", action="store_true", help="follow the job until it ends")
    _timeout_flag(parser)


Commands = argparse._SubParsersAction  # what each builder below adds its command to


def _page(key: str, *usage: str) -> dict[str, Any]:
    """``add_parser`` keywords for the help page of ``key`` ("env set"): its examples at the
    end and, when argparse's own usage line is noise, the ``usage`` lines a person would
    write (``%(prog)s`` is the command; a line starting with a space continues the one
    before, under its first argument)."""
    examples = EXAMPLES.get(key) or [
        lines[0] for name, lines in EXAMPLES.items() if name.startswith(f"{key} ")
    ]
    keywords: dict[str, Any] = {
        "epilog": "\n".join(["examples:", *(f"  {line}" for line in examples)]),
        "formatter_class": _Formatter,
    }
    if usage:
        margin, below = " " * len("usage: "), " " * len(f"{PROG} {key} ")
        lines = [f"{below}{line.strip()}" if line.startswith(" ") else line for line in usage]
        keywords["usage"] = f"\n{margin}".join(lines)
    return keywords


def _help(commands: Commands[_Parser]) -> None:
    help_ = commands.add_parser(
        "help",
        help=COMMANDS["help"].replace("%", "%%"),  # argparse %-formats help text
        **_page("help", "%(prog)s [COMMAND [ACTION]]"),
    )
    help_.add_argument("topic", nargs="*", metavar="COMMAND")


def _status(commands: Commands[_Parser]) -> None:
    commands.add_parser("status", help=COMMANDS["status"], **_page("status"))


def _login(commands: Commands[_Parser]) -> None:
    login = commands.add_parser("login", help=COMMANDS["login"], **_page("login"))
    login.add_argument(
        "--token-env",
        type=env_var_name,
        metavar="NAME",
        help=f"env var holding the token (default {TOKEN_ENV_VAR})",
    )


def _logout(commands: Commands[_Parser]) -> None:
    commands.add_parser("logout", help=COMMANDS["logout"], **_page("logout"))


def _emulator(commands: Commands[_Parser]) -> None:
    emulator = commands.add_parser("emulator", help=COMMANDS["emulator"], **_page("emulator"))
    actions = emulator.add_subparsers(dest="action", metavar="ACTION", required=True)
    start = actions.add_parser(
        "start", help="start it in the background and use it", **_page("emulator start")
    )
    start.add_argument(
        "--step-seconds",
        type=seconds_or_zero,
        default=None,
        metavar="S",
        help="seconds per preview-app step (0: instant)",
    )
    start.add_argument("--db", metavar="PATH", help="SQLite file that keeps state")
    actions.add_parser(
        "stop", help="stop it and go back to the configured endpoint", **_page("emulator stop")
    )
    actions.add_parser("status", help="whether it runs, and where", **_page("emulator status"))
    state = actions.add_parser(
        "state",
        help="put an emulated project into a state (demos, tests); show it",
        **_page(
            "emulator state",
            "%(prog)s NAME [--maintenance on|off] [--endpoint up|down|hang]",
            " [--active yes|no [--reason hibernated|suspended]]",
        ),
    )
    state.add_argument("name", metavar="NAME", help="project name")
    state.add_argument("--maintenance", choices=("on", "off"), help="maintenance mode")
    state.add_argument(
        "--active", choices=("yes", "no"), help="no: inactive (hibernated unless --reason)"
    )
    state.add_argument("--reason", help="why it is inactive: hibernated or suspended")
    state.add_argument(
        "--endpoint", choices=("up", "down", "hang"), help="how its /healthz answers"
    )
    dns = actions.add_parser(
        "dns",
        help="point a domain's emulated DNS at a project (demos, tests); show it",
        **_page("emulator dns", "%(prog)s FQDN [--to PROJECT | --host HOST]"),
    )
    dns.add_argument("fqdn", metavar="FQDN", help="the custom domain")
    aim = dns.add_mutually_exclusive_group()
    aim.add_argument("--to", metavar="PROJECT", help="point it at this project's own host")
    aim.add_argument("--host", metavar="HOST", help="point it at another host")
    user = actions.add_parser(
        "user",
        help="a second emulated user with this e-mail: returns a client acting as them",
        **_page("emulator user", "%(prog)s EMAIL"),
    )
    user.add_argument("email", metavar="EMAIL")


def _projects(commands: Commands[_Parser]) -> None:
    projects = commands.add_parser("projects", help=COMMANDS["projects"], **_page("projects"))
    projects.add_argument("--name", metavar="GLOB", help="e.g. 'prod-*'")
    projects.add_argument("--df", action="store_true", help="return a pandas DataFrame")


def _project(commands: Commands[_Parser]) -> None:
    _target(commands.add_parser("project", help=COMMANDS["project"], **_page("project")))


def _health(commands: Commands[_Parser]) -> None:
    health = commands.add_parser(
        "health",
        help=COMMANDS["health"],
        **_page("health", "%(prog)s [TARGET | --projects GLOB] [--concurrency N]"),
    )
    health.add_argument("target", metavar="TARGET", nargs="?", help="one project (default: all)")
    health.add_argument("--projects", metavar="GLOB", help="every project matching GLOB")
    health.add_argument(
        "--concurrency",
        type=positive_int,
        default=DEFAULT_HEALTH_CONCURRENCY,
        metavar="N",
        help=f"endpoints checked at once (default {DEFAULT_HEALTH_CONCURRENCY})",
    )


def _reactivate(commands: Commands[_Parser]) -> None:
    reactivate = commands.add_parser(
        "reactivate", help=COMMANDS["reactivate"], **_page("reactivate", "%(prog)s TARGET [--yes]")
    )
    _target(reactivate)
    reactivate.add_argument("--yes", action="store_true", help="do not ask")


def _db_latency(commands: Commands[_Parser]) -> None:
    check = commands.add_parser(
        "db-latency",
        help=COMMANDS["db-latency"],
        **_page("db-latency", "%(prog)s TARGET [--no-wait] [--timeout S]"),
    )
    _target(check)
    check.add_argument(
        "--no-wait", dest="wait", action="store_false", help="start the check, do not follow it"
    )
    _timeout_flag(check)


def _time_range_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        metavar="WHEN",
        default=DEFAULT_METRICS_SINCE,
        help=f"start: 30m, 24h, 7d or an ISO time (default {DEFAULT_METRICS_SINCE})",
    )
    parser.add_argument("--until", metavar="WHEN", help="end: like --since (default: now)")


def _interval_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--interval", choices=INTERVAL_NAMES, help="bucket width (default: by the range)"
    )


def _one_or_many(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="TARGET", nargs="?", help="one project")
    parser.add_argument("--projects", metavar="GLOB", help="every project matching GLOB")


def _metrics(commands: Commands[_Parser]) -> None:
    metrics = commands.add_parser(
        "metrics",
        help=COMMANDS["metrics"],
        **_page(
            "metrics",
            "%(prog)s TARGET | --projects GLOB [--since WHEN] [--until WHEN]",
            " [--interval 5m|10m|15m|30m|1h|6h|12h|1d] [--by operation|role|client|transport]",
        ),
    )
    _one_or_many(metrics)
    _time_range_flags(metrics)
    _interval_flag(metrics)
    metrics.add_argument(
        "--by", choices=METRICS_BY, help="one series per group (the busiest, one project)"
    )


def _operations(commands: Commands[_Parser]) -> None:
    operations = commands.add_parser(
        "operations",
        help=COMMANDS["operations"],
        **_page(
            "operations",
            "%(prog)s TARGET [--since WHEN] [--until WHEN] [--top N] [--sort count|errors|latency]",
        ),
    )
    _target(operations)
    _time_range_flags(operations)
    operations.add_argument(
        "--top",
        type=positive_int,
        default=DEFAULT_TOP_OPERATIONS,
        metavar="N",
        help=f"how many operations (default {DEFAULT_TOP_OPERATIONS})",
    )
    operations.add_argument(
        "--sort", choices=METRICS_SORTS, default="count", help="most first (default count)"
    )


def _errors(commands: Commands[_Parser]) -> None:
    errors = commands.add_parser(
        "errors",
        help=COMMANDS["errors"],
        **_page(
            "errors",
            "%(prog)s TARGET | --projects GLOB [--since WHEN] [--until WHEN] [--interval I]",
            " [--top N]",
        ),
    )
    _one_or_many(errors)
    _time_range_flags(errors)
    _interval_flag(errors)
    errors.add_argument(
        "--top",
        type=positive_int,
        default=DEFAULT_TOP_OPERATIONS,
        metavar="N",
        help=f"groups of code and operation per project (default {DEFAULT_TOP_OPERATIONS})",
    )


def _logs(commands: Commands[_Parser]) -> None:
    logs = commands.add_parser(
        "logs",
        help=COMMANDS["logs"],
        **_page(
            "logs",
            "%(prog)s TARGET [--since WHEN] [--until WHEN] [--operation NAME] [--errors]",
            " [--limit N]",
        ),
    )
    _target(logs)
    _time_range_flags(logs)
    logs.add_argument("--operation", metavar="NAME", help="only this operation")
    logs.add_argument("--errors", action="store_true", help="only failed requests")
    logs.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LOG_LIMIT,
        metavar="N",
        help=f"the newest N requests (default {DEFAULT_LOG_LIMIT}, at most {MAX_LOG_LIMIT})",
    )


def _tenant(commands: Commands[_Parser]) -> None:
    tenant = commands.add_parser("tenant", help=COMMANDS["tenant"], **_page("tenant"))
    tenant.add_argument("tenant_id", metavar="TENANT_ID")


def _regions(commands: Commands[_Parser]) -> None:
    regions = commands.add_parser("regions", help=COMMANDS["regions"], **_page("regions"))
    regions.add_argument("--cloud", help=" or ".join(CLOUDS))


def _create(commands: Commands[_Parser]) -> None:
    create = commands.add_parser(
        "create",
        help=COMMANDS["create"],
        **_page(
            "create",
            "%(prog)s --cloud CLOUD --region REGION [--name NAME] [--plan PLAN]",
            " [--env KEY=VALUE ...]",
        ),
    )
    create.add_argument("--cloud", required=True, help=" or ".join(CLOUDS))
    create.add_argument("--region", required=True, help="e.g. us-east-2")
    create.add_argument("--name", help="lowercase letters, digits, hyphens (default: generated)")
    create.add_argument("--plan", help=" or ".join(PLANS))
    _assignments_flag(create)


def _rename(commands: Commands[_Parser]) -> None:
    rename = commands.add_parser(
        "rename",
        help=COMMANDS["rename"],
        **_page("rename", "%(prog)s TARGET NEW_NAME [--confirm NAME]"),
    )
    _target(rename)
    rename.add_argument("new_name", metavar="NEW_NAME")
    _confirm_flag(rename)


def _delete(commands: Commands[_Parser]) -> None:
    delete = commands.add_parser(
        "delete",
        help=COMMANDS["delete"],
        **_page("delete", "%(prog)s TARGET [--yes] [--confirm NAME]"),
    )
    _target(delete)
    delete.add_argument("--yes", action="store_true", help="do not ask")
    _confirm_flag(delete)


def _confirm_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--confirm",
        metavar="NAME",
        help="in a run nobody watches: the project's name, to touch one this run did not create",
    )


def _journal(commands: Commands[_Parser]) -> None:
    journal = commands.add_parser("journal", help=COMMANDS["journal"], **_page("journal"))
    journal.add_argument("--since", metavar="WHEN", help="30m, 24h, 7d or an ISO time")
    journal.add_argument("--save", metavar="PATH", help="append the entries as JSON lines")


def _fleet_flags(parser: argparse.ArgumentParser, *, shown: str = "the diff") -> None:
    """``--projects GLOB`` and how a change across it runs (env and collaborator commands)."""
    parser.add_argument("--projects", metavar="GLOB", help="every project matching GLOB")
    parser.add_argument("--yes", action="store_true", help="apply to --projects without asking")
    parser.add_argument(
        "--concurrency",
        type=positive_int,
        default=DEFAULT_FLEET_CONCURRENCY,
        metavar="N",
        help=f"projects changed at once (with --projects; default {DEFAULT_FLEET_CONCURRENCY})",
    )
    parser.add_argument("--dry-run", action="store_true", help=f"show {shown}, change nothing")
    parser.add_argument(
        "--allow-partial",
        action="store_true",
        help="with --projects: warn, do not fail, when some projects did not change",
    )


def _env_fleet_flags(parser: argparse.ArgumentParser) -> None:
    _fleet_flags(parser)
    parser.add_argument(
        "--wait", action="store_true", help="return once the change is live on every server"
    )
    _timeout_flag(parser, "with --wait: ")


def _fleet_usage(word: str) -> tuple[str, ...]:
    """``env set|unset``: one project, or every project matching a glob."""
    return (
        f"%(prog)s TARGET {word} ... [--dry-run] [--wait [--timeout S]]",
        f"%(prog)s --projects GLOB {word} ... [--yes] [--concurrency N]",
        " [--dry-run] [--allow-partial] [--wait [--timeout S]]",
    )


def _env(commands: Commands[_Parser]) -> None:
    env = commands.add_parser("env", help=COMMANDS["env"], **_page("env"))
    actions = env.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help="keys and (masked) values", **_page("env show", "%(prog)s TARGET [--reveal]")
    )
    _target(show)
    show.add_argument("--reveal", action="store_true", help="show the values")
    set_ = actions.add_parser(
        "set",
        help="add or change KEY=VALUE pairs (one project or many)",
        **_page("env set", *_fleet_usage("KEY=VALUE")),
    )
    set_.add_argument(
        "words",
        metavar="[TARGET] KEY=VALUE",
        nargs="+",
        help="TARGET (unless --projects), then one or more KEY=VALUE",
    )
    _env_fleet_flags(set_)
    unset = actions.add_parser(
        "unset",
        help="remove keys (one project or many)",
        **_page("env unset", *_fleet_usage("KEY")),
    )
    unset.add_argument(
        "words", metavar="[TARGET] KEY", nargs="+", help="TARGET (unless --projects), then keys"
    )
    _env_fleet_flags(unset)
    _target(
        actions.add_parser(
            "edit", help="a form: edit, review, save (conflict-safe)", **_page("env edit")
        )
    )
    diff = actions.add_parser(
        "diff", help="compare two projects' env keys (values masked)", **_page("env diff")
    )
    diff.add_argument("target", metavar="A")
    diff.add_argument("other", metavar="B")
    copy = actions.add_parser(
        "copy",
        help="copy env vars from project A to project B",
        **_page("env copy", "%(prog)s A B [--keys KEY ...] [--dry-run] [--yes]"),
    )
    copy.add_argument("target", metavar="A")
    copy.add_argument("other", metavar="B")
    copy.add_argument("--keys", nargs="+", metavar="KEY", help="only these (default: all)")
    copy.add_argument("--dry-run", action="store_true", help="show the diff, change nothing")
    copy.add_argument("--yes", action="store_true", help="copy without asking")


def _preview(commands: Commands[_Parser]) -> None:
    preview = commands.add_parser("preview", help=COMMANDS["preview"], **_page("preview"))
    actions = preview.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create",
        help="queue a preview app from a GitHub branch",
        **_page(
            "preview create",
            "%(prog)s --owner OWNER --repo REPO --branch BRANCH --name NAME",
            " [--directory DIR] [--replace] [--cloud CLOUD] [--region REGION]",
            " [--plan PLAN] [--env KEY=VALUE ...] [--github-token-env NAME]",
            " [--wait [--timeout S]]",
        ),
    )
    for flag, text in (
        ("--owner", "GitHub user or organisation"),
        ("--repo", "repository name"),
        ("--branch", "branch to deploy"),
        ("--name", "preview app (project) name"),
    ):
        create.add_argument(flag, required=True, help=text)
    create.add_argument(
        "--directory", default="", metavar="DIR", help="Hasura project dir in the repo"
    )
    create.add_argument(
        "--replace",
        action="store_true",
        help="if a project has this name, delete and replace it (otherwise refused)",
    )
    create.add_argument("--cloud", default=DEFAULT_PREVIEW_PLACEMENT.cloud)
    create.add_argument("--region", default=DEFAULT_PREVIEW_PLACEMENT.region)
    create.add_argument("--plan", default=DEFAULT_PREVIEW_PLACEMENT.plan)
    create.add_argument(
        "--github-token-env",
        default=GITHUB_TOKEN_ENV_VAR,
        type=env_var_name,
        metavar="NAME",
        help=f"env var holding the GitHub token (default {GITHUB_TOKEN_ENV_VAR})",
    )
    _assignments_flag(create)
    _wait_flags(create)
    status = actions.add_parser(
        "status",
        help="where a creation job stands",
        **_page("preview status", "%(prog)s JOB_ID|NAME [--wait [--timeout S]]"),
    )
    status.add_argument(
        "job_id", metavar="JOB_ID|NAME", help="its creation job id, or an app queued here"
    )
    _wait_flags(status)
    delete = actions.add_parser(
        "delete",
        help="delete a preview app by name",
        **_page("preview delete", "%(prog)s NAME [--yes] [--confirm NAME]"),
    )
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    _confirm_flag(delete)
    wizard = actions.add_parser(
        "wizard", help="a step-by-step form with live progress", **_page("preview wizard")
    )
    wizard.add_argument(
        "--github-token-env",
        type=env_var_name,
        default=GITHUB_TOKEN_ENV_VAR,
        metavar="NAME",
        help=f"env var the form may take the GitHub token from (default {GITHUB_TOKEN_ENV_VAR})",
    )


def _domains(commands: Commands[_Parser]) -> None:
    _target(commands.add_parser("domains", help=COMMANDS["domains"], **_page("domains")))


def _domain(commands: Commands[_Parser]) -> None:
    domain = commands.add_parser("domain", help=COMMANDS["domain"], **_page("domain"))
    actions = domain.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add a domain; prints the DNS record to create",
        **_page("domain add", "%(prog)s TARGET FQDN [--wait [--timeout S]]"),
    )
    status = actions.add_parser(
        "status",
        help="where its DNS check and certificate stand",
        **_page("domain status", "%(prog)s TARGET FQDN [--wait [--timeout S]]"),
    )
    for parser in (add, status):
        _target(parser)
        parser.add_argument("fqdn", metavar="FQDN", help="e.g. api.example.com")
        parser.add_argument(
            "--wait", action="store_true", help="follow DNS validation and the certificate"
        )
        _timeout_flag(parser, "with --wait: ")
    delete = actions.add_parser(
        "delete",
        help="remove a domain from the project (asks unless --yes)",
        **_page("domain delete", "%(prog)s TARGET FQDN [--yes] [--confirm FQDN]"),
    )
    _target(delete)
    delete.add_argument("fqdn", metavar="FQDN")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    delete.add_argument(
        "--confirm", metavar="FQDN", help="in a run nobody watches: a domain it did not add"
    )


def _collaborators(commands: Commands[_Parser]) -> None:
    listing = commands.add_parser(
        "collaborators",
        help=COMMANDS["collaborators"],
        **_page("collaborators", "%(prog)s TARGET | --projects GLOB"),
    )
    _one_or_many(listing)


def _collaborator(commands: Commands[_Parser]) -> None:
    collaborator = commands.add_parser(
        "collaborator", help=COMMANDS["collaborator"], **_page("collaborator")
    )
    actions = collaborator.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text, extra in (
        ("invite", "invite by e-mail with privileges", " --privileges P [P ...]"),
        ("set", "change a collaborator's privileges", " --privileges P [P ...]"),
        ("resend", "send a pending invitation's e-mail again", ""),
        ("remove", "remove a collaborator or revoke their invitation", ""),
    ):
        one_project = action in ("set", "resend")
        usage = [f"%(prog)s TARGET EMAIL{extra}"]
        if not one_project:
            usage += [f"%(prog)s --projects GLOB EMAIL{extra}", " [--yes] [--concurrency N]"]
            usage[-1] += " [--dry-run] [--allow-partial]"
        parser = actions.add_parser(action, help=text, **_page(f"collaborator {action}", *usage))
        parser.add_argument(
            "words", metavar="[TARGET] EMAIL", nargs="+", help="TARGET (unless --projects), EMAIL"
        )
        if extra:
            parser.add_argument(
                "--privileges",
                nargs="+",
                required=True,
                metavar="P",
                help="admin, graphql_admin, view_metrics",
            )
        if one_project:
            parser.set_defaults(projects=None)
        else:
            _fleet_flags(parser, shown="the plan")
        if action == "remove":
            _confirm_flag(parser)


def _invitations(commands: Commands[_Parser]) -> None:
    invitations = commands.add_parser(
        "invitations",
        help=COMMANDS["invitations"],
        **_page("invitations", "%(prog)s [accept|decline PROJECT]"),
    )
    actions = invitations.add_subparsers(dest="action", metavar="ACTION")
    for action in ("accept", "decline"):
        parser = actions.add_parser(
            action, help=f"{action} the invitation to PROJECT", **_page(f"invitations {action}")
        )
        parser.add_argument("project", metavar="PROJECT", help="the project's name or id")


def _access(commands: Commands[_Parser]) -> None:
    _target(commands.add_parser("access", help=COMMANDS["access"], **_page("access")))


#: How to add each command to a parser, in the order of COMMANDS.
_BUILDERS: dict[str, Callable[[Commands[_Parser]], None]] = {
    "help": _help,
    "status": _status,
    "login": _login,
    "logout": _logout,
    "emulator": _emulator,
    "projects": _projects,
    "project": _project,
    "health": _health,
    "tenant": _tenant,
    "regions": _regions,
    "create": _create,
    "rename": _rename,
    "delete": _delete,
    "reactivate": _reactivate,
    "db-latency": _db_latency,
    "metrics": _metrics,
    "operations": _operations,
    "errors": _errors,
    "logs": _logs,
    "journal": _journal,
    "env": _env,
    "preview": _preview,
    "domains": _domains,
    "domain": _domain,
    "collaborators": _collaborators,
    "collaborator": _collaborator,
    "invitations": _invitations,
    "access": _access,
}


@functools.cache  # built once: argparse keeps no state between parses, and building is slow
def build_parser(command: str | None = None) -> _Parser:
    """The ``%hasura`` grammar: every command (for help and completion), or just ``command``
    (what parsing one line needs: a first command should not pay for all fourteen)."""
    parser = _Parser(prog=PROG, description="Drive the Hasura Cloud API from IPython.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, add in _BUILDERS.items():
        if command in (None, name):
            add(commands)
    return parser


def _split_person(args: argparse.Namespace) -> argparse.Namespace:
    """``collaborator ACTION``: TARGET EMAIL, or EMAIL alone with ``--projects``."""
    words = list(args.words)
    del args.words
    wanted = 1 if args.projects is not None else 2
    if len(words) != wanted:
        shape = "EMAIL with --projects" if wanted == 1 else "TARGET and EMAIL"
        raise UsageError(
            f"%hasura collaborator {args.action}: give {shape}, got {len(words)} words"
        )
    args.target = None if wanted == 1 else words[0]
    args.email = words[-1]
    return args


def _split_target(args: argparse.Namespace) -> argparse.Namespace:
    """``env set|unset``: TARGET comes first unless ``--projects`` names the projects."""
    words = list(args.words)
    del args.words
    if args.projects is None:
        if len(words) < 2:
            what = "KEY=VALUE" if args.action == "set" else "KEY"
            raise UsageError(
                f"%hasura env {args.action}: TARGET and at least one {what} are required"
            )
        args.target, words = words[0], words[1:]
    else:
        args.target = None
    setattr(args, "assignments" if args.action == "set" else "keys", words)
    return args


def command_module(command: str) -> str:
    """The module of ``magics.commands`` that runs ``command`` (``db-latency`` → ``db_latency``)."""
    return command.replace("-", "_")


def split_words(line: str) -> list[str]:
    """Shell-like split; an unbalanced quote is a usage error, not a traceback."""
    try:
        return shlex.split(line)
    except ValueError as error:
        raise UsageError(f"{PROG}: cannot read the line: {error}") from None


def parse_line(line: str) -> argparse.Namespace:
    """Parse a ``%hasura`` line. An empty line means ``help``."""
    words = split_words(line)
    if not words:
        words = ["help"]
    command = _check_names(words)
    args, extras = build_parser(command).parse_known_args(words)
    if extras:
        raise UsageError(_unrecognized(args, extras))
    if args.command == "env" and args.action in ("set", "unset"):
        return _split_target(args)
    if args.command == "collaborator":
        return _split_person(args)
    return args


def _check_names(words: list[str]) -> str | None:
    """The command the line runs (None for a bare flag such as ``--help``); an unknown
    command or action is one line with the closest name and the valid ones."""
    command = words[0]
    if command.startswith("-"):
        return None
    if command not in COMMANDS:
        # A suggestion is enough; the whole list only when there is none (a short line).
        hint = did_you_mean(command, COMMANDS) or f" Commands: {', '.join(COMMANDS)}"
        raise UsageError(f"unknown command {command!r}.{hint}")
    actions = list(_subparsers(_subparsers(build_parser(command))[command]))
    if actions and len(words) > 1 and not words[1].startswith("-") and words[1] not in actions:
        raise UsageError(
            f"{PROG} {command}: unknown action {words[1]!r}.{did_you_mean(words[1], actions)} "
            f"Actions: {', '.join(actions)}"
        )
    return command


def _unrecognized(args: argparse.Namespace, extras: list[str]) -> str:
    """One line naming the command and the first unknown flag (or extra word), never the
    words after a flag: ``--token <secret>`` must not repeat the secret."""
    command = getattr(args, "command", None) or ""
    action = getattr(args, "action", None) or ""
    where = " ".join(word for word in (PROG, command, action) if word)
    flags = [word.partition("=")[0] for word in extras if word.startswith("-")]
    if flags:  # the flag without its "=value": --token=<secret> must not repeat the secret
        known = command_tree().get(command, {}).get(action, []) if command else ["--help"]
        problem = f"unknown flag {quoted(flags[0])}.{did_you_mean(flags[0], known)}"
    else:
        problem = f"unexpected argument {quoted(extras[0])}."
    return f"{where}: {problem} (see {where} --help)"


def parse_cell_options(line: str) -> argparse.Namespace:
    """Options of ``%%hasura``: ``--var NAME``, ``--variables JSON_OR_NAME``, ``--operation``."""
    parser = _Parser(prog="%%hasura", description="Run a GraphQL document against the API.")
    parser.add_argument("--var", metavar="NAME", help="also store the result in this variable")
    parser.add_argument(
        "--variables",
        metavar="JSON_OR_NAME",
        help="variables as JSON, or the name of a dict in the namespace "
        "(default: each $variable is read from the namespace by its name)",
    )
    parser.add_argument("--operation", metavar="NAME", help="which operation of the document")
    rest, json_text = _inline_json_variables(line)
    args = parser.parse_args(split_words(rest))
    if json_text is not None:
        args.variables = json_text
    return args


_INLINE_JSON = re.compile(r"--variables(?:\s+|=)(?=[\[{])")


def _inline_json_variables(line: str) -> tuple[str, str | None]:
    """``--variables {"n": "x"}`` as bigquery-magics takes ``--params``: JSON written as it is,
    spaces and double quotes included (no shell quoting). Returns the line without it, and
    the JSON text (the rest of the line if it does not parse, so its error is reported)."""
    found = _INLINE_JSON.search(line)
    if found is None:
        return line, None
    try:
        _value, end = json.JSONDecoder().raw_decode(line, found.end())
    except ValueError:
        return line[: found.start()], line[found.end() :].strip()
    return line[: found.start()] + line[end:], line[found.end() : end]


def parse_assignments(words: Iterable[str]) -> dict[str, str]:
    """``["A=1", "B=x=y"]`` → ``{"A": "1", "B": "x=y"}``; split on the first ``=``."""
    result: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals:
            last = next(reversed(result), None)
            hint = f"; quote values with spaces: '{last}=... {word}'" if last else ""
            raise UsageError(f"expected KEY=VALUE, got {quoted(word)}{hint}")
        check_env_key(key)
        if not value:
            raise UsageError(f"empty value for {key}; to remove a key use: %hasura env unset")
        if key in result and result[key] != value:
            raise UsageError(f"{key} is given twice with different values")
        result[key] = value
    return result


@functools.cache
def command_tree() -> dict[str, dict[str, list[str]]]:
    """``{command: {"": flags, action: flags, ...}}`` — the grammar for tab completion.

    The one place that reads argparse internals; a test pins its shape.
    """
    tree: dict[str, dict[str, list[str]]] = {}
    for name, parser in _subparsers(build_parser()).items():
        branches = {"": _flags(parser)}
        for action, subparser in _subparsers(parser).items():
            branches[action] = _flags(subparser)
        tree[name] = branches
    return tree


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _flags(parser: argparse.ArgumentParser) -> list[str]:
    return [
        option
        for action in parser._actions
        for option in action.option_strings
        if option.startswith("--")
    ]


_SHELL_VARIABLE = re.compile(r"(?<![\\\w$])\$\{?([A-Za-z_][A-Za-z0-9_]*)")


def refuse_shell_variables(line: str, namespace: Mapping[str, object]) -> None:
    """``$name`` (or ``${name}``) naming a notebook variable is refused: IPython's expansion
    is off here, so it would be sent as the text ``$name`` (jupysql warns the same way)."""
    for match in _SHELL_VARIABLE.finditer(line):
        if match[1] in namespace:
            raise UsageError(
                f"${match[1]} is not expanded in %hasura lines: write {{{{{match[1]}}}}} to use "
                f"the notebook variable (or \\${match[1]} for a literal $)"
            )


_PLACEHOLDER = re.compile(r"(\\?)\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def placeholders_in(line: str) -> list[str]:
    """The names of the ``{{name}}`` placeholders in ``line`` (escaped ones left out)."""
    return [match[2] for match in _PLACEHOLDER.finditer(line) if not match[1]]


def expand_placeholders(line: str, namespace: Mapping[str, object]) -> str:
    """``{{name}}`` → the value of ``name`` in the notebook, shell-quoted.

    IPython's own ``$x``/``{x}`` expansion is off for ``%hasura`` (GraphQL is full of both);
    this explicit form lets a loop or a secret held in a variable reach a command without
    typing the value into the cell. ``\\{{name}}`` stands for a literal ``{{name}}``. Only
    values whose text is exact are placed (text, whole numbers, uuids): ``None``, booleans,
    floats, lists and other objects are refused (``None`` must not become ``"None"``).
    """

    def value_of(match: re.Match[str]) -> str:
        escaped, name = match[1], match[2]
        if escaped:
            return match[0][1:]
        if name not in namespace:
            raise UsageError(f"{{{{{name}}}}}: no variable named {name!r} in the notebook")
        value = namespace[name]
        if isinstance(value, bool) or not isinstance(value, str | int | uuid.UUID):
            raise UsageError(
                f"{{{{{name}}}}} is {type(value).__name__}: only text (str), whole numbers "
                "(int) and uuids can be placed in a line"
            )
        return shlex.quote(str(value))

    return _PLACEHOLDER.sub(value_of, line)
