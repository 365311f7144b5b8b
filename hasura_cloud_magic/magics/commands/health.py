"""``%hasura health [TARGET | --projects GLOB]``: is each project up?

One row per project: active, maintenance, or why it is not running (hibernated, suspended);
whether its last env change is live on every server; plan; region; whether its endpoint's
``/healthz`` answers (a short timeout per project, so one hanging project is marked
``unreachable`` and never holds up the rest). Without a target, every project (an account or
glob without projects gives an empty report, not an error: this only reads). Projects are
checked ``--concurrency`` at a time, with a progress bar in Jupyter. The result is a
:class:`~hasura_cloud_magic.health.HealthReport` (``.unhealthy``, ``.to_dataframe()``).
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import NotFoundError, UsageError
from hasura_cloud_magic.health import HealthReport, check_health
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.targets import Target, resolve_glob


def _targets(session: Session, args: argparse.Namespace) -> list[Target]:
    if args.target is not None and args.projects is not None:
        raise UsageError("%hasura health: give TARGET or --projects GLOB, not both")
    if args.target is not None:
        return [session.target(args.target)]
    try:
        return resolve_glob(session.cloud(), args.projects or "*")
    except NotFoundError as nothing:
        session.out.info(f"{nothing}: nothing to check.")
        return []


def run(session: Session, args: argparse.Namespace) -> HealthReport:
    targets = _targets(session, args)
    session.cache.project_names.update(t.name for t in targets)
    tally = session.out.tally(len(targets)) if len(targets) > 1 else None
    report = check_health(
        session.cloud(),
        [t.project_id for t in targets],
        concurrency=args.concurrency,
        on_result=lambda row: tally.advance(f"{row.name}: {row.state}") if tally else None,
    )
    if report.unhealthy and len(report) > 1:
        names = ", ".join(row.name for row in report.unhealthy)
        session.out.warning(f"Need a look: {names}.")
    return report
