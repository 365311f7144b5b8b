"""``%hasura project TARGET``: one project, by project id, tenant id or name."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import NotFoundError
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import Project


def run(session: Session, args: argparse.Namespace) -> Project:
    target = session.target(args.target)
    found = session.cloud().get_project(target.project_id)
    if found is None:
        session.forget_targets(target.tenant_id)
        raise NotFoundError(f"project {target.name} no longer exists")
    return Project.from_api(found)
