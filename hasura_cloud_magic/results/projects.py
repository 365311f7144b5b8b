"""Projects, tenants and regions, as ``%hasura projects|project|tenant|regions|create``
return them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from hasura_cloud_magic.display import CardView, Fields
from hasura_cloud_magic.results.base import Rows, text

if TYPE_CHECKING:
    from hasura_cloud_client import GetTenantDetailsTenantByPk, ProjectSummary

__all__ = [
    "CreatedProject",
    "Project",
    "ProjectDetails",
    "ProjectList",
    "Region",
    "RegionList",
    "Tenant",
    "TenantProject",
]


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
            text(v)
            for v in (self.name, self.tenant_id, self.cloud, self.region, self.plan, self.endpoint)
        ]

    def card(self) -> Fields:
        return Fields(
            f"Project {self.name}",
            [
                ("project id", text(self.id)),
                ("tenant id", text(self.tenant_id)),
                ("cloud", text(self.cloud)),
                ("region", text(self.region)),
                ("plan", text(self.plan)),
                ("endpoint", self.endpoint),
                ("created", text(self.created_at)),
            ],
        )


@dataclass(frozen=True, repr=False)
class ProjectDetails(Project):
    """A project as ``%hasura project`` returns it: a :class:`Project`, plus its status,
    plan, owner, env rollout and the region's NAT IPs (to allow-list in a database firewall).

    ``state`` is ``active``, ``maintenance`` or why it is not running (``hibernated``...);
    ``entitlements`` maps each entitlement of the plan to whether it is enabled (None: the
    API did not say).
    """

    state: str = "active"
    billing_plan: str | None = None
    owner: str | None = None
    env_rollout: str = "unknown"
    nat_ips: tuple[str, ...] = ()
    metrics_host: str | None = None
    entitlements: dict[str, bool] | None = field(default=None, hash=False)

    def card(self) -> Fields:
        entitlements = (
            "unavailable"
            if self.entitlements is None
            else ", ".join(sorted(k for k, on in self.entitlements.items() if on)) or "none"
        )
        base = super().card()
        return Fields(
            base.title,
            [
                *base.items[:2],
                ("status", self.state),
                ("env rollout", self.env_rollout),
                ("owner", text(self.owner)),
                *base.items[2:5],
                ("billing plan", text(self.billing_plan)),
                ("entitlements", entitlements),
                ("NAT IPs", ", ".join(self.nat_ips) or "—"),
                ("metrics host", text(self.metrics_host)),
                *base.items[5:],
            ],
        )


class ProjectList(Rows):
    """Projects, as rows; ``.names()`` for a loop, ``.to_dataframe()`` for pandas."""

    columns = ("name", "tenant id", "cloud", "region", "plan", "endpoint")
    empty = (
        "No projects yet; create one with %hasura create --cloud aws --region us-east-2 --name NAME"
    )

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
                ("plan", text(self.project.plan)),
                ("active", "yes" if self.active else "no"),
                ("major version", str(self.major_version)),
                ("created", text(self.created_at)),
            ],
        )


@dataclass(frozen=True)
class Region:
    """An active region of a cloud, with its NAT IP where the API gives one."""

    name: str
    cloud: str
    nat_ip: str | None

    def row(self) -> list[str]:
        return [self.cloud, self.name, text(self.nat_ip)]


class RegionList(Rows):
    """Regions, as rows."""

    columns = ("cloud", "region", "NAT IP")


@dataclass(frozen=True, repr=False)
class CreatedProject(CardView):
    """What ``%hasura create`` returns: the new tenant's id, the project's name and endpoint."""

    tenant_id: uuid.UUID
    name: str
    endpoint: str | None

    def card(self) -> Fields:
        return Fields(
            f"Created project {self.name}",
            [("tenant id", str(self.tenant_id)), ("endpoint", text(self.endpoint))],
        )
