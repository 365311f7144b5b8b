from .base_model import BaseModel
from .fragments import ProjectAccess


class GetProjectAccess(BaseModel):
    projects: list["GetProjectAccessProjects"]


GetProjectAccessProjects = ProjectAccess
