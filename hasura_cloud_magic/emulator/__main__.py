"""``hasura-cloud-emulator`` / ``python -m hasura_cloud_magic.emulator``: serve until a signal."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from .faults import Fault, parse_fault
from .metrics.traffic import DEFAULT_METRICS_SEED
from .server import DEFAULT_STEP_SECONDS, start


def _fault(spec: str) -> Fault:
    try:
        return parse_fault(spec)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


_EPILOG = """\
state controls (tests and demos):
  Every project answers GET /healthz when asked with its host, e.g.
    curl --connect-to my-app.hasura.app:80:127.0.0.1:PORT http://my-app.hasura.app/healthz
  With --admin-key-env, this machine (loopback only) can read and change a project's state:
    curl -H "Authorization: admin $KEY" 'http://127.0.0.1:PORT/emulator/admin?project=NAME'
    curl -H "Authorization: admin $KEY" -d '{"project": "NAME", "maintenance": true}' \\
         http://127.0.0.1:PORT/emulator/admin
  POST fields: maintenance (bool), active (bool), reason (text; active=false without one
  means "hibernated"), endpoint ("up", "down" or "hang": what its /healthz does).
  Without the key, or from elsewhere, the route answers 404 like any unknown path.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hasura-cloud-emulator",
        description="A local emulator of the Hasura Cloud management GraphQL API.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one")
    parser.add_argument("--db", help="SQLite file that keeps the state (default: in memory)")
    parser.add_argument(
        "--token",
        action="append",
        dest="tokens",
        metavar="T",
        help="accepted personal access token; repeat for more users "
        "(default: the one stored in --db, else a new one)",
    )
    parser.add_argument(
        "--token-env",
        metavar="NAME",
        help="take an accepted token from this env var (kept out of the process list)",
    )
    parser.add_argument(
        "--admin-key-env",
        metavar="NAME",
        help="enable the admin route /emulator/admin (project state: maintenance, active, "
        "endpoint) for loopback requests with 'Authorization: admin <key>', the key taken "
        "from this env var (default: no admin route)",
    )
    parser.add_argument(
        "--step-seconds",
        type=float,
        default=DEFAULT_STEP_SECONDS,
        metavar="S",
        help="duration of one step of preview apps, DB-latency checks and env rollout; "
        f"0 is instant (default {DEFAULT_STEP_SECONDS})",
    )
    parser.add_argument(
        "--fault",
        action="append",
        dest="faults",
        type=_fault,
        default=[],
        metavar="SPEC",
        help="inject a fault, TARGET:KIND[=SECONDS][:times=N|:always], e.g. "
        "createTenant:reset-after or '*:latency=0.05:always'; repeatable (default: none)",
    )
    parser.add_argument(
        "--metrics-seed",
        type=int,
        default=DEFAULT_METRICS_SEED,
        metavar="N",
        help="seed of the Metrics API's invented traffic; with a project's name it decides "
        f"that project's traffic (default {DEFAULT_METRICS_SEED})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(message)s"
    )
    stop_requested = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop_requested.set()

    # Installed before serving so a signal arriving at any point ends the process cleanly.
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    tokens = list(args.tokens or [])
    if args.token_env:
        if not os.environ.get(args.token_env):
            print(f"hasura-cloud-emulator: env var {args.token_env} is not set", file=sys.stderr)
            return 2
        tokens.insert(0, os.environ[args.token_env])
    admin_key = None
    if args.admin_key_env:
        admin_key = os.environ.get(args.admin_key_env, "").strip()
        if not admin_key:
            name = args.admin_key_env
            print(f"hasura-cloud-emulator: env var {name} is not set", file=sys.stderr)
            return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"hasura-cloud-emulator: listening on {args.host}: anyone who can reach this "
            "machine there can use the emulator with its token",
            file=sys.stderr,
        )
    try:
        emulator = start(
            args.db,
            tokens or None,
            args.step_seconds,
            args.host,
            args.port,
            faults=args.faults,
            admin_key=admin_key,
            metrics_seed=args.metrics_seed,
        )
    except ValueError as error:  # a bad --db, for one
        print(f"hasura-cloud-emulator: {error}", file=sys.stderr)
        return 2
    with emulator:
        print(f"HASURA_CLOUD_ENDPOINT={emulator.endpoint}", flush=True)
        print(f"HASURA_CLOUD_ACCESS_TOKEN={emulator.token}", flush=True)
        # For the person at the terminal (stdout stays two machine-readable lines).
        print(
            f"hasura-cloud-emulator: listening on {emulator.endpoint}; Ctrl+C to stop",
            file=sys.stderr,
            flush=True,
        )
        while not stop_requested.wait(timeout=1.0):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
