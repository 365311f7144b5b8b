from pydantic import Field

from .base_model import BaseModel
from .fragments import InvitationResult


class ResendInvite(BaseModel):
    resend_invite: "ResendInviteResendInvite" = Field(alias="resendInvite")


ResendInviteResendInvite = InvitationResult
