from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class DeleteTenant(BaseModel):
    delete_tenant: Optional["DeleteTenantDeleteTenant"] = Field(alias="deleteTenant")


class DeleteTenantDeleteTenant(BaseModel):
    status: str
