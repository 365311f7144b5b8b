from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import TenantEnvFields


class UpdateTenantEnv(BaseModel):
    update_tenant_env: Optional["UpdateTenantEnvUpdateTenantEnv"] = Field(
        alias="updateTenantEnv"
    )


UpdateTenantEnvUpdateTenantEnv = TenantEnvFields
