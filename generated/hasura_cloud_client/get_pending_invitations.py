from uuid import UUID

from pydantic import Field

from .base_model import BaseModel


class GetPendingInvitations(BaseModel):
    fetch_pending_invitations: list["GetPendingInvitationsFetchPendingInvitations"] = (
        Field(alias="fetchPendingInvitations")
    )


class GetPendingInvitationsFetchPendingInvitations(BaseModel):
    id: UUID
    project_id: UUID = Field(alias="projectID")
    project_name: str = Field(alias="projectName")
    invited_at: str = Field(alias="invitedAt")
    invited_by: str = Field(alias="invitedBy")
    privileges: list[str]
    key: str
