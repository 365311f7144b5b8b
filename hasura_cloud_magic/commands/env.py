"""``%hasura env show|set|unset|edit TARGET ...``: env vars with the hash protocol, masked.

``set`` and ``unset`` read the env and its hash, send one hash-checked write (nothing when
nothing changes), and show what changed. ``--dry-run`` shows the same diff and sends nothing.
``edit`` returns the conflict-safe editor form (hasura_cloud_magic.widgets.EnvEditor).
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.env_plan import EnvDiff, apply_change, plan_change
from hasura_cloud_magic.env_vars import check_env_key
from hasura_cloud_magic.parsing import parse_assignments
from hasura_cloud_magic.results import EnvView
from hasura_cloud_magic.session import Session


def _show(session: Session, args: argparse.Namespace) -> EnvView:
    target = session.target(args.target)
    env = session.cloud().get_env(target.tenant_id)
    session.cache.env_keys.update(env.keys)
    return EnvView(
        project=target.name,
        tenant_id=str(target.tenant_id),
        hash=env.hash,
        keys=tuple(env.keys),
        revealed_values=dict(env.values) if args.reveal else None,
    )


def _change(session: Session, args: argparse.Namespace) -> EnvDiff:
    if args.action == "set":
        set_values, unset_keys = parse_assignments(args.assignments), []
    else:
        set_values, unset_keys = {}, [check_env_key(key) for key in args.keys]
    target = session.target(args.target)
    cloud = session.cloud()
    current = cloud.get_env(target.tenant_id)
    diff = plan_change(current, set_values, unset_keys)
    title = f"Env of {target.name}"
    if args.dry_run:
        session.out.info(f"Dry run, nothing sent: would apply {diff.summary()} to {target.name}.")
    elif diff.empty:
        session.out.info(f"{target.name}: nothing to change, nothing sent.")
    else:
        apply_change(cloud, current, diff)
        session.out.success(f"{target.name}: {diff.summary()}.")
    session.cache.env_keys.update(current.keys)
    session.cache.env_keys.update(set_values)
    return diff.without_values(title)


def _edit(session: Session, args: argparse.Namespace) -> object:
    from hasura_cloud_magic.widgets.env_editor import EnvEditor  # ipywidgets: only here

    target = session.target(args.target)
    return EnvEditor(session.cloud(), target.tenant_id, target.name).load()


def run(session: Session, args: argparse.Namespace) -> object:
    if args.action == "show":
        return _show(session, args)
    if args.action == "edit":
        return _edit(session, args)
    return _change(session, args)
