"""Env vars as ``%hasura env show|diff`` return them: keys always, values only on purpose."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hasura_cloud_magic.display import MASK, Table, TableView
from hasura_cloud_magic.errors import UsageError

if TYPE_CHECKING:
    from hasura_cloud_magic.env_vars import TenantEnv

__all__ = ["EnvComparison", "EnvView"]


@dataclass(frozen=True, repr=False)
class EnvView(TableView):
    """A project's env: keys always; values only when revealed on purpose."""

    project: str
    tenant_id: str
    hash: str
    keys: tuple[str, ...]
    revealed_values: dict[str, str] | None = field(default=None)

    def __getitem__(self, key: str) -> str:
        if self.revealed_values is None:
            raise UsageError("values are masked: use %hasura env show TARGET --reveal")
        return self.revealed_values[key]

    def table(self) -> Table:
        values = self.revealed_values or {}
        rows = [[key, values.get(key, MASK)] for key in self.keys]
        # The hash is protocol, not content: a footnote, under the count.
        footer = f"hash {self.hash[:12]}…"
        return Table(("key", "value"), rows, f"Env of {self.project}", footer=footer)


@dataclass(frozen=True, repr=False)
class EnvComparison(TableView):
    """Two projects' env keys side by side: only in A, only in B, same, different (masked)."""

    a: str
    b: str
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    same: tuple[str, ...]
    different: tuple[str, ...]

    @classmethod
    def from_api(cls, a: str, env_a: TenantEnv, b: str, env_b: TenantEnv) -> EnvComparison:
        a_values, b_values = env_a.values, env_b.values
        both = set(a_values) & set(b_values)
        return cls(
            a,
            b,
            only_a=tuple(sorted(set(a_values) - both)),
            only_b=tuple(sorted(set(b_values) - both)),
            same=tuple(sorted(k for k in both if a_values[k] == b_values[k])),
            different=tuple(sorted(k for k in both if a_values[k] != b_values[k])),
        )

    def table(self) -> Table:
        rows = [
            [key, label]
            for label, keys in (
                (f"only in {self.a}", self.only_a),
                (f"only in {self.b}", self.only_b),
                ("different", self.different),
                ("same", self.same),
            )
            for key in keys
        ]
        return Table(("key", "comparison"), sorted(rows), f"{self.a} vs {self.b} (values masked)")
