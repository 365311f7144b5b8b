from typing import Optional
from uuid import UUID

from .base_model import BaseModel


class RemoveCollaborator(BaseModel):
    delete_project_collaborators_by_pk: Optional[
        "RemoveCollaboratorDeleteProjectCollaboratorsByPk"
    ]


class RemoveCollaboratorDeleteProjectCollaboratorsByPk(BaseModel):
    id: UUID
    collaborator_id: UUID
