"""``%hasura tenant TENANT_ID``: one tenant and its project."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.api import parse_id
from hasura_cloud_magic.conversions import tenant_from_details
from hasura_cloud_magic.errors import NotFoundError
from hasura_cloud_magic.results import Tenant
from hasura_cloud_magic.session import Session


def run(session: Session, args: argparse.Namespace) -> Tenant:
    tenant_id = parse_id(args.tenant_id, "tenant id")
    found = session.cloud().get_tenant(tenant_id)
    if found is None:
        raise NotFoundError(f"no tenant {tenant_id} is visible to this token")
    session.cache.project_names.add(found.project.name)
    return tenant_from_details(found)
