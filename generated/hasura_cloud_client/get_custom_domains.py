from typing import Optional
from uuid import UUID

from .base_model import BaseModel
from .fragments import CustomDomain


class GetCustomDomains(BaseModel):
    tenant_by_pk: Optional["GetCustomDomainsTenantByPk"]


class GetCustomDomainsTenantByPk(BaseModel):
    id: UUID
    fqdn: str
    custom_domains: list["GetCustomDomainsTenantByPkCustomDomains"]


GetCustomDomainsTenantByPkCustomDomains = CustomDomain
