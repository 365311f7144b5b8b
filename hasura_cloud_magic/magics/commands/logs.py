"""``%hasura logs TARGET [--since WHEN] [--until WHEN] [--operation NAME] [--errors]
[--limit N]``: a project's requests, newest first.

Each with its time, request id, operation, role, client, latency and outcome (the error
code; ``.error`` on a row holds the server's message). Never the query text, variables or
session variables: they may hold secrets. A scatter of latencies in Jupyter.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.monitoring_options import targets_of, window_of
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.monitoring import operation_logs
from hasura_cloud_magic.results.metrics import OperationLogs


def run(session: Session, args: argparse.Namespace) -> OperationLogs:
    window = window_of(args)
    (target,) = targets_of(session, args, "logs")
    return operation_logs(
        session.cloud(),
        target,
        window,
        operation=args.operation,
        errors_only=args.errors,
        limit=args.limit,
    )
