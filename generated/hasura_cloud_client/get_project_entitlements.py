from typing import Optional
from uuid import UUID

from pydantic import Field

from .base_model import BaseModel
from .enums import project_entitlement_types_enum


class GetProjectEntitlements(BaseModel):
    projects_by_pk: Optional["GetProjectEntitlementsProjectsByPk"]


class GetProjectEntitlementsProjectsByPk(BaseModel):
    id: UUID
    entitlements: list["GetProjectEntitlementsProjectsByPkEntitlements"]


class GetProjectEntitlementsProjectsByPkEntitlements(BaseModel):
    entitlement: "GetProjectEntitlementsProjectsByPkEntitlementsEntitlement"


class GetProjectEntitlementsProjectsByPkEntitlementsEntitlement(BaseModel):
    type_: project_entitlement_types_enum = Field(alias="type")
    config_is_enabled: bool
