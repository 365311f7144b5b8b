"""``%hasura db-latency TARGET [--no-wait] [--timeout S]``: how far are the project's
databases from its region?

Starts the API's DB-latency job and follows it (a line kept current), like a preview app's
job; the result is a table of sources with their average latency in ms or the error that
stopped the measurement. A job that ends ``failed`` is an error, so a notebook run stops.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.db_latency import DBLatency, follow_db_latency
from hasura_cloud_magic.errors import JobFailed
from hasura_cloud_magic.magics.session import Session


def run(session: Session, args: argparse.Namespace) -> DBLatency:
    target = session.target(args.target)
    cloud = session.cloud()
    job_id = cloud.check_db_latency(target.project_id)
    live = session.out.live_line() if args.wait else None
    result = follow_db_latency(
        cloud,
        job_id,
        project=target.name,
        wait=args.wait,
        timeout=args.timeout,
        interval=session.preferences.poll_interval,
        on_update=(lambda r: live.update(r.headline())) if live else None,
    )
    if result.status == "failed":
        raise JobFailed(result.headline())
    if not result.finished:
        session.out.info(f"DB-latency check started (job {job_id}); it goes on.")
    return result
