from typing import Optional

from .base_model import BaseModel


class SetCollaboratorPrivileges(BaseModel):
    insert_project_collaborator_privileges: Optional[
        "SetCollaboratorPrivilegesInsertProjectCollaboratorPrivileges"
    ]
    delete_project_collaborator_privileges: Optional[
        "SetCollaboratorPrivilegesDeleteProjectCollaboratorPrivileges"
    ]


class SetCollaboratorPrivilegesInsertProjectCollaboratorPrivileges(BaseModel):
    affected_rows: int


class SetCollaboratorPrivilegesDeleteProjectCollaboratorPrivileges(BaseModel):
    affected_rows: int
