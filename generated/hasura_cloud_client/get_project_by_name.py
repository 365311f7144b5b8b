from .base_model import BaseModel
from .fragments import ProjectSummary


class GetProjectByName(BaseModel):
    projects: list["GetProjectByNameProjects"]


GetProjectByNameProjects = ProjectSummary
