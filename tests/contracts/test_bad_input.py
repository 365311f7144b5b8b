"""Bad input, table-driven: each answered with one clear line naming the problem, nothing changed.

Across the three surfaces people use: the magics, the forms, and the Python facade. After each
case the server's state (every project, its tenant and its env hash) must be what it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from magic_shell import TestingShell
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.widgets import EnvEditor, PreviewWizard


@dataclass
class World:
    ip: TestingShell
    cloud: HasuraCloud
    p: str  # a project's name
    q: str  # another project's name
    tenant: uuid.UUID


@pytest.fixture
def world(ip: TestingShell, cloud: HasuraCloud) -> Iterator[World]:
    names = [f"bad-{uuid.uuid4().hex[:8]}" for _ in range(2)]
    created = [
        cloud.create_project(cloud="aws", region="us-east-2", name=n, envs={"A": "1"})
        for n in names
    ]
    yield World(ip, cloud, names[0], names[1], created[0].id)
    for project in created:
        if cloud.get_tenant(project.id):
            cloud.delete_tenant(project.id)


def state(cloud: HasuraCloud) -> list[tuple[str, str]]:
    projects = cloud.list_projects()
    return sorted(
        (p.name, cloud.get_env(p.tenant.id).hash) for p in projects if p.tenant is not None
    )


def magic(line: str) -> Callable[[World], Any]:
    return lambda w: w.ip.run_cell(line.format(p=w.p, q=w.q, uuid=uuid.uuid4(), tenant=w.tenant))


def with_secret_then(line: str) -> Callable[[World], Any]:
    def act(w: World) -> Any:
        w.ip.user_ns["secret"] = "a-value-that-must-not-be-sent-literally"
        return magic(line)(w)

    return act


def editor_with(key: str, value: str) -> Callable[[World], Any]:
    def act(w: World) -> None:
        form = EnvEditor(w.cloud, w.tenant, w.p).load()
        form.rows.add_button.click()
        form.rows.rows[-1].key_input.value, form.rows.rows[-1].value_input.value = key, value
        form.save_button.click()
        assert form.status.kind == "error"
        raise HasuraCloudError(form.status.text)  # what the person reads in the form

    return act


def wizard_step(fill: Callable[[PreviewWizard], None], steps: int) -> Callable[[World], Any]:
    def act(w: World) -> None:
        wizard = PreviewWizard(w.cloud, runner=lambda work: work())
        fill(wizard)
        for _ in range(steps):
            wizard.next_button.click()
        assert wizard.status.kind == "error"
        raise HasuraCloudError(wizard.status.text)

    return act


def _set(widget_name: str, value: str) -> Callable[[PreviewWizard], None]:
    def fill(wizard: PreviewWizard) -> None:
        wizard.owner.value, wizard.repo.value = "o", "r"
        getattr(wizard, widget_name).value = value

    return fill


BIG = "x" * (64 * 1024 + 1)

CASES: list[tuple[str, Callable[[World], Any], str]] = [
    # magics: KEY=VALUE and keys
    ("kv-no-equals", magic("%hasura env set {p} NOEQUALS"), "expected KEY=VALUE"),
    ("kv-bad-key", magic("%hasura env set {p} 1KEY=x"), "invalid env var name '1KEY'"),
    ("kv-dash-key", magic("%hasura env set {p} MY-KEY=x"), "invalid env var name 'MY-KEY'"),
    ("kv-empty-value", magic("%hasura env set {p} KEY="), "empty value for KEY"),
    ("kv-twice", magic("%hasura env set {p} A=1 A=2"), "A is given twice"),
    ("unset-bad-key", magic("%hasura env unset {p} BAD-KEY"), "invalid env var name"),
    (
        "create-bad-env",
        magic("%hasura create --cloud aws --region us-east-2 --env 9X=1"),
        "invalid env var name '9X'",
    ),
    (
        "protected-key",
        magic("%hasura env set {p} HASURA_GRAPHQL_METADATA_DATABASE_URL=x"),
        "can not be updated",
    ),
    # magics: ids and targets
    ("tenant-not-uuid", magic("%hasura tenant 12345"), "tenant id must be a UUID"),
    ("job-not-uuid", magic("%hasura preview status abc"), "give its creation job id"),
    ("dollar-variable", with_secret_then("%hasura env set {p} A=$secret"), "write {{secret}}"),
    ("unknown-project", magic("%hasura project no-such-project"), "no project named"),
    ("unknown-id", magic("%hasura project {uuid}"), "no tenant or project with id"),
    ("env-unknown-project", magic("%hasura env show nope-nope"), "no project named 'nope-nope'"),
    ("unknown-tenant", magic("%hasura tenant {uuid}"), "no tenant"),
    ("unknown-job", magic("%hasura preview status {uuid}"), "No such preview app creation job"),
    ("preview-delete-unknown", magic("%hasura preview delete nope-nope --yes"), "does not exist"),
    # magics: cloud, region, plan, names
    ("unknown-cloud", magic("%hasura create --cloud mars --region us-east-2"), "mars"),
    ("unknown-region", magic("%hasura create --cloud aws --region moon-1"), "moon-1"),
    ("inactive-region", magic("%hasura create --cloud aws --region sa-east-1"), "sa-east-1"),
    ("unknown-plan", magic("%hasura create --cloud aws --region us-east-2 --plan gold"), "gold"),
    (
        "bad-name",
        magic("%hasura create --cloud aws --region us-east-2 --name Bad_Name"),
        "Bad_Name",
    ),
    ("rename-bad", magic("%hasura rename {p} Bad_Name"), "Bad_Name"),
    ("rename-taken", magic("%hasura rename {p} {q}"), "already taken"),
    ("regions-bad-cloud", magic("%hasura regions --cloud mars"), "unknown cloud 'mars'"),
    (
        "preview-bad-cloud",
        magic(
            "%hasura preview create --owner o --repo r --branch b "
            "--name pv-x --cloud mars --github-token-env HOME"
        ),
        "mars",
    ),
    # magics: health, db-latency, reactivate, --wait
    ("health-both", magic("%hasura health {p} --projects 'bad-*'"), "not both"),
    ("health-unknown", magic("%hasura health nope-nope"), "no project named 'nope-nope'"),
    ("health-concurrency", magic("%hasura health --concurrency 0"), "whole number >= 1"),
    ("latency-unknown", magic("%hasura db-latency nope-nope"), "no project named"),
    ("latency-timeout", magic("%hasura db-latency {p} --timeout -1"), "number of seconds > 0"),
    ("reactivate-no-yes", magic("%hasura reactivate nope-nope"), "no project named"),
    ("wait-timeout", magic("%hasura env set {p} A=2 --wait --timeout 0"), "seconds > 0"),
    ("state-bad-endpoint", magic("%hasura emulator state {p} --endpoint sideways"), "sideways"),
    # magics: monitoring (read only; a bad range is refused before anything is sent)
    ("metrics-no-target", magic("%hasura metrics"), "give TARGET or --projects GLOB"),
    ("metrics-inverted", magic("%hasura metrics {p} --since 1h --until 2h"), "empty or inverted"),
    ("metrics-bad-time", magic("%hasura metrics {p} --since someday"), "cannot read 'someday'"),
    ("metrics-bad-interval", magic("%hasura metrics {p} --interval 7m"), "invalid choice: '7m'"),
    ("metrics-too-many", magic("%hasura metrics {p} --since 90d --interval 5m"), "at most 5000"),
    ("metrics-by-fleet", magic("%hasura metrics --projects 'a*' --by role"), "give TARGET"),
    ("operations-sort", magic("%hasura operations {p} --sort speed"), "invalid choice: 'speed'"),
    ("errors-unknown", magic("%hasura errors nope-nope"), "no project named 'nope-nope'"),
    ("logs-limit", magic("%hasura logs {p} --limit 5000"), "--limit must be from 1 to 1000"),
    # magics: custom domains and collaborators (checked before anything is sent)
    ("domain-bad-name", magic("%hasura domain add {p} bad_name"), "is not a domain name"),
    ("domain-hasura-host", magic("%hasura domain add {p} x.hasura.app"), "a Hasura Cloud host"),
    (
        "domain-unknown",
        magic("%hasura domain delete {p} nope.example.com --yes"),
        "has no custom domain nope.example.com",
    ),
    (
        "collaborator-bad-email",
        magic("%hasura collaborator invite {p} ana-at-example --privileges admin"),
        "'ana-at-example' is not an e-mail address",
    ),
    (
        "collaborator-bad-privilege",
        magic("%hasura collaborator invite {p} ana@example.com --privileges root"),
        "unknown privilege 'root'",
    ),
    (
        "collaborator-no-privileges",
        magic("%hasura collaborator invite {p} ana@example.com"),
        "--privileges",
    ),
    (
        "collaborator-missing-email",
        magic("%hasura collaborator invite {p} --privileges admin"),
        "give TARGET and EMAIL",
    ),
    (
        "collaborator-set-stranger",
        magic("%hasura collaborator set {p} zed@example.com --privileges admin"),
        "not a collaborator: invite them first",
    ),
    (
        "collaborator-resend-uninvited",
        magic("%hasura collaborator resend {p} zed@example.com"),
        "has no pending invitation to resend",
    ),
    ("collaborators-neither", magic("%hasura collaborators"), "give TARGET or --projects GLOB"),
    (
        "invitation-unknown",
        magic("%hasura invitations accept nope-nope"),
        "no invitation to nope-nope is waiting for you",
    ),
    (
        "emulator-dns-not-embedded",
        magic("%hasura emulator dns api.example.com --to {p}"),
        "embedded emulator only",
    ),
    # magics: grammar
    ("unknown-command", magic("%hasura projcts"), "Did you mean 'projects'"),
    ("unknown-flag", magic("%hasura projects --nme x"), "--nme"),
    ("unknown-action", magic("%hasura env shwo {p}"), "Did you mean 'show'"),
    ("missing-flag", magic("%hasura create --region us-east-2"), "--cloud"),
    ("missing-target", magic("%hasura env set"), "TARGET"),
    ("missing-job", magic("%hasura preview status"), "JOB_ID"),
    ("bad-timeout", magic("%hasura preview status {uuid} --timeout -1"), "seconds"),
    ("bad-steps", magic("%hasura emulator start --step-seconds soon"), "number of seconds"),
    (
        "emulator-db-missing-folder",
        magic("%hasura emulator start --db /nonexistent/dir/x.sqlite3"),
        "cannot open --db /nonexistent/dir/x.sqlite3",
    ),
    ("emulator-db-is-a-folder", magic("%hasura emulator start --db /tmp"), "it is a folder"),
    ("unbalanced-quote", magic("%hasura project 'unbalanced"), "cannot read the line"),
    ("missing-placeholder", magic("%hasura project {{{{nothing}}}}"), "no variable named"),
    (
        "none-placeholder",
        lambda w: (
            w.ip.user_ns.update(x=None),
            w.ip.run_cell(f"%hasura env set {w.p} A={{{{x}}}}"),
        ),
        "{{x}} is NoneType: only text (str), whole numbers (int) and uuids",
    ),
    (
        "oversized-value",
        lambda w: (
            w.ip.user_ns.update(big=BIG),
            w.ip.run_cell(f"%hasura env set {w.p} BIG={{{{big}}}}"),
        ),
        "the limit is 64 KiB",
    ),
    # magics: tokens and confirmation
    ("token-env-missing", magic("%hasura login --token-env NOT_SET_ANYWHERE"), "is not set"),
    ("delete-unconfirmed", magic("%hasura delete {p}"), "add --yes"),
    # %%hasura
    ("graphql-syntax", magic("%%hasura\nquery {{ projects {{ name }}"), "GraphQL syntax error"),
    (
        "graphql-missing-var",
        magic("%%hasura\nquery ($id: uuid!) {{ tenant_by_pk(id: $id) {{ id }} }}"),
        "$id is required",
    ),
    (
        "graphql-bad-json",
        magic("%%hasura --variables '{{bad'\nquery {{ projects {{ id }} }}"),
        "not valid JSON",
    ),
    ("graphql-empty", magic("%%hasura\n   "), "cell is empty"),
    (
        "graphql-bad-var-name-mutation",
        magic(
            '%%hasura --var 1bad\nmutation {{ updateTenantName(tenantId: "{tenant}", '
            'name: "renamed-by-bad-var") {{ tenant {{ id }} }} }}'
        ),
        "--var '1bad' is not a Python variable name",
    ),
    ("regions-empty-cloud", magic("%hasura regions --cloud ''"), "unknown cloud ''"),
    (
        "huge-target",
        lambda w: (
            w.ip.user_ns.update(huge="h" * 5000),
            w.ip.run_cell("%hasura env show {{huge}}"),
        ),
        "(5000 characters)",
    ),
    # forms
    ("editor-bad-key", editor_with("1BAD", "x"), "invalid name"),
    ("editor-duplicate", editor_with("A", "2"), "duplicate name"),
    ("editor-empty", editor_with("NEW_KEY", ""), "empty value"),
    ("wizard-no-owner", wizard_step(lambda w: None, 1), "Owner is required"),
    ("wizard-bad-name", wizard_step(_set("name", "Bad_Name"), 2), "lowercase letters"),
    ("wizard-no-token", wizard_step(_set("name", "fine-name"), 4), "type a GitHub token"),
    # facade
    ("facade-not-uuid", lambda w: w.cloud.get_env("nope"), "tenant id must be a UUID"),
    (
        "facade-stale-hash",
        lambda w: w.cloud.update_env(w.tenant, "0" * 40, {"A": "2"}),
        "hash mismatch",
    ),
    (
        "facade-bad-key",
        lambda w: w.cloud.create_project(cloud="aws", region="us-east-2", envs={"BAD KEY": "x"}),
        "invalid env var name",
    ),
    (
        "facade-oversized",
        lambda w: w.cloud.update_env(w.tenant, "0" * 40, {"BIG": BIG}),
        "the limit is 64 KiB",
    ),
    ("facade-syntax", lambda w: w.cloud.execute("query {"), "GraphQL syntax error"),
    (
        "facade-number-value",
        lambda w: w.cloud.create_project(cloud="aws", region="us-east-2", envs={"K": 123}),
        "the value of K must be text (str), not int",
    ),
    (
        "facade-none-value",
        lambda w: w.cloud.update_env(w.tenant, "0" * 40, {"K": None}),
        "the value of K must be text (str), not NoneType",
    ),
    (
        "facade-unsendable-variable",
        lambda w: w.cloud.execute("query ($x: String) { projects { id } }", {"x": object()}),
        "variables must be JSON values (text, numbers, lists, dicts): x",
    ),
    ("facade-blank-token", lambda w: ClientSettings(token="  "), "empty or only whitespace"),
    ("facade-bad-endpoint", lambda w: ClientSettings(endpoint="hasura.io"), "http(s) URL"),
]


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 40 and len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "act", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_one_clear_line_and_changes_nothing(
    world: World, name: str, act: Callable[[World], Any], expected: str
) -> None:
    before = state(world.cloud)
    with pytest.raises(HasuraCloudError) as caught:
        act(world)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and len(message) < 400
    assert state(world.cloud) == before
