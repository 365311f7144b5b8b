"""Connection settings: a plain dataclass that validates itself and can describe itself.

>>> settings = ClientSettings.from_env()          # HASURA_CLOUD_ENDPOINT, HASURA_CLOUD_ACCESS_TOKEN
>>> print(settings.describe())                    # effective settings, token shown as set/not set
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hasura_cloud_magic.errors import ConfigurationError

DEFAULT_ENDPOINT = "https://data.pro.hasura.io/v1/graphql"
ENDPOINT_ENV_VAR = "HASURA_CLOUD_ENDPOINT"
TOKEN_ENV_VAR = "HASURA_CLOUD_ACCESS_TOKEN"
DEFAULT_TIMEOUT_SECONDS = 30.0
#: Projects changed at once by fleet commands: 10x+ faster than one at a time, and within
#: httpx's default pool of 20 keep-alive connections.
DEFAULT_FLEET_CONCURRENCY = 20


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
    def authorization_header(self) -> dict[str, str]:
        """The header the API expects: ``Authorization: pat <token>`` (empty without a token)."""
        return {"Authorization": f"pat {self.token}"} if self.token else {}

    def describe(self) -> str:
        """The effective settings, one per line, safe to print."""
        return "\n".join(
            [
                f"endpoint: {self.endpoint}",
                f"token:    {'set' if self.token else 'not set'}",
                f"timeout:  {self.timeout_seconds:g} s",
            ]
        )
