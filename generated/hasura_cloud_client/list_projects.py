from .base_model import BaseModel
from .fragments import ProjectSummary


class ListProjects(BaseModel):
    projects: list["ListProjectsProjects"]


ListProjectsProjects = ProjectSummary
