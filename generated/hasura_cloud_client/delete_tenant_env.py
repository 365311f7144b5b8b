from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import TenantEnvFields


class DeleteTenantEnv(BaseModel):
    delete_tenant_env: Optional["DeleteTenantEnvDeleteTenantEnv"] = Field(
        alias="deleteTenantEnv"
    )


DeleteTenantEnvDeleteTenantEnv = TenantEnvFields
