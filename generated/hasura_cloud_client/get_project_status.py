from .base_model import BaseModel
from .fragments import ProjectStatus


class GetProjectStatus(BaseModel):
    projects: list["GetProjectStatusProjects"]


GetProjectStatusProjects = ProjectStatus
