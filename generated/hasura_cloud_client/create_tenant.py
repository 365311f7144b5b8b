from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class CreateTenant(BaseModel):
    create_tenant: Optional["CreateTenantCreateTenant"] = Field(alias="createTenant")


class CreateTenantCreateTenant(BaseModel):
    id: UUID
    name: str
