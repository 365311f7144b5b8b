from typing import Any, Optional
from uuid import UUID

from .base_model import BaseModel


class GetPreviewAppCreationStatus(BaseModel):
    jobs_by_pk: Optional["GetPreviewAppCreationStatusJobsByPk"]


class GetPreviewAppCreationStatusJobsByPk(BaseModel):
    id: UUID
    status: str
    tasks: list["GetPreviewAppCreationStatusJobsByPkTasks"]


class GetPreviewAppCreationStatusJobsByPkTasks(BaseModel):
    id: UUID
    name: str
    task_events: list["GetPreviewAppCreationStatusJobsByPkTasksTaskEvents"]


class GetPreviewAppCreationStatusJobsByPkTasksTaskEvents(BaseModel):
    id: UUID
    event_type: str
    public_event_data: Optional[Any]
    error: Optional[str]
