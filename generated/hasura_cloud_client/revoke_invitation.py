from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class RevokeInvitation(BaseModel):
    delete_project_collaborator_invitations_by_pk: Optional[
        "RevokeInvitationDeleteProjectCollaboratorInvitationsByPk"
    ]


class RevokeInvitationDeleteProjectCollaboratorInvitationsByPk(BaseModel):
    id: UUID
    collaborator_email: str
