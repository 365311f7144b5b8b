"""Settings: every default and env-var name once, and the connection settings dataclass.

>>> settings = ClientSettings.from_env()          # HASURA_CLOUD_ENDPOINT, HASURA_CLOUD_ACCESS_TOKEN
>>> print(settings.describe())                    # effective settings, token shown as set/not set
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hasura_cloud_magic.errors import ConfigurationError

__all__ = [
    "CLOUDS",
    "DEFAULT_DISPLAY_LIMIT",
    "DEFAULT_ENDPOINT",
    "DEFAULT_FLEET_CONCURRENCY",
    "DEFAULT_FLEET_DEADLINE_SECONDS",
    "DEFAULT_HEALTH_CONCURRENCY",
    "DEFAULT_LOG_LIMIT",
    "DEFAULT_METRICS_GROUPS",
    "DEFAULT_METRICS_SINCE",
    "DEFAULT_PREVIEW_PLACEMENT",
    "DEFAULT_TIMEOUT_SECONDS",
    "DEFAULT_TOP_OPERATIONS",
    "DEFAULT_WAIT_TIMEOUT_SECONDS",
    "ENDPOINT_ENV_VAR",
    "FLEET_TRANSPORT_FAILURES_TO_STOP",
    "GITHUB_TOKEN_ENV_VAR",
    "HEALTHZ_TIMEOUT_SECONDS",
    "MAX_LOG_LIMIT",
    "MAX_METRICS_BUCKETS",
    "PLANS",
    "POLL_INTERVAL_SECONDS",
    "TOKEN_ENV_VAR",
    "ClientSettings",
    "Placement",
    "is_env_var_name",
]

# Every default and env-var name, once: the magics' traits, the grammar, the forms and the
# facade read them from here.

#: Hasura Cloud's management API.
DEFAULT_ENDPOINT = "https://data.pro.hasura.io/v1/graphql"
#: Env var naming another endpoint (the emulator, a staging API).
ENDPOINT_ENV_VAR = "HASURA_CLOUD_ENDPOINT"
#: Env var holding the personal access token (``Authorization: pat <token>``).
TOKEN_ENV_VAR = "HASURA_CLOUD_ACCESS_TOKEN"
#: Env var holding the GitHub token preview apps are created with.
GITHUB_TOKEN_ENV_VAR = "GITHUB_TOKEN"
#: Seconds to wait for one API call.
DEFAULT_TIMEOUT_SECONDS = 30.0
#: Seconds between two polls of a job: the official GitHub Action's cadence.
POLL_INTERVAL_SECONDS = 2.0
#: Seconds ``--wait`` follows a job before giving up (the job itself goes on).
DEFAULT_WAIT_TIMEOUT_SECONDS = 600.0
#: Rows shown for lists (all rows are returned).
DEFAULT_DISPLAY_LIMIT = 50
#: How long a health check waits for a project's ``/healthz`` (it never fails a whole run).
HEALTHZ_TIMEOUT_SECONDS = 3.0
#: How many projects' endpoints a health check probes at once.
DEFAULT_HEALTH_CONCURRENCY = 20
#: Projects changed at once by fleet commands: 10x+ faster than one at a time, and within
#: httpx's default pool of 20 keep-alive connections.
DEFAULT_FLEET_CONCURRENCY = 20
#: A fleet change stops starting projects after this long, or after this many transport
#: failures in a row (the API stopped answering); the rest are reported "not attempted".
DEFAULT_FLEET_DEADLINE_SECONDS = 600.0
FLEET_TRANSPORT_FAILURES_TO_STOP = 5
#: Monitoring (the Metrics API): the window a command reads unless told otherwise, the most
#: buckets one chart may hold (7 days at 5 minutes is 2016), and the rows shown by default.
DEFAULT_METRICS_SINCE = "24h"
MAX_METRICS_BUCKETS = 5000
DEFAULT_TOP_OPERATIONS = 10
DEFAULT_LOG_LIMIT = 20
MAX_LOG_LIMIT = 1000
#: How many groups ``%hasura metrics --by`` charts: the busiest, one series each.
DEFAULT_METRICS_GROUPS = 5
#: The clouds and plans the API accepts (reference: createTenant).
CLOUDS = ("aws", "gcp")
PLANS = ("cloud_free", "cloud_payg")


@dataclass(frozen=True)
class Placement:
    """Where a new project runs: cloud, region and plan."""

    cloud: str
    region: str
    plan: str


#: Where a preview app runs unless told otherwise: the official action's defaults.
DEFAULT_PREVIEW_PLACEMENT = Placement(cloud="aws", region="us-east-2", plan="cloud_free")


@dataclass(frozen=True)
class ClientSettings:
    """Where the API is, how to authenticate, how long to wait.

    ``token`` is excluded from ``repr`` and never printed; :meth:`describe` says only
    whether it is set.
    """

    endpoint: str = DEFAULT_ENDPOINT
    token: str | None = field(default=None, repr=False)
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    def __post_init__(self) -> None:
        parts = urlsplit(self.endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigurationError(
                f"endpoint must be an http(s) URL such as {DEFAULT_ENDPOINT}, got {self.endpoint!r}"
            )
        if not self.timeout_seconds > 0:
            raise ConfigurationError(
                f"timeout must be a positive number of seconds, got {self.timeout_seconds!r}"
            )
        if self.token is not None and not self.token.strip():
            raise ConfigurationError("the access token is empty or only whitespace")

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        token_env_var: str = TOKEN_ENV_VAR,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> ClientSettings:
        """Settings from ``HASURA_CLOUD_ENDPOINT`` and the token variable (unset → None)."""
        env = os.environ if environ is None else environ
        return cls(
            endpoint=env.get(ENDPOINT_ENV_VAR) or DEFAULT_ENDPOINT,
            token=env.get(token_env_var) or None,
            timeout_seconds=timeout_seconds,
        )

    @property
    def shown_endpoint(self) -> str:
        """The endpoint as it may be printed: any ``user:password@`` in it masked."""
        parts = urlsplit(self.endpoint)
        if "@" not in parts.netloc:
            return self.endpoint
        host = parts.netloc.rpartition("@")[2]
        return parts._replace(netloc=f"***@{host}").geturl()

    def token_exposure(self) -> str | None:
        """Why the token must not be sent to this endpoint, or None if it may.

        A token never travels over plain HTTP to another machine: only to ``https``, or to a
        loopback address (the local emulator).
        """
        parts = urlsplit(self.endpoint)
        if not self.token or parts.scheme == "https" or _is_loopback(parts.hostname or ""):
            return None
        return (
            f"refusing to send the access token over plain http to {parts.hostname}: "
            "use an https endpoint (plain http is for a local emulator only)"
        )

    def route_to_project(self, url: str) -> tuple[str, dict[str, str]]:
        """Where to send a request for a project's own ``url`` (its ``/healthz``), and the
        headers that go with it.

        Directly, normally. When the API endpoint is on loopback (the local emulator), the
        project's host cannot resolve here, so the request goes to that same address with
        the project's ``Host`` header, as ``curl --connect-to`` does; the emulator answers
        by host. No token is ever sent to a project's URL.
        """
        api, project = urlsplit(self.endpoint), urlsplit(url)
        if not _is_loopback(api.hostname or ""):
            return url, {}
        routed = project._replace(scheme=api.scheme, netloc=api.netloc.rpartition("@")[2])
        return routed.geturl(), {"Host": project.netloc}

    @property
    def authorization_header(self) -> dict[str, str]:
        """The header the API expects: ``Authorization: pat <token>`` (empty without a token)."""
        return {"Authorization": f"pat {self.token}"} if self.token else {}

    def describe(self) -> str:
        """The effective settings, one per line, safe to print."""
        return "\n".join(
            [
                f"endpoint: {self.shown_endpoint}",
                f"token:    {'set' if self.token else 'not set'}",
                f"timeout:  {self.timeout_seconds:g} s",
            ]
        )


def is_env_var_name(name: str) -> bool:
    """Whether ``name`` can be the NAME of an env var here: an identifier that is not shaped
    like a token (every ``ghp_…`` GitHub token is an identifier too). Messages about a name
    that fails never repeat it."""
    from hasura_cloud_magic.redaction import looks_like_secret

    return name.isidentifier() and not looks_like_secret(name)


def _is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8, ``::1`` (and 0.0.0.0, which connects to this machine)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    import ipaddress

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified
