from datetime import datetime
from typing import Any, Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class CustomDomain(BaseModel):
    id: UUID
    fqdn: str
    cert: str
    dns_validation: str
    ssl_status: Optional[str]
    ssl_message: Optional[str]
    tenant_id: UUID
    created_at: datetime
    updated_at: datetime


class InvitationResult(BaseModel):
    id: UUID
    project_id: UUID
    collaborator_email: str
    invited_at: str
    privileges: list[str]


class ProjectAccess(BaseModel):
    id: UUID
    name: str
    owner: "ProjectAccessOwner"
    collaborators: list["ProjectAccessCollaborators"]
    invitations: list["ProjectAccessInvitations"]


class ProjectAccessOwner(BaseModel):
    id: UUID
    email: str


class ProjectAccessCollaborators(BaseModel):
    id: UUID
    collaborator_id: UUID
    status: str
    collaborator: "ProjectAccessCollaboratorsCollaborator"
    project_collaborator_privileges: list[
        "ProjectAccessCollaboratorsProjectCollaboratorPrivileges"
    ]


class ProjectAccessCollaboratorsCollaborator(BaseModel):
    id: UUID
    email: str


class ProjectAccessCollaboratorsProjectCollaboratorPrivileges(BaseModel):
    privilege_slug: str


class ProjectAccessInvitations(BaseModel):
    id: UUID
    collaborator_email: str
    privileges: Optional[Any]
    invited_at: datetime
    invited_by: UUID


class ProjectStatus(BaseModel):
    id: UUID
    name: str
    endpoint: str
    plan_name: Optional[str]
    billing_plan_name: Optional[str]
    owner: "ProjectStatusOwner"
    tenant: Optional["ProjectStatusTenant"]


class ProjectStatusOwner(BaseModel):
    id: UUID
    email: str


class ProjectStatusTenant(BaseModel):
    id: UUID
    cloud: str
    region: str
    fqdn: str
    active: bool
    active_status_reason: Optional[str]
    maintenance_mode: bool
    region_info: Optional["ProjectStatusTenantRegionInfo"]
    config: Optional["ProjectStatusTenantConfig"]


class ProjectStatusTenantRegionInfo(BaseModel):
    name: str
    nat_ip: Optional[str]
    nat_ips: Optional[Any]
    metrics_fqdn: Optional[str]


class ProjectStatusTenantConfig(BaseModel):
    hash: str
    updated_at: datetime
    status: list["ProjectStatusTenantConfigStatus"]


class ProjectStatusTenantConfigStatus(BaseModel):
    hash: str
    worker_id: Optional[UUID]


class ProjectSummary(BaseModel):
    id: UUID
    name: str
    endpoint: str
    plan_name: Optional[str]
    created_at: datetime
    tenant: Optional["ProjectSummaryTenant"]


class ProjectSummaryTenant(BaseModel):
    id: UUID
    slug: str
    cloud: str
    region: str


class TenantEnvFields(BaseModel):
    hash: str
    env_vars: Any = Field(alias="envVars")
