"""Smoke tests against the real Hasura Cloud API (see conftest.py for how to run them)."""

from __future__ import annotations

import uuid

import pytest

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import HashConflictError


def test_read_operations(live_cloud: HasuraCloud) -> None:
    regions = live_cloud.list_regions("aws")
    assert regions and all(region.cloud.value == "aws" for region in regions)
    projects = live_cloud.list_projects()
    assert all(project.name for project in projects)
    assert live_cloud.get_tenant(uuid.uuid4()) is None
    assert live_cloud.get_preview_app_creation_status(uuid.uuid4()) is None
    data = live_cloud.execute("query { projects(limit: 1) { id name } }")
    assert isinstance(data["projects"], list)


def test_create_env_round_trip_delete(live_cloud: HasuraCloud) -> None:
    assert "us-east-2" in {r.name for r in live_cloud.list_regions("aws")}
    created = live_cloud.create_project(
        cloud="aws",
        region="us-east-2",
        name=f"hcm-live-{uuid.uuid4().hex[:6]}",
        envs={"HCM_LIVE_CHECK": "1"},
    )
    try:
        tenant = live_cloud.get_tenant(created.id)
        assert tenant is not None and tenant.id == created.id
        env = live_cloud.get_env(created.id)
        assert env.values.get("HCM_LIVE_CHECK") == "1"
        updated = live_cloud.update_env(created.id, env.hash, {"HCM_LIVE_CHECK": "2"})
        assert updated.values["HCM_LIVE_CHECK"] == "2" and updated.hash != env.hash
        with pytest.raises(HashConflictError):
            live_cloud.update_env(created.id, env.hash, {"HCM_LIVE_CHECK": "3"})
        removed = live_cloud.delete_env(created.id, updated.hash, ["HCM_LIVE_CHECK"])
        assert "HCM_LIVE_CHECK" not in removed.values
    finally:
        live_cloud.delete_tenant(created.id)
    assert live_cloud.get_tenant(created.id) is None


def test_access_and_domains_are_readable(live_cloud: HasuraCloud) -> None:
    """The reconstructed collaborator and domain reads, on the first project (read only)."""
    projects = live_cloud.list_projects()
    if not projects or projects[0].tenant is None:
        pytest.skip("the account has no project to read")
    first = projects[0]
    [access] = live_cloud.access.read([first.id])
    assert access.project == first.name and access.members[0].state == "owner"
    assert first.tenant is not None
    host, domains = live_cloud.domains.read(first.tenant.id, first.name)
    assert host and all(domain.dns_validation for domain in domains)
    assert isinstance(live_cloud.access.my_invitations(), list)
