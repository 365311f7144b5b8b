from datetime import datetime
from typing import Any, Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class ProjectSummary(BaseModel):
    id: UUID
    name: str
    endpoint: str
    plan_name: Optional[str]
    created_at: datetime
    tenant: Optional["ProjectSummaryTenant"]


class ProjectSummaryTenant(BaseModel):
    id: UUID
    slug: str
    cloud: str
    region: str


class TenantEnvFields(BaseModel):
    hash: str
    env_vars: Any = Field(alias="envVars")
