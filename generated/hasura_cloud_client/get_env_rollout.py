from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class GetEnvRollout(BaseModel):
    tenant_by_pk: Optional["GetEnvRolloutTenantByPk"]
    config_status: list["GetEnvRolloutConfigStatus"]


class GetEnvRolloutTenantByPk(BaseModel):
    id: UUID
    active: bool
    active_status_reason: Optional[str]
    config: Optional["GetEnvRolloutTenantByPkConfig"]


class GetEnvRolloutTenantByPkConfig(BaseModel):
    hash: str


class GetEnvRolloutConfigStatus(BaseModel):
    hash: str
    worker_id: Optional[UUID]
