from typing import Optional

from .base_model import BaseModel
from .fragments import CustomDomain


class AddCustomDomain(BaseModel):
    insert_custom_domain_one: Optional["AddCustomDomainInsertCustomDomainOne"]


AddCustomDomainInsertCustomDomainOne = CustomDomain
