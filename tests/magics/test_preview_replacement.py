"""A preview app never replaces an existing project silently (the trial's H5).

The API deletes any project that has the preview app's name and makes a new one in its
place. ``%hasura preview create`` refuses such a name unless ``--replace``, the wizard
unless its "replace" box is ticked, and each says which project would go; refusing sends
nothing, so the project keeps its tenant and its env vars.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from magic_shell import TestingShell
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import ConfirmationRequired
from hasura_cloud_magic.results import CreatedProject
from hasura_cloud_magic.widgets import PreviewWizard

GITHUB_TOKEN = "ghp_" + "R" * 36


@pytest.fixture
def existing(cloud: HasuraCloud) -> Iterator[CreatedProject]:
    name = f"keep-{uuid.uuid4().hex[:8]}"
    created = cloud.create_project(cloud="aws", region="us-east-2", name=name, envs={"A": "2"})
    yield CreatedProject(created.id, name, None)
    for project in cloud.projects_named(name):
        if project.tenant is not None:
            cloud.delete_tenant(project.tenant.id)


def unchanged(cloud: HasuraCloud, project: CreatedProject) -> bool:
    found = cloud.find_project_by_name(project.name)
    return (
        found is not None
        and found.tenant is not None
        and found.tenant.id == project.tenant_id
        and cloud.get_env(project.tenant_id).values.get("A") == "2"
    )


def line(name: str) -> str:
    return f"%hasura preview create --owner o --repo r --branch b --name {name} --wait"


def test_the_magic_refuses_and_names_what_would_go(
    ip: TestingShell,
    cloud: HasuraCloud,
    existing: CreatedProject,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    with pytest.raises(ConfirmationRequired) as refused:
        ip.run_cell(line(existing.name))
    message = str(refused.value)
    assert f"a project named {existing.name} exists (tenant {existing.tenant_id})" in message
    assert message.endswith("add --replace to do that")
    assert unchanged(cloud, existing)


def test_replace_says_so_and_replaces(
    ip: TestingShell,
    cloud: HasuraCloud,
    existing: CreatedProject,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    status = ip.run_cell(line(existing.name) + " --replace").result
    assert status.status == "success"
    assert not unchanged(cloud, existing)  # a new tenant took the name, as the API does


def test_a_new_name_needs_no_replace(
    ip: TestingShell, cloud: HasuraCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", GITHUB_TOKEN)
    name = f"fresh-{uuid.uuid4().hex[:8]}"
    assert ip.run_cell(line(name)).result.status == "success"
    ip.run_cell(f"%hasura preview delete {name} --yes")


def test_the_wizard_refuses_until_replace_is_ticked(
    cloud: HasuraCloud, existing: CreatedProject
) -> None:
    wizard = PreviewWizard(cloud, poll_interval=0.01, timeout=30, runner=lambda work: work())
    wizard.owner.value, wizard.repo.value = "o", "r"
    wizard.next_button.click()
    wizard.name.value = existing.name
    wizard.next_button.click()
    wizard.next_button.click()
    wizard.token_input.value = GITHUB_TOKEN
    wizard.next_button.click()
    wizard.create_button.click()
    assert wizard.status.kind == "error" and wizard.job_id is None
    assert "tick 'replace the project of that name'" in wizard.status.text
    assert unchanged(cloud, existing)
    wizard.replace_existing.value = True
    wizard.create_button.click()
    assert wizard.wait(30) is not None and wizard.result is not None
    assert wizard.result.succeeded and not unchanged(cloud, existing)
