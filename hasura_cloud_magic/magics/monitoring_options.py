"""What the monitoring commands share: the time window and the projects they read.

The window is read first, so a bad ``--since``/``--until``/``--interval`` is refused before
anything is sent.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from hasura_cloud_magic.errors import NotFoundError, UsageError
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.metrics_api import MetricsTarget
from hasura_cloud_magic.monitoring import metrics_targets
from hasura_cloud_magic.targets import resolve_glob
from hasura_cloud_magic.times import TimeWindow, time_window


def window_of(args: argparse.Namespace) -> TimeWindow:
    """``--since``, ``--until`` and ``--interval`` (where the command has it), up to now."""
    interval = getattr(args, "interval", None)
    return time_window(args.since, args.until, interval, datetime.now(timezone.utc))


def targets_of(session: Session, args: argparse.Namespace, command: str) -> list[MetricsTarget]:
    """TARGET, or every project matching ``--projects`` (where the command has it; none is
    an empty list), each with its region's metrics host (read once per session)."""
    projects: str | None = getattr(args, "projects", None)
    if args.target is not None and projects is not None:
        raise UsageError(f"%hasura {command}: give TARGET or --projects GLOB, not both")
    if projects is not None:
        try:
            found = resolve_glob(session.cloud(), projects)
        except NotFoundError as nothing:
            # This only reads: no project is an empty result (like health), not an error.
            session.out.info(f"{nothing}: nothing to read.")
            return []
    elif args.target is not None:
        found = [session.target(args.target)]
    else:
        raise UsageError(f"%hasura {command}: give TARGET or --projects GLOB")
    session.cache.project_names.update(target.name for target in found)
    hosts = session.metrics_hosts
    unknown = [target.project_id for target in found if target.project_id not in hosts]
    if unknown:
        hosts.update(
            (t.project_id, t.metrics_fqdn) for t in metrics_targets(session.cloud(), unknown)
        )
    gone = [target.name for target in found if target.project_id not in hosts]
    if gone:  # deleted since it was resolved
        raise NotFoundError(f"no project {', '.join(gone)} any more")
    return [MetricsTarget(t.project_id, t.name, hosts[t.project_id]) for t in found]
