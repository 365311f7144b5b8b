"""``%hasura delete TARGET [--yes] [--confirm NAME]``: asks first unless ``--yes``; refuses if
nobody can answer. A run nobody watches (papermill) deletes only projects it created, or one
named with ``--confirm NAME``."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import confirm


def run(session: Session, args: argparse.Namespace) -> None:
    target = session.target(args.target, to_write=True)
    session.guard_removal(target, "delete", args.confirm)
    confirm(
        f"Delete project {target.name} (tenant {target.tenant_id}) and its env vars?",
        assume_yes=args.yes,
        type_to_confirm=target.name,
    )
    with session.journal.writing("delete", target.name):
        session.cloud().delete_tenant(target.tenant_id)
    session.forget_targets(target.tenant_id)
    session.cache.project_names.discard(target.name)
    session.out.success(f"Deleted project {target.name}.")
