"""``%hasura create --cloud C --region R [--name N] [--plan P] [--env K=V ...]``."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.magics.parsing import parse_assignments
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import CreatedProject


def run(session: Session, args: argparse.Namespace) -> CreatedProject:
    envs = parse_assignments(args.env)
    cloud = session.cloud()
    with session.journal.writing("create", args.name or "(a generated name)", keys=envs) as entry:
        created = cloud.create_project(
            cloud=args.cloud, region=args.region, name=args.name, plan=args.plan, envs=envs
        )
        entry.project = created.name
    session.created(created.id)
    session.cache.project_names.add(created.name)
    session.cache.regions.add(args.region)
    session.cache.env_keys.update(envs)
    session.out.success(f"Created project {created.name}.")  # the result card has the rest
    try:  # the project exists now: a failed follow-up read must not hide that
        tenant = cloud.get_tenant(created.id)
    except HasuraCloudError as error:
        session.out.warning(f"Could not read its endpoint yet ({error}).")
        tenant = None
    return CreatedProject(created.id, created.name, tenant.project.endpoint if tenant else None)
