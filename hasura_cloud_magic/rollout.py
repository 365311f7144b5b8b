"""Is an env change live yet? Wait until every server of a project runs it.

``updateTenantEnv`` answers once the env is stored; Hasura Cloud then rolls the new config
out to the project's servers. Each server reports the hash it runs in ``config_status``
(``worker_state: "live"``), which the dashboard watches; :func:`wait_until_live` polls the
same rows until every live server runs the hash the write returned.

>>> written = cloud.update_env(tenant_id, env.hash, {"FEATURE_X": "on"})
>>> wait_until_live(cloud, tenant_id, written.hash, name="shop-prod", timeout=120)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hasura_cloud_magic.errors import EnvNotLiveError
from hasura_cloud_magic.polling import poll
from hasura_cloud_magic.settings import POLL_INTERVAL_SECONDS

if TYPE_CHECKING:
    from hasura_cloud_magic.api import HasuraCloud, Id

__all__ = ["EnvRollout", "read_rollout", "wait_until_live"]


@dataclass(frozen=True)
class EnvRollout:
    """The env hash written last against the hashes the project's live servers run."""

    latest_hash: str | None
    live_hashes: tuple[str, ...]
    #: None while the project is active; else why it is not (``hibernated``...).
    inactive_reason: str | None = None

    @property
    def live(self) -> bool:
        """Every live server runs the latest hash (and at least one server runs)."""
        return bool(self.live_hashes) and set(self.live_hashes) == {self.latest_hash}

    def servers_behind(self) -> int:
        return sum(h != self.latest_hash for h in self.live_hashes)

    def describe(self) -> str:
        if self.latest_hash is None:
            return "unknown"
        if self.inactive_reason is not None or not self.live_hashes:
            return "no servers running"
        if self.live:
            return f"live ({self.latest_hash[:7]})"
        return f"rolling out: {self.servers_behind()} of {len(self.live_hashes)} servers behind"


def read_rollout(cloud: HasuraCloud, tenant_id: Id) -> EnvRollout:
    """The tenant's rollout as the API reports it now (one request)."""
    answer = cloud.env_rollout(tenant_id)
    tenant = answer.tenant_by_pk
    assert tenant is not None  # env_rollout raises NotFoundError otherwise
    reason = None if tenant.active else tenant.active_status_reason or "inactive"
    latest = tenant.config.hash if tenant.config else None
    return EnvRollout(latest, tuple(row.hash for row in answer.config_status), reason)


def wait_until_live(
    cloud: HasuraCloud,
    tenant_id: Id,
    env_hash: str,
    *,
    name: str,
    timeout: float,
    interval: float = POLL_INTERVAL_SECONDS,
    on_update: Callable[[EnvRollout], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> EnvRollout:
    """Poll until every live server of the tenant runs ``env_hash`` (what the write
    returned). Raises EnvNotLiveError, saying the change *is written*, when the project is
    not running (hibernated, suspended), when a newer change replaced it, or after
    ``timeout`` seconds."""

    def settled(rollout: EnvRollout) -> bool:
        if rollout.inactive_reason is not None:
            raise EnvNotLiveError(
                f"{name}: the env change is written, but the project is "
                f"{rollout.inactive_reason}: it goes live when the project is reactivated "
                f"(%hasura reactivate {name})"
            )
        if rollout.latest_hash != env_hash:
            raise EnvNotLiveError(
                f"{name}: the env change is written, but a newer change replaced it before it "
                f"went live; read the env again (%hasura env show {name})"
            )
        return rollout.live

    def gave_up(rollout: EnvRollout, elapsed: float) -> EnvNotLiveError:
        return EnvNotLiveError(
            f"{name}: the env change is written but not live yet after {elapsed:.0f} s "
            f"({rollout.describe()}); it goes on rolling out: %hasura health {name}"
        )

    return poll(
        lambda: read_rollout(cloud, tenant_id),
        settled,
        timeout=timeout,
        gave_up=gave_up,
        interval=interval,
        on_update=on_update,
        sleep=sleep,
        clock=clock,
    )
