"""``%hasura rename TARGET NEW_NAME [--confirm NAME]``; a run nobody watches (papermill) renames
only projects it created, or one named with ``--confirm NAME``."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session


def run(session: Session, args: argparse.Namespace) -> None:
    target = session.target(args.target, to_write=True)
    session.guard_removal(target, "rename", args.confirm)
    with session.journal.writing("rename", target.name) as entry:
        entry.detail = f"to {args.new_name}"
        session.cloud().rename_project(target.tenant_id, args.new_name)
    session.forget_targets(target.tenant_id)
    session.cache.project_names.discard(target.name)
    session.cache.project_names.add(args.new_name)
    session.out.success(f"Renamed {target.name} to {args.new_name}.")
