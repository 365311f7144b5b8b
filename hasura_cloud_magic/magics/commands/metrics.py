"""``%hasura metrics TARGET | --projects GLOB [--since WHEN] [--until WHEN] [--interval I]
[--by operation|role|client|transport]``: requests, errors and mean latency over time.

One series per project (a fleet in one chart: which project spiked?), or with ``--by`` one
per group of one project (its five busiest operations, roles, clients or transports). The
window is cut to whole buckets (the unfinished one at the end is left out); without
``--interval`` the bucket width follows the window (24 h → 1 h). The result is a
:class:`~hasura_cloud_magic.results.metrics.Traffic`: a chart in Jupyter, a summary table in
a terminal, every bucket in ``.to_dataframe()``.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import UsageError
from hasura_cloud_magic.magics.monitoring_options import targets_of, window_of
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.monitoring import traffic
from hasura_cloud_magic.results.metrics import Traffic


def run(session: Session, args: argparse.Namespace) -> Traffic:
    if args.by and args.projects:
        raise UsageError("%hasura metrics: --by splits one project's traffic: give TARGET")
    window = window_of(args)
    return traffic(session.cloud(), targets_of(session, args, "metrics"), window, by=args.by)
