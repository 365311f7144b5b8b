from typing import Optional

from .base_model import BaseModel
from .fragments import ProjectSummary


class GetProjectTenantId(BaseModel):
    projects_by_pk: Optional["GetProjectTenantIdProjectsByPk"]


GetProjectTenantIdProjectsByPk = ProjectSummary
