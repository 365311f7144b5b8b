from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class ReactivateSuspendedProject(BaseModel):
    reactivate_suspended_project: "ReactivateSuspendedProjectReactivateSuspendedProject" = Field(
        alias="reactivateSuspendedProject"
    )


class ReactivateSuspendedProjectReactivateSuspendedProject(BaseModel):
    project_id: UUID = Field(alias="projectId")
    success: bool
