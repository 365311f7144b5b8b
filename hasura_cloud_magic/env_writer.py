"""The one way env vars are written: hash-checked, and never overwriting someone else.

**The rule**, the same for ``%hasura env set|unset|copy`` (one project or ``--projects``),
the env editor's Save, and :func:`apply_edits` from Python:

1. Edits are decided on a *base*: the env as read (and shown) before writing.
2. Each write quotes the hash of the env it was decided on. Set values and removals are two
   calls, the second quoting the hash the first returned.
3. If the hash is stale (someone wrote first), the env is read again and the edits are
   carried over (``env_plan.rebase``): an edit to a key nobody else changed is re-applied;
   an edit someone else already made is dropped (nothing left to do); a key changed on both
   sides, differently, is a **conflict**.
4. A conflict is never overwritten silently. The line forms write nothing for that key,
   keep the other keys' edits, and report it by key, never by value: one project raises
   :class:`~hasura_cloud_magic.errors.EnvConflictError` (a notebook run stops), a fleet run
   marks that project ``conflict``. The form stops before writing anything more and asks
   the person, key by key (``on_conflict=ASK``).
5. Never half-applied silently: if the second call (removals) fails after the first (set
   values) landed, the first is undone (the keys get their earlier values back) and the error
   says nothing changed; if undoing fails too, a
   :class:`~hasura_cloud_magic.errors.PartiallyAppliedError` says exactly what stays changed.

A :class:`ConflictSafeWriter` makes one API call per :meth:`step`, so tests can interleave
writers in any order.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.env_plan import Conflict, EnvEdits, rebase
from hasura_cloud_magic.env_vars import TenantEnv
from hasura_cloud_magic.errors import (
    EnvConflictError,
    HashConflictError,
    HasuraCloudError,
    PartiallyAppliedError,
)

__all__ = ["ASK", "REPORT", "ConflictSafeWriter", "WriteOutcome", "apply_edits"]

#: What a writer does on a conflict: write the rest and report it, or stop and ask.
REPORT: Literal["report"] = "report"
ASK: Literal["ask"] = "ask"


@dataclass
class WriteOutcome:
    """What a writer achieved: keys it wrote or removed, and the conflicts it lost."""

    written: set[str] = field(default_factory=set)
    already: set[str] = field(default_factory=set)  # already so (someone else did it)
    lost: list[Conflict] = field(default_factory=list)
    attempts: int = 0
    #: The hash was stale at least once: the edits were carried over to a newer env.
    rebased: bool = False
    #: The env's hash after this writer's last write (None: nothing written); wait for it
    #: to go live with ``rollout.wait_until_live``.
    final_hash: str | None = None

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
        on_conflict: Literal["report", "ask"] = REPORT,
    ) -> None:
        """``base``: the env the edits were decided on (the page a person looked at, the
        plan a fleet command showed). A key changed since then, differently, is a conflict.
        Without it, the first read is the base. ``on_conflict``: :data:`REPORT` writes the
        other edits and lists the conflict in ``outcome.lost``; :data:`ASK` stops at once,
        leaving the other edits in :attr:`pending` and the conflicts in :attr:`asking`."""
        self.cloud, self.tenant_id, self.max_attempts = cloud, tenant_id, max_attempts
        self.pending = edits
        self.outcome = WriteOutcome()
        self.on_conflict = on_conflict
        self.asking: list[Conflict] = []
        #: Each written key's value before this writer wrote it (None: it did not exist).
        self._earlier: dict[str, str | None] = {}
        self._base: TenantEnv | None = None
        self._stale = False
        if base is not None:
            self._adopt(base)

    @property
    def base(self) -> TenantEnv | None:
        """The env as last read or written: what the pending edits apply to."""
        return self._base

    @property
    def done(self) -> bool:
        if self.asking:
            return True
        return self._base is not None and not self._stale and self.pending.empty

    def run(self) -> WriteOutcome:
        """Step until done; a failure after a write landed undoes it (rule 5)."""
        try:
            while not self.done:
                self.step()
        except HasuraCloudError as error:
            if not self.outcome.written:
                raise
            landed = ", ".join(sorted(self.outcome.written))
            problem = self._undo()
            if problem is None:
                error.message += f"; {landed} had been written and were restored: nothing changed"
                raise
            raise PartiallyAppliedError(
                f"{landed} were written, then the rest failed ({error}); restoring them failed "
                f"too ({problem}): {landed} stay as written, the rest was not applied"
            ) from None
        return self.outcome

    def _undo(self) -> str | None:
        """Give the written keys their earlier values; None if that worked, else why not."""
        assert self._base is not None
        earlier = EnvEdits(
            {k: v for k, v in self._earlier.items() if v is not None},
            frozenset(k for k, v in self._earlier.items() if v is None),
        )
        undo = ConflictSafeWriter(self.cloud, self.tenant_id, earlier, base=self._base)
        try:
            outcome = undo.run()
        except HasuraCloudError as error:
            return str(error)
        if outcome.lost:
            return f"{', '.join(c.key for c in outcome.lost)} changed by someone else meanwhile"
        return None

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
        if conflicts and self.on_conflict == ASK:
            self.asking = conflicts
        else:
            self.outcome.lost += conflicts
        self.outcome.already |= (
            _keys(wanted) - _keys(self.pending) - {conflict.key for conflict in conflicts}
        )
        self._base, self._stale = remote, False

    def _update(self) -> None:
        values = self.pending.set_values
        before = self._values_before(values)
        if self._send(lambda base: self.cloud.update_env(self.tenant_id, base.hash, values)):
            self.outcome.written |= set(values)
            self._earlier = {**before, **self._earlier}
            self.pending = EnvEdits({}, self.pending.removed)

    def _delete(self) -> None:
        keys = sorted(self.pending.removed)
        before = self._values_before(keys)
        if self._send(lambda base: self.cloud.delete_env(self.tenant_id, base.hash, keys)):
            self.outcome.written |= set(keys)
            self._earlier = {**before, **self._earlier}
            self.pending = EnvEdits(self.pending.set_values, frozenset())

    def _values_before(self, keys: Iterable[str]) -> dict[str, str | None]:
        assert self._base is not None
        return {key: self._base.values.get(key) for key in keys}

    def _send(self, call: Callable[[TenantEnv], TenantEnv]) -> bool:
        """Write against the env last read; False (and stale) if someone wrote first."""
        assert self._base is not None
        self.outcome.attempts += 1
        if self.outcome.attempts > self.max_attempts:
            raise HasuraCloudError(f"gave up after {self.max_attempts} conflicting writes")
        try:
            self._base = call(self._base)
        except HashConflictError:
            self._stale = self.outcome.rebased = True
            return False
        self.outcome.final_hash = self._base.hash
        return True


def _keys(edits: EnvEdits) -> set[str]:
    return set(edits.set_values) | set(edits.removed)


def _effective(env: TenantEnv, edits: EnvEdits) -> EnvEdits:
    """Drop what is already true (no-op writes are refused by the API)."""
    return EnvEdits(
        {k: v for k, v in edits.set_values.items() if env.values.get(k) != v},
        frozenset(k for k in edits.removed if k in env.values),
    )


def apply_edits(cloud: HasuraCloud, base: TenantEnv, edits: EnvEdits) -> WriteOutcome:
    """Write ``edits`` decided on ``base`` by the rule above; a conflict raises (after the
    other keys were written) an EnvConflictError naming the keys."""
    outcome = ConflictSafeWriter(cloud, uuid.UUID(base.tenant_id), edits, base=base).run()
    if outcome.lost:
        keys = tuple(conflict.key for conflict in outcome.lost)
        applied = tuple(sorted(outcome.written))
        raise EnvConflictError(
            f"{', '.join(keys)} changed since it was read (by someone else, differently): "
            f"left as they set it, nothing written for it"
            + (f"; {', '.join(applied)} written" if applied else "")
            + ". Read the env again and decide.",
            keys=keys,
            applied=applied,
        )
    return outcome
