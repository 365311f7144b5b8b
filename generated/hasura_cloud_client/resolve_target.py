from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class ResolveTarget(BaseModel):
    tenant_by_pk: Optional["ResolveTargetTenantByPk"]
    projects_by_pk: Optional["ResolveTargetProjectsByPk"]


class ResolveTargetTenantByPk(BaseModel):
    id: UUID
    project: "ResolveTargetTenantByPkProject"


class ResolveTargetTenantByPkProject(BaseModel):
    id: UUID
    name: str


class ResolveTargetProjectsByPk(BaseModel):
    id: UUID
    name: str
    tenant: Optional["ResolveTargetProjectsByPkTenant"]


class ResolveTargetProjectsByPkTenant(BaseModel):
    id: UUID
