from pydantic import Field

from .base_model import BaseModel
from .fragments import InvitationResult


class InviteCollaborator(BaseModel):
    invite_collaborator: "InviteCollaboratorInviteCollaborator" = Field(
        alias="inviteCollaborator"
    )


InviteCollaboratorInviteCollaborator = InvitationResult
