"""What ``%hasura`` commands return: typed, assignable, with text and HTML views.

``t = %hasura tenant <id>`` then ``t.project.endpoint``; lists behave as sequences and offer
``.to_dataframe()`` when pandas is installed. Env values appear only in an ``EnvView`` made
with ``--reveal``.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, overload

from hasura_cloud_magic.display import Fields, Table
from hasura_cloud_magic.env_vars import MASK
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.preview_apps import PreviewProgress


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


class _Card:
    """Text and HTML from :meth:`card` (one object)."""

    def card(self) -> Fields:
        raise NotImplementedError

    def __repr__(self) -> str:
        return repr(self.card())

    def _repr_html_(self) -> str:
        return self.card()._repr_html_()


@dataclass(frozen=True, repr=False)
class Project(_Card):
    id: uuid.UUID
    name: str
    endpoint: str
    plan: str | None
    created_at: datetime
    tenant_id: uuid.UUID | None
    cloud: str | None
    region: str | None

    @property
    def graphql_endpoint(self) -> str:
        return f"{self.endpoint.rstrip('/')}/v1/graphql"

    def row(self) -> list[str]:
        return [
            _text(v)
            for v in (self.name, self.tenant_id, self.cloud, self.region, self.plan, self.endpoint)
        ]

    def card(self) -> Fields:
        return Fields(
            f"Project {self.name}",
            [
                ("project id", _text(self.id)),
                ("tenant id", _text(self.tenant_id)),
                ("cloud", _text(self.cloud)),
                ("region", _text(self.region)),
                ("plan", _text(self.plan)),
                ("endpoint", self.endpoint),
                ("created", _text(self.created_at)),
            ],
        )


class _Rows(Sequence[Any]):
    """A list result: sequence access, a table view, ``to_dataframe()``."""

    columns: Sequence[str] = ()

    def __init__(self, items: Sequence[Any], *, limit: int | None = None, title: str = "") -> None:
        self._items = list(items)
        self._limit = limit
        self._title = title

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def table(self) -> Table:
        return Table(self.columns, [item.row() for item in self._items], self._title, self._limit)

    def __repr__(self) -> str:
        return repr(self.table())

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (pandas is optional)."""
        try:
            import pandas  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise HasuraCloudError("pandas is not installed: pip install pandas") from None
        return pandas.DataFrame([asdict(item) for item in self._items])


class ProjectList(_Rows):
    columns = ("name", "tenant id", "cloud", "region", "plan", "endpoint")

    def names(self) -> list[str]:
        return [project.name for project in self._items]


@dataclass(frozen=True)
class TenantProject:
    id: uuid.UUID
    name: str
    endpoint: str
    plan: str | None


@dataclass(frozen=True, repr=False)
class Tenant(_Card):
    id: uuid.UUID
    slug: str
    cloud: str
    region: str
    fqdn: str
    active: bool
    major_version: int
    created_at: datetime
    project: TenantProject

    def card(self) -> Fields:
        return Fields(
            f"Tenant {self.id}",
            [
                ("project", f"{self.project.name} ({self.project.id})"),
                ("endpoint", self.project.endpoint),
                ("cloud", self.cloud),
                ("region", self.region),
                ("plan", _text(self.project.plan)),
                ("active", "yes" if self.active else "no"),
                ("major version", str(self.major_version)),
                ("created", _text(self.created_at)),
            ],
        )


@dataclass(frozen=True)
class Region:
    name: str
    cloud: str
    nat_ip: str | None

    def row(self) -> list[str]:
        return [self.cloud, self.name, _text(self.nat_ip)]


class RegionList(_Rows):
    columns = ("cloud", "region", "NAT IP")


@dataclass(frozen=True, repr=False)
class EnvView(_Card):
    """A project's env: keys always; values only when revealed on purpose."""

    project: str
    tenant_id: str
    hash: str
    keys: tuple[str, ...]
    revealed_values: dict[str, str] | None = field(default=None)

    def __getitem__(self, key: str) -> str:
        if self.revealed_values is None:
            raise HasuraCloudError("values are masked: use %hasura env show TARGET --reveal")
        return self.revealed_values[key]

    def card(self) -> Fields:
        values = self.revealed_values or {}
        items = [(key, values.get(key, MASK)) for key in self.keys]
        return Fields(f"Env of {self.project} (hash {self.hash[:12]}…)", items)


@dataclass(frozen=True, repr=False)
class CreatedProject(_Card):
    tenant_id: uuid.UUID
    name: str
    endpoint: str | None

    def card(self) -> Fields:
        return Fields(
            f"Created project {self.name}",
            [("tenant id", str(self.tenant_id)), ("endpoint", _text(self.endpoint))],
        )


_STATE_MARKS = {"pending": "·", "running": "…", "success": "✔", "failed": "✘"}


@dataclass(frozen=True, repr=False)
class PreviewStatus:
    """A preview app's progress: a line per task in text, a progress bar in HTML."""

    progress: PreviewProgress

    @property
    def job_id(self) -> uuid.UUID:
        return self.progress.job_id

    @property
    def status(self) -> str:
        p = self.progress
        return p.deployment_status or p.creation.status

    @property
    def project_id(self) -> uuid.UUID | None:
        return self.progress.creation.project_id

    @property
    def graphql_endpoint(self) -> str | None:
        return self.progress.graphql_endpoint

    def facts(self) -> list[tuple[str, str]]:
        p = self.progress
        items = [("creation job", str(p.job_id))]
        if p.creation.deployment_job_id:
            items.append(("deployment job", str(p.creation.deployment_job_id)))
        if p.creation.project_id:
            items.append(("project id", str(p.creation.project_id)))
        if p.graphql_endpoint:
            items += [("GraphQL endpoint", p.graphql_endpoint), ("console", p.console_url or "")]
        error = p.error()
        if error:
            items.append(("error", error))
        return items

    def __repr__(self) -> str:
        tasks = [
            f"  {_STATE_MARKS.get(t.state, '?')} {t.name:<26} {t.state}"
            for t in self.progress.tasks
        ]
        facts = [f"  {name}: {value}" for name, value in self.facts()]
        return "\n".join([f"Preview app: {self.progress.headline()}", *tasks, *facts])

    def _repr_html_(self) -> str:
        p = self.progress
        total = max(len(p.tasks), 1)
        rows = "".join(
            f"<tr class='hcm-task hcm-{t.state}'><td>{_STATE_MARKS.get(t.state, '?')}</td>"
            f"<td>{html.escape(t.name)}</td><td>{html.escape(t.label)}</td>"
            f"<td>{html.escape(t.state)}</td></tr>"
            for t in p.tasks
        )
        facts = "".join(
            f"<tr><th style='text-align:left'>{html.escape(n)}</th><td>{html.escape(v)}</td></tr>"
            for n, v in self.facts()
        )
        return (
            f"<div class='hcm-preview-status'><b>Preview app</b>: {html.escape(p.headline())}"
            f"<br><progress max='{total}' value='{p.done_count}'></progress>"
            f"<table>{rows}</table><table>{facts}</table></div>"
        )


@dataclass(frozen=True, repr=False)
class PreviewJob(_Card):
    """A queued preview app: the job id to follow."""

    job_id: uuid.UUID
    name: str

    def card(self) -> Fields:
        return Fields(
            f"Preview app {self.name} queued",
            [
                ("creation job", str(self.job_id)),
                ("follow it", f"%hasura preview status {self.job_id} --wait"),
            ],
        )


@dataclass(frozen=True, repr=False)
class EnvComparison:
    """Two projects' env keys side by side: only in A, only in B, same, different (masked)."""

    a: str
    b: str
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    same: tuple[str, ...]
    different: tuple[str, ...]

    @classmethod
    def of(
        cls, a: str, a_values: Mapping[str, str], b: str, b_values: Mapping[str, str]
    ) -> EnvComparison:
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

    def __repr__(self) -> str:
        return repr(self.table())

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()
