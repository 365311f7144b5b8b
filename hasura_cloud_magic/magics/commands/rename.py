"""``%hasura rename TARGET NEW_NAME``."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session


def run(session: Session, args: argparse.Namespace) -> None:
    target = session.target(args.target, to_write=True)
    session.cloud().rename_project(target.tenant_id, args.new_name)
    session.forget_targets(target.tenant_id)
    session.cache.project_names.discard(target.name)
    session.cache.project_names.add(args.new_name)
    session.out.success(f"Renamed {target.name} to {args.new_name}.")
