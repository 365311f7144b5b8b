from typing import Optional

from .base_model import BaseModel
from .enums import cloud_enum


class ListRegions(BaseModel):
    region: list["ListRegionsRegion"]


class ListRegionsRegion(BaseModel):
    name: str
    cloud: cloud_enum
    is_active: bool
    nat_ip: Optional[str]
