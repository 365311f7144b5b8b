"""Every committed notebook, run with a token, changes nothing it was not told to change.

An emulator stands in for a real account that already holds projects of every name and glob
the notebooks use, with data in their env vars. Each notebook runs with
``HASURA_CLOUD_ACCESS_TOKEN`` set, as on an operator's machine: the tours go to their own
embedded emulator, and the env runbook reads the account and writes nothing (a dry run by
default). Afterwards every project, its tenant, its env values and hash are as they were.
Every run goes through papermill, as an operator runs a runbook headless. With
``dry_run=False`` the env runbook writes exactly the key it was given, on exactly the projects
its glob names; a run that tries to delete a project it did not create fails on that line with
the one-line reason in the executed notebook, unless a parameter names the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import papermill
import pytest
from paths import ROOT

from hasura_cloud_magic import ClientSettings, HasuraCloud
from hasura_cloud_magic.emulator import start

NAMES = [
    "shop-staging",
    "shop-prod",
    "shop-legacy",  # matches the runbook's glob without being one of its demo projects
    "billing-prod",
    "quickstart-demo",
    "client-demo",
    "shop-pr-42",
    "shop-pr-43",
    "shop-pr-44",
]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

Snapshot = dict[str, tuple[str, str, dict[str, str]]]


#: Already on the account: a teammate invited to one project, a domain on another.
COLLEAGUE = ("shop-staging", "lee@example.com")
DOMAIN = ("shop-prod", "legacy.shop.example.com")


@pytest.fixture
def account_emulator(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[Any, HasuraCloud]]:
    with (
        start(step_seconds=0) as emulator,
        HasuraCloud(ClientSettings(emulator.endpoint, emulator.token)) as api,
    ):
        for name in NAMES:
            created = api.create_project(
                cloud="aws",
                region="us-east-2",
                name=name,
                envs={"PAYMENT_API_KEY": f"live-key-of-{name}", "LOG_LEVEL": "warn"},
            )
            if name == COLLEAGUE[0]:
                project = api.get_tenant(created.id)
                assert project is not None
                api.access.invite(project.project.id, COLLEAGUE[1], ["view_metrics"])
            if name == DOMAIN[0]:
                api.domains.add(created.id, DOMAIN[1], name, f"{name}.hasura.app")
        monkeypatch.setenv("HASURA_CLOUD_ENDPOINT", emulator.endpoint)
        monkeypatch.setenv("HASURA_CLOUD_ACCESS_TOKEN", emulator.token)
        monkeypatch.delenv("GITHUB_TOKEN", raising=False)
        monkeypatch.chdir(tmp_path)
        yield emulator, api


@pytest.fixture
def account(account_emulator: tuple[Any, HasuraCloud]) -> HasuraCloud:
    return account_emulator[1]


def snapshot(api: HasuraCloud) -> Snapshot:
    found: Snapshot = {}
    for project in api.list_projects():
        assert project.tenant is not None
        env = api.get_env(project.tenant.id)
        found[project.name] = (str(project.tenant.id), env.hash, dict(env.values))
    return found


def settings_of(api: HasuraCloud) -> dict[str, tuple[Any, ...]]:
    """Who has access to each project (people, states, privileges) and its domains."""
    projects = {p.name: p for p in api.list_projects()}
    access = {a.project: a for a in api.access.read([p.id for p in projects.values()])}
    found: dict[str, tuple[Any, ...]] = {}
    for name, project in projects.items():
        assert project.tenant is not None
        people = tuple((m.email, m.state, m.privileges) for m in access[name].members)
        domains = tuple(d.fqdn for d in api.domains.read(project.tenant.id, name)[1])
        found[name] = (people, domains)
    return found


def run(path: Path, output: Path | None = None, **parameters: Any) -> Any:
    """Execute ``path`` with papermill (parameters injected after its ``parameters`` cell)."""
    output = output or path.with_name(f"{path.stem}-executed.ipynb")
    if output.parent == path.parent:
        output = Path.cwd() / output.name  # the account fixture's tmp_path
    papermill.execute_notebook(
        str(path),
        str(output),
        parameters=parameters,
        kernel_name="python3",
        progress_bar=False,
        cwd=str(Path.cwd()),
    )
    return nbformat.read(output, as_version=4)


DELETER = [
    ("parameters", 'victim = "shop-prod"  # a project this run did not create\nconfirm = ""'),
    ("", "%load_ext hasura_cloud_magic"),
    ("", "%hasura delete {{victim}} --yes --confirm {{confirm}}"),
]


def deleter(folder: Path) -> Path:
    cells = [
        nbformat.v4.new_code_cell(source, metadata={"tags": [tag]} if tag else {})
        for tag, source in DELETER
    ]
    path = folder / "deleter.ipynb"
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernel})
    nbformat.write(notebook, path)
    return path


@pytest.mark.slow
def test_a_headless_run_deletes_only_what_a_parameter_names(
    account: HasuraCloud, tmp_path: Path
) -> None:
    before = snapshot(account)
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        run(deleter(tmp_path), tmp_path / "refused.ipynb")
    reason = (
        "refusing to delete shop-prod: this run did not create it and nobody is here to "
        "confirm; to delete it anyway, name it: --confirm shop-prod (in a runbook, from a "
        "parameter)"
    )
    assert caught.value.ename == "ConfirmationRequired" and caught.value.evalue == reason
    executed = nbformat.read(tmp_path / "refused.ipynb", as_version=4)
    [error] = [o for o in executed.cells[-1].outputs if o.output_type == "error"]
    assert error.evalue == reason and len(error.traceback) == 1  # one line, no traceback
    assert snapshot(account) == before
    run(deleter(tmp_path), tmp_path / "named.ipynb", confirm="shop-prod")
    assert set(snapshot(account)) == set(before) - {"shop-prod"}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_a_notebook_run_with_a_token_changes_nothing(account: HasuraCloud, path: Path) -> None:
    before, access_before = snapshot(account), settings_of(account)
    run(path)
    assert snapshot(account) == before
    assert settings_of(account) == access_before


@pytest.mark.slow
def test_the_team_runbook_changes_only_the_teammate_and_the_domain_it_names(
    account_emulator: tuple[Any, HasuraCloud],
) -> None:
    emulator, account = account_emulator
    # The operator created the domain's CNAME before the run, as the runbook says.
    emulator.admin.point_dns("api.shop.example.com", project="shop-prod")
    before, settings_before = snapshot(account), settings_of(account)
    done = run(
        ROOT / "notebooks" / "team-and-domains.ipynb",
        teammate="ana@example.com",
        dry_run=False,
    )
    assert snapshot(account) == before  # projects and env untouched
    assert settings_of(account) == settings_before  # invited and removed; added and removed
    journal = [line for line in nbformat.writes(done).splitlines() if "ana@example.com" in line]
    assert journal  # the executed notebook records the writes
    for entry in ("collaborator invite", "collaborator remove", "domain add", "domain delete"):
        assert entry in nbformat.writes(done)


@pytest.mark.slow
def test_the_runbook_writes_only_what_its_parameters_name(
    account: HasuraCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEW_PAYMENT_KEY", "rotated-by-the-runbook")
    before = snapshot(account)
    done = run(
        ROOT / "notebooks" / "env-runbook.ipynb",
        projects="shop-*",
        new_value_env="NEW_PAYMENT_KEY",
        dry_run=False,
    )
    after = snapshot(account)
    assert set(after) == set(before)
    for name, (tenant_id, _hash, values) in after.items():
        expected = dict(before[name][2])
        if name.startswith("shop-"):
            expected["PAYMENT_API_KEY"] = "rotated-by-the-runbook"
        assert (tenant_id, values) == (before[name][0], expected), name
    assert "rotated-by-the-runbook" not in nbformat.writes(done)
