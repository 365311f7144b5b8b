"""``%hasura journal [--since WHEN] [--save PATH]``: the audit record of this session's writes.

One row per write made through the magics and forms (create, rename, delete, env changes,
preview apps, reactivation): when, the kind of change, the project, the env keys (never a
value), the env hash before and after, and the outcome. A runbook that ends with it carries
its own audit trail; ``--save PATH`` appends the entries as JSON lines.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from hasura_cloud_magic.journal import JournalView
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.times import parse_since


def run(session: Session, args: argparse.Namespace) -> JournalView:
    since = parse_since(args.since, datetime.now(timezone.utc)) if args.since else None
    if args.save:
        saved = session.journal.save(args.save, since)
        session.out.info(f"Journal: {saved} entries appended to {args.save}.")
    return session.journal.entries(since)
