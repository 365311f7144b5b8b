from datetime import datetime
from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class GetTenantDetails(BaseModel):
    tenant_by_pk: Optional["GetTenantDetailsTenantByPk"]


class GetTenantDetailsTenantByPk(BaseModel):
    id: UUID
    slug: str
    cloud: str
    region: str
    fqdn: str
    active: bool
    major_version: int
    created_at: datetime
    project: "GetTenantDetailsTenantByPkProject"


class GetTenantDetailsTenantByPkProject(BaseModel):
    id: UUID
    name: str
    endpoint: str
    plan_name: Optional[str]
