"""TARGET resolution: ids and names against the emulator; ambiguity with a stand-in.

A uuid that is both a tenant id and another project's id cannot be made in the emulator
(ids are random), so that one case uses a stand-in for the facade's resolve_id.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hasura_cloud_client import ResolveTarget

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import InvalidInputError, NotFoundError
from hasura_cloud_magic.targets import glob_to_like, resolve


@pytest.fixture
def created(cloud: HasuraCloud) -> Any:
    project = cloud.create_project(
        cloud="aws", region="us-east-2", name=f"t-{uuid.uuid4().hex[:8]}"
    )
    yield project
    cloud.delete_tenant(project.id)


def test_by_name_tenant_id_and_project_id(cloud: HasuraCloud, created: Any) -> None:
    by_name = resolve(cloud, created.name)
    assert by_name.tenant_id == created.id and by_name.name == created.name
    assert resolve(cloud, str(created.id)) == by_name
    assert resolve(cloud, f"  {by_name.project_id} ") == by_name


def test_missing_and_empty(cloud: HasuraCloud, created: Any) -> None:
    with pytest.raises(NotFoundError, match=f"Did you mean '{created.name}'"):
        resolve(cloud, created.name + "z")
    with pytest.raises(NotFoundError, match="no tenant or project with id"):
        resolve(cloud, str(uuid.uuid4()))
    with pytest.raises(InvalidInputError, match="TARGET is empty"):
        resolve(cloud, "   ")


class _AmbiguousCloud:
    def __init__(self, answer: ResolveTarget) -> None:
        self.answer = answer

    def resolve_id(self, some_id: object) -> ResolveTarget:
        return self.answer


def test_an_id_naming_two_projects_is_ambiguous() -> None:
    shared, other_tenant = uuid.uuid4(), uuid.uuid4()
    answer = ResolveTarget.model_validate(
        {
            "tenant_by_pk": {"id": str(shared), "project": {"id": str(uuid.uuid4()), "name": "a"}},
            "projects_by_pk": {"id": str(shared), "name": "b", "tenant": {"id": str(other_tenant)}},
        }
    )
    with pytest.raises(InvalidInputError, match="ambiguous"):
        resolve(_AmbiguousCloud(answer), str(shared))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("glob", "like"),
    [
        ("prod-*", "prod-%"),
        ("a?c", "a_c"),
        ("*-?-*", "%-_-%"),
        ("exact", "exact"),
        ("", ""),
        ("my_app", "my\\_app"),
        ("100%", "100\\%"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_glob_to_like(glob: str, like: str) -> None:
    assert glob_to_like(glob) == like
