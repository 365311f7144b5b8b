"""Fixtures for the magic's tests: a project made through the magic, removed afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.results import CreatedProject


@pytest.fixture
def project(ip: TestingShell) -> Iterator[CreatedProject]:
    name = unique()
    created = run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name} --env A=1 B=2")
    yield created
    cloud = ip.find_magic("hasura").__self__.session.cloud()  # type: ignore[union-attr]
    if cloud.get_tenant(created.tenant_id):
        cloud.delete_tenant(created.tenant_id)


@pytest.fixture
def jupyter(ip: TestingShell) -> TestingShell:
    """The shell as a Jupyter kernel's: forms and live widgets (a terminal gets lines)."""
    session = ip.find_magic("hasura").__self__.session  # type: ignore[union-attr]
    session.out.rich = lambda: True
    return ip
