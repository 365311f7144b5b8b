from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class UpdateTenantName(BaseModel):
    update_tenant_name: Optional["UpdateTenantNameUpdateTenantName"] = Field(
        alias="updateTenantName"
    )


class UpdateTenantNameUpdateTenantName(BaseModel):
    tenant_id: UUID
    tenant: Optional["UpdateTenantNameUpdateTenantNameTenant"]


class UpdateTenantNameUpdateTenantNameTenant(BaseModel):
    id: UUID
    slug: str
    project: "UpdateTenantNameUpdateTenantNameTenantProject"


class UpdateTenantNameUpdateTenantNameTenantProject(BaseModel):
    id: UUID
    name: str
    endpoint: str
