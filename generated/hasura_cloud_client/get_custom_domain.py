from typing import Optional

from .base_model import BaseModel
from .fragments import CustomDomain


class GetCustomDomain(BaseModel):
    custom_domain_by_pk: Optional["GetCustomDomainCustomDomainByPk"]


GetCustomDomainCustomDomainByPk = CustomDomain
