"""What ``%hasura`` commands return: typed, assignable, with text and HTML views.

``t = %hasura tenant <id>`` then ``t.project.endpoint``; lists behave as sequences and offer
``.to_dataframe()`` when pandas is installed. Env values appear only in an ``EnvView`` made
with ``--reveal``.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, overload

from hasura_cloud_magic.display import (
    MASK,
    TASK_MARKS,
    CardView,
    Fields,
    JsonView,
    Table,
    TableView,
)
from hasura_cloud_magic.errors import ConfigurationError, UsageError

if TYPE_CHECKING:
    from hasura_cloud_client import GetTenantDetailsTenantByPk, ProjectSummary

    from hasura_cloud_magic.env_vars import TenantEnv
    from hasura_cloud_magic.preview_apps import PreviewProgress

__all__ = [
    "CreatedProject",
    "EnvComparison",
    "EnvView",
    "GraphQLResult",
    "PreviewJob",
    "PreviewStatus",
    "Project",
    "ProjectList",
    "Region",
    "RegionList",
    "Tenant",
    "TenantProject",
]


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


@dataclass(frozen=True, repr=False)
class Project(CardView):
    """A project as ``%hasura projects`` and ``%hasura project`` return it.

    ``id`` is the project id, ``tenant_id`` the id the env and delete calls take (None while
    the project has no tenant); ``endpoint`` is the project's base URL.
    """

    id: uuid.UUID
    name: str
    endpoint: str
    plan: str | None
    created_at: datetime
    tenant_id: uuid.UUID | None
    cloud: str | None
    region: str | None

    @classmethod
    def from_api(cls, summary: ProjectSummary) -> Project:
        tenant = summary.tenant
        return cls(
            id=summary.id,
            name=summary.name,
            endpoint=summary.endpoint,
            plan=summary.plan_name,
            created_at=summary.created_at,
            tenant_id=tenant.id if tenant else None,
            cloud=tenant.cloud if tenant else None,
            region=tenant.region if tenant else None,
        )

    @property
    def graphql_endpoint(self) -> str:
        """The project's GraphQL URL (``<endpoint>/v1/graphql``)."""
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


class _Rows(TableView, Sequence[Any]):
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

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (pandas is optional)."""
        try:
            import pandas  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise ConfigurationError("pandas is not installed: pip install pandas") from None
        return pandas.DataFrame([asdict(item) for item in self._items])


class ProjectList(_Rows):
    """Projects, as rows; ``.names()`` for a loop, ``.to_dataframe()`` for pandas."""

    columns = ("name", "tenant id", "cloud", "region", "plan", "endpoint")

    def names(self) -> list[str]:
        return [project.name for project in self._items]


@dataclass(frozen=True)
class TenantProject:
    """The project behind a tenant (``Tenant.project``)."""

    id: uuid.UUID
    name: str
    endpoint: str
    plan: str | None


@dataclass(frozen=True, repr=False)
class Tenant(CardView):
    """A tenant as ``%hasura tenant`` returns it; ``project`` holds its project's id, name,
    endpoint and plan (``t.project.endpoint``)."""

    id: uuid.UUID
    slug: str
    cloud: str
    region: str
    fqdn: str
    active: bool
    major_version: int
    created_at: datetime
    project: TenantProject

    @classmethod
    def from_api(cls, details: GetTenantDetailsTenantByPk) -> Tenant:
        project = details.project
        return cls(
            id=details.id,
            slug=details.slug,
            cloud=details.cloud,
            region=details.region,
            fqdn=details.fqdn,
            active=details.active,
            major_version=details.major_version,
            created_at=details.created_at,
            project=TenantProject(project.id, project.name, project.endpoint, project.plan_name),
        )

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
    """An active region of a cloud, with its NAT IP where the API gives one."""

    name: str
    cloud: str
    nat_ip: str | None

    def row(self) -> list[str]:
        return [self.cloud, self.name, _text(self.nat_ip)]


class RegionList(_Rows):
    """Regions, as rows."""

    columns = ("cloud", "region", "NAT IP")


@dataclass(frozen=True, repr=False)
class EnvView(CardView):
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

    def card(self) -> Fields:
        values = self.revealed_values or {}
        items = [(key, values.get(key, MASK)) for key in self.keys]
        return Fields(f"Env of {self.project} (hash {self.hash[:12]}…)", items)


@dataclass(frozen=True, repr=False)
class CreatedProject(CardView):
    """What ``%hasura create`` returns: the new tenant's id, the project's name and endpoint."""

    tenant_id: uuid.UUID
    name: str
    endpoint: str | None

    def card(self) -> Fields:
        return Fields(
            f"Created project {self.name}",
            [("tenant id", str(self.tenant_id)), ("endpoint", _text(self.endpoint))],
        )


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
            f"  {TASK_MARKS.get(t.state, '?')} {t.name:<26} {t.state}" for t in self.progress.tasks
        ]
        facts = [f"  {name}: {value}" for name, value in self.facts()]
        return "\n".join([f"Preview app: {self.progress.headline()}", *tasks, *facts])

    def _repr_html_(self) -> str:
        p = self.progress
        total = max(len(p.tasks), 1)
        rows = "".join(
            f"<tr class='hcm-task hcm-{t.state}'><td>{TASK_MARKS.get(t.state, '?')}</td>"
            f"<td>{html.escape(t.name)}</td><td>{html.escape(t.label)}</td>"
            f"<td>{html.escape(t.state)}</td></tr>"
            for t in p.tasks
        )
        facts = Fields("", self.facts())._repr_html_()
        return (
            f"<div class='hcm-preview-status'><b>Preview app</b>: {html.escape(p.headline())}"
            f"<br><progress max='{total}' value='{p.done_count}'></progress>"
            f"<table>{rows}</table>{facts}</div>"
        )


@dataclass(frozen=True, repr=False)
class PreviewJob(CardView):
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


class GraphQLResult(JsonView):
    """What ``%%hasura`` returns: the ``data`` of a response; index it like a dict."""

    def __getitem__(self, key: str) -> Any:
        return self.data[key]
