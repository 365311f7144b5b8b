from typing import Any, Optional
from uuid import UUID

from .base_model import BaseModel


class GetDBLatencyJob(BaseModel):
    jobs_by_pk: Optional["GetDBLatencyJobJobsByPk"]


class GetDBLatencyJobJobsByPk(BaseModel):
    id: UUID
    status: str
    tasks: list["GetDBLatencyJobJobsByPkTasks"]


class GetDBLatencyJobJobsByPkTasks(BaseModel):
    id: UUID
    name: str
    task_events: list["GetDBLatencyJobJobsByPkTasksTaskEvents"]


class GetDBLatencyJobJobsByPkTasksTaskEvents(BaseModel):
    id: UUID
    event_type: str
    public_event_data: Optional[Any]
    error: Optional[str]
