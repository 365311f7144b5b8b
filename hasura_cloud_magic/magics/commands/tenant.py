"""``%hasura tenant TENANT_ID``: one tenant and its project."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.api import parse_id
from hasura_cloud_magic.errors import NotFoundError
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import Tenant


def run(session: Session, args: argparse.Namespace) -> Tenant:
    tenant_id = parse_id(args.tenant_id, "tenant id")
    found = session.cloud().get_tenant(tenant_id)
    if found is None:
        raise NotFoundError(f"no tenant {tenant_id} is visible to this token")
    session.cache.project_names.add(found.project.name)
    return Tenant.from_api(found)
