"""``%hasura operations TARGET [--since WHEN] [--until WHEN] [--top N] [--sort
count|errors|latency]``: the dashboard's operations table.

The ``--top`` operations of the window by request count, error count or mean latency, with
their type, requests, errors, error rate, mean latency and mean response size; the title
says how many operations there were in all. A bar chart in Jupyter.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.monitoring_options import targets_of, window_of
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.monitoring import operation_stats
from hasura_cloud_magic.results.metrics import OperationStats


def run(session: Session, args: argparse.Namespace) -> OperationStats:
    window = window_of(args)
    (target,) = targets_of(session, args, "operations")
    return operation_stats(session.cloud(), target, window, top=args.top, sort=args.sort)
