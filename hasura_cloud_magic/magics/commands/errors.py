"""``%hasura errors TARGET | --projects GLOB [--since WHEN] [--until WHEN] [--interval I]
[--top N]``: errors by code and operation, and over time.

The table has the ``--top`` groups of error code and operation per project, most first; its
title names the bucket with the most errors (an error burst). The chart shows errors over
time, one line per project for a fleet. ``.peak`` is that bucket, ``.over_time`` the series.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.monitoring_options import targets_of, window_of
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.monitoring import error_report
from hasura_cloud_magic.results.metrics import ErrorReport


def run(session: Session, args: argparse.Namespace) -> ErrorReport:
    window = window_of(args)
    targets = targets_of(session, args, "errors")
    return error_report(session.cloud(), targets, window, limit=args.top)
