from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class DeleteCustomDomain(BaseModel):
    delete_custom_domain_by_pk: Optional["DeleteCustomDomainDeleteCustomDomainByPk"]


class DeleteCustomDomainDeleteCustomDomainByPk(BaseModel):
    id: UUID
    fqdn: str
