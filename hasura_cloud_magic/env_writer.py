"""Apply env edits safely when others write at the same time: rebase, never overwrite.

A :class:`ConflictSafeWriter` reads the env, writes with that hash, and on a stale hash
reads again and carries its edits over (``env_plan.rebase``): edits to keys nobody else
touched are retried, an edit someone else already made is dropped, and a key someone else
changed differently is *lost* — left as they set it, and reported. One API call per
:meth:`step`, so tests can interleave writers in any order.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.env_plan import Conflict, EnvEdits, rebase
from hasura_cloud_magic.env_vars import TenantEnv
from hasura_cloud_magic.errors import HashConflictError, HasuraCloudError


@dataclass
class WriteOutcome:
    """What a writer achieved: keys it wrote or removed, and the conflicts it lost."""

    written: set[str] = field(default_factory=set)
    already: set[str] = field(default_factory=set)  # already so (someone else did it)
    lost: list[Conflict] = field(default_factory=list)
    attempts: int = 0

    def summary(self) -> str:
        lost = ", ".join(c.key for c in self.lost)
        return f"{len(self.written)} applied" + (
            f"; lost to a concurrent change: {lost}" if lost else ""
        )


class ConflictSafeWriter:
    """Drive with :meth:`step` until :attr:`done`, or call :meth:`run`."""

    def __init__(
        self,
        cloud: HasuraCloud,
        tenant_id: uuid.UUID,
        edits: EnvEdits,
        *,
        max_attempts: int = 50,
        base: TenantEnv | None = None,
    ) -> None:
        """``base``: the env the edits were decided on (the page a person looked at, the
        plan a fleet command showed). A key changed since then, differently, is a conflict.
        Without it, the first read is the base."""
        self.cloud, self.tenant_id, self.max_attempts = cloud, tenant_id, max_attempts
        self.pending = edits
        self.outcome = WriteOutcome()
        self._base: TenantEnv | None = None
        self._stale = False
        if base is not None:
            self._adopt(base)

    @property
    def done(self) -> bool:
        return self._base is not None and not self._stale and self.pending.empty

    def run(self) -> WriteOutcome:
        while not self.done:
            self.step()
        return self.outcome

    def step(self) -> None:
        """One API call: (re)read the env, or send the next write."""
        if self._base is None or self._stale:
            self._read()
        elif self.pending.set_values:
            self._update()
        elif self.pending.removed:
            self._delete()

    def _read(self) -> None:
        self._adopt(self.cloud.get_env(self.tenant_id))

    def _adopt(self, remote: TenantEnv) -> None:
        """Take ``remote`` as the new base, carrying the pending edits over to it."""
        wanted, conflicts = self.pending, list[Conflict]()
        if self._base is not None:
            kept, conflicts = rebase(self._base.values, remote.values, wanted)
        else:
            kept = wanted
        self.pending = _effective(remote, kept)
        self.outcome.lost += conflicts
        self.outcome.already |= (
            _keys(wanted) - _keys(self.pending) - {conflict.key for conflict in conflicts}
        )
        self._base, self._stale = remote, False

    def _update(self) -> None:
        values = self.pending.set_values
        if self._send(lambda base: self.cloud.update_env(self.tenant_id, base.hash, values)):
            self.outcome.written |= set(values)
            self.pending = EnvEdits({}, self.pending.removed)

    def _delete(self) -> None:
        keys = sorted(self.pending.removed)
        if self._send(lambda base: self.cloud.delete_env(self.tenant_id, base.hash, keys)):
            self.outcome.written |= set(keys)
            self.pending = EnvEdits(self.pending.set_values, frozenset())

    def _send(self, call: Callable[[TenantEnv], TenantEnv]) -> bool:
        """Write against the env last read; False (and stale) if someone wrote first."""
        assert self._base is not None
        self.outcome.attempts += 1
        if self.outcome.attempts > self.max_attempts:
            raise HasuraCloudError(f"gave up after {self.max_attempts} conflicting writes")
        try:
            self._base = call(self._base)
        except HashConflictError:
            self._stale = True
            return False
        return True


def _keys(edits: EnvEdits) -> set[str]:
    return set(edits.set_values) | set(edits.removed)


def _effective(env: TenantEnv, edits: EnvEdits) -> EnvEdits:
    """Drop what is already true (no-op writes are refused by the API)."""
    return EnvEdits(
        {k: v for k, v in edits.set_values.items() if env.values.get(k) != v},
        frozenset(k for k in edits.removed if k in env.values),
    )
