from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import TenantEnvFields


class GetTenantEnv(BaseModel):
    get_tenant_env: Optional["GetTenantEnvGetTenantEnv"] = Field(alias="getTenantEnv")


GetTenantEnvGetTenantEnv = TenantEnvFields
