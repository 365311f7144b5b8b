from pydantic import Field

from .base_model import BaseModel
from .fragments import InvitationResult


class DeclineInvite(BaseModel):
    decline_invite: "DeclineInviteDeclineInvite" = Field(alias="declineInvite")


DeclineInviteDeclineInvite = InvitationResult
