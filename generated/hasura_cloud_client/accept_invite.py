from pydantic import Field

from .base_model import BaseModel
from .fragments import InvitationResult


class AcceptInvite(BaseModel):
    accept_invite: "AcceptInviteAcceptInvite" = Field(alias="acceptInvite")


AcceptInviteAcceptInvite = InvitationResult
