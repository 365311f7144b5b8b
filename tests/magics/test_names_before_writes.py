"""A name is resolved again before every write (the trial's H2).

Reads may reuse what the session resolved; a write addressed by name never does, because a
colleague (or the dashboard) may have renamed projects in between: the project renamed away
is "no project named …" and is never touched.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from magic_shell import TestingShell

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import NotFoundError


@pytest.fixture
def scratch(cloud: HasuraCloud) -> Iterator[tuple[str, uuid.UUID]]:
    name = f"scratch-{uuid.uuid4().hex[:8]}"
    created = cloud.create_project(cloud="aws", region="us-east-2", name=name, envs={"A": "1"})
    yield name, created.id
    if cloud.get_tenant(created.id) is not None:
        cloud.delete_tenant(created.id)


def colleague_renames(cloud: HasuraCloud, tenant_id: uuid.UUID, new_name: str) -> None:
    with HasuraCloud(cloud.settings) as other:
        other.rename_project(tenant_id, new_name)


@pytest.mark.parametrize(
    "write",
    [
        "%hasura delete {name} --yes",
        "%hasura env set {name} A=2",
        "%hasura env unset {name} A",
        "%hasura rename {name} {name}-x",
    ],
)
def test_a_project_renamed_away_is_never_written(
    ip: TestingShell, cloud: HasuraCloud, scratch: tuple[str, uuid.UUID], write: str
) -> None:
    name, tenant_id = scratch
    ip.run_cell(f"%hasura env show {name}")  # the session now knows the name
    colleague_renames(cloud, tenant_id, f"{name}-old")
    with pytest.raises(NotFoundError, match=f"no project named '{name}'"):
        ip.run_cell(write.format(name=name))
    tenant = cloud.get_tenant(tenant_id)
    assert tenant is not None and tenant.project.name == f"{name}-old"
    assert cloud.get_env(tenant_id).values["A"] == "1"


def test_the_name_means_the_project_that_has_it_now(
    ip: TestingShell, cloud: HasuraCloud, scratch: tuple[str, uuid.UUID]
) -> None:
    name, first = scratch
    ip.run_cell(f"%hasura env show {name}")
    colleague_renames(cloud, first, f"{name}-archive")
    second = cloud.create_project(cloud="aws", region="us-east-2", name=name, envs={"A": "9"})
    try:
        ip.run_cell(f"%hasura env set {name} B=2")
        assert "B" in cloud.get_env(second.id).values
        assert "B" not in cloud.get_env(first).values
    finally:
        cloud.delete_tenant(second.id)
