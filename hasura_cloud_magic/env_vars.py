"""A tenant's env vars as read from the API, safe to print.

The API returns ``envVars`` as ``{"environment": {"KEY": "value", ...}}`` together with an
opaque ``hash`` that the next write must quote as ``currentHash``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from hasura_cloud_magic.errors import InvalidInputError
from hasura_cloud_magic.redaction import quoted

ENV_KEY_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Keys Hasura Cloud manages: the API refuses to set or delete them (reference: issue #6797).
PLATFORM_MANAGED_KEYS = frozenset(
    {"HASURA_GRAPHQL_METADATA_DATABASE_URL", "HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE"}
)
#: Keys that belong to one project: ``env copy`` leaves them out unless named with --keys.
PROJECT_SPECIFIC_KEYS = PLATFORM_MANAGED_KEYS | {"HASURA_GRAPHQL_ADMIN_SECRET"}
#: Our own limit (the real one is not public): larger values are refused before sending.
MAX_VALUE_BYTES = 64 * 1024


def check_env_key(key: str) -> str:
    """Return ``key`` if it is a valid env var name, else raise a one-line error."""
    if not ENV_KEY_PATTERN.fullmatch(key):
        raise InvalidInputError(
            f"invalid env var name {quoted(key)}: use letters, digits and underscores, "
            "not starting with a digit"
        )
    return key


def check_env_value(key: str, value: str) -> str:
    """Return ``value`` if it can be sent, else a one-line error that never quotes it."""
    if not isinstance(value, str):
        raise InvalidInputError(
            f"the value of {key} must be text (str), not {type(value).__name__}"
        )
    size = len(value.encode("utf-8"))
    if size > MAX_VALUE_BYTES:
        raise InvalidInputError(
            f"the value of {key} is {size} bytes; the limit is {MAX_VALUE_BYTES // 1024} KiB"
        )
    return value


def _as_text(value: Any) -> str:
    # Values are strings in practice; older tenants may hold other JSON.
    return value if isinstance(value, str) else json.dumps(value)


@dataclass(frozen=True)
class TenantEnv:
    """The env of one tenant at one moment: ``hash`` plus ``values`` (KEY → value).

    ``repr``/``str`` mask every value; read ``values`` on purpose to see them.
    """

    tenant_id: str
    hash: str
    values: Mapping[str, str] = field(repr=False)

    @classmethod
    def from_api(cls, tenant_id: str, hash_: str, env_vars: Any) -> TenantEnv:
        environment = env_vars.get("environment", {}) if isinstance(env_vars, dict) else {}
        values = {str(key): _as_text(value) for key, value in dict(environment).items()}
        return cls(tenant_id=tenant_id, hash=hash_, values=MappingProxyType(values))

    @property
    def keys(self) -> list[str]:
        return sorted(self.values)

    def __repr__(self) -> str:
        return f"TenantEnv(tenant_id={self.tenant_id!r}, hash={self.hash!r}, keys={self.keys!r})"
