"""Env changes as a plan: what would be added, changed and removed, then applied safely.

The protocol every real client follows: read the env and its hash, write with that hash,
and use the hash each write returns for the next one. Nothing is sent when nothing changes
(the real API is believed to refuse no-op updates).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import Table
from hasura_cloud_magic.env_vars import MASK, TenantEnv
from hasura_cloud_magic.errors import HasuraCloudError, PartiallyAppliedError, UsageError


@dataclass(frozen=True, repr=False)
class EnvDiff:
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

    def summary(self) -> str:
        parts = [
            f"{len(keys)} {label}"
            for label, keys in (
                ("added", self.added),
                ("changed", self.changed),
                ("removed", self.removed),
            )
            if keys
        ]
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

    def __repr__(self) -> str:
        return repr(self.table())

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()


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


def apply_change(cloud: HasuraCloud, current: TenantEnv, diff: EnvDiff) -> TenantEnv:
    """Write ``diff`` against ``current`` (its hash), chaining hashes; sends nothing if empty.

    A HashConflictError on the first write means nothing changed. Writes and removals are
    two calls; if the removal fails after the write landed, the error says so.
    """
    env = current
    if diff.writes:
        env = cloud.update_env(current.tenant_id, current.hash, diff.writes)
    if diff.removed:
        try:
            env = cloud.delete_env(env.tenant_id, env.hash, diff.removed)
        except HasuraCloudError as error:
            if env is current:
                raise
            raise PartiallyAppliedError(
                f"{', '.join(diff.added + diff.changed)} were written, but removing "
                f"{', '.join(diff.removed)} failed: {error}"
            ) from error
    return env
