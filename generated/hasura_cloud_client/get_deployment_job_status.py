from datetime import datetime
from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class GetDeploymentJobStatus(BaseModel):
    jobs_by_pk: Optional["GetDeploymentJobStatusJobsByPk"]


class GetDeploymentJobStatusJobsByPk(BaseModel):
    id: UUID
    status: str
    project: Optional["GetDeploymentJobStatusJobsByPkProject"]
    tasks: list["GetDeploymentJobStatusJobsByPkTasks"]


class GetDeploymentJobStatusJobsByPkProject(BaseModel):
    name: str
    endpoint: str


class GetDeploymentJobStatusJobsByPkTasks(BaseModel):
    id: UUID
    name: str
    task_events: list["GetDeploymentJobStatusJobsByPkTasksTaskEvents"]


class GetDeploymentJobStatusJobsByPkTasksTaskEvents(BaseModel):
    id: UUID
    event_type: str
    error: Optional[str]
    github_detail: Optional[str]
    created_at: datetime
