"""Env changes as a plan: what would be added, changed and removed; edits and conflicts.

Planning reads nothing and writes nothing: :func:`plan_change` compares wanted edits with an
env already read, :func:`rebase` carries edits over to a newer env, :func:`resolve` adds the
conflicts a person settled. Writing is ``env_writer``'s (one rule for every entry point).
Nothing is sent when nothing changes (the real API is believed to refuse no-op updates).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from hasura_cloud_magic.display import MASK, Table, TableView
from hasura_cloud_magic.env_vars import TenantEnv
from hasura_cloud_magic.errors import UsageError

__all__ = ["Conflict", "EnvDiff", "EnvEdits", "plan_change", "rebase", "resolve"]


@dataclass(frozen=True, repr=False)
class EnvDiff(TableView):
    """The effect of a change on one env. Values are held for writing, never displayed."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    not_set: tuple[str, ...] = ()  # asked to remove, but absent
    writes: Mapping[str, str] = field(default_factory=dict)
    title: str = ""

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def _changes(self) -> list[tuple[str, tuple[str, ...]]]:
        return [("added", self.added), ("changed", self.changed), ("removed", self.removed)]

    def summary(self) -> str:
        parts = [f"{len(keys)} {label}" for label, keys in self._changes() if keys]
        return ", ".join(parts) or "no changes"

    def by_key(self) -> str:
        """What happens to each key: ``LOG_LEVEL: added, OLD: removed`` (no values)."""
        parts = [f"{key}: {label}" for label, keys in self._changes() for key in keys]
        return ", ".join(parts) or "no changes"

    def without_values(self, title: str = "") -> EnvDiff:
        """The same diff holding no values (what commands return), optionally titled."""
        return replace(self, writes={}, title=title or self.title)

    def table(self) -> Table:
        rows = [
            [key, change, MASK if change in ("added", "changed") else ""]
            for change, keys in (
                ("added", self.added),
                ("changed", self.changed),
                ("removed", self.removed),
                ("unchanged", self.unchanged),
                ("not set", self.not_set),
            )
            for key in keys
        ]
        return Table(("key", "change", "value"), sorted(rows), self.title)


def plan_change(
    current: TenantEnv, set_values: Mapping[str, str], unset_keys: Iterable[str] = ()
) -> EnvDiff:
    """Compare the wanted change with ``current``; keys and values are already validated."""
    unset = tuple(dict.fromkeys(unset_keys))
    both = sorted(set(set_values) & set(unset))
    if both:
        raise UsageError(f"{', '.join(both)} cannot be both set and removed")
    values = current.values
    return EnvDiff(
        added=tuple(sorted(k for k in set_values if k not in values)),
        changed=tuple(sorted(k for k, v in set_values.items() if k in values and values[k] != v)),
        removed=tuple(sorted(k for k in unset if k in values)),
        unchanged=tuple(sorted(k for k, v in set_values.items() if values.get(k) == v)),
        not_set=tuple(sorted(k for k in unset if k not in values)),
        writes={k: v for k, v in set_values.items() if values.get(k) != v},
    )


# ---------------------------------------------------------------- concurrent edits


@dataclass(frozen=True, repr=False)
class EnvEdits:
    """What a person changed relative to the env they loaded: values to set, keys to remove."""

    set_values: Mapping[str, str] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.set_values and not self.removed

    def __repr__(self) -> str:
        return f"EnvEdits(set={sorted(self.set_values)}, removed={sorted(self.removed)})"


@dataclass(frozen=True, repr=False)
class Conflict:
    """The same key changed here and remotely, differently. ``None`` means removed."""

    key: str
    mine: str | None
    theirs: str | None

    def __repr__(self) -> str:
        def what(value: str | None) -> str:
            return "remove" if value is None else "set"

        return f"Conflict({self.key!r}: mine={what(self.mine)}, theirs={what(self.theirs)})"


def rebase(
    base: Mapping[str, str], remote: Mapping[str, str], edits: EnvEdits
) -> tuple[EnvEdits, list[Conflict]]:
    """Carry ``edits`` (made on ``base``) over to ``remote``.

    Edits to keys nobody else touched are kept; an edit the remote side already made is
    dropped (nothing left to do); the rest are conflicts for the person to decide.
    """
    touched = {k for k in base.keys() | remote.keys() if base.get(k) != remote.get(k)}
    kept = {k: v for k, v in edits.set_values.items() if k not in touched}
    removed = {k for k in edits.removed if k not in touched}
    conflicts = [
        Conflict(k, v, remote.get(k))
        for k, v in sorted(edits.set_values.items())
        if k in touched and remote.get(k) != v
    ]
    conflicts += [
        Conflict(k, None, remote[k]) for k in sorted(edits.removed) if k in touched and k in remote
    ]
    return EnvEdits(kept, frozenset(removed)), conflicts


def resolve(edits: EnvEdits, conflicts: list[Conflict], keep_mine: set[str]) -> EnvEdits:
    """Add the conflicts the person settled as "mine" back to the edits."""
    chosen = [c for c in conflicts if c.key in keep_mine]
    set_values = {**edits.set_values, **{c.key: c.mine for c in chosen if c.mine is not None}}
    removed = edits.removed | {c.key for c in chosen if c.mine is None}
    return EnvEdits(set_values, frozenset(removed))
