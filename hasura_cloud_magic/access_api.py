"""Who has access to projects: collaborators, privileges, invitations (``HasuraCloud.access``).

A project's owner has every privilege; collaborators have some of ``admin``,
``graphql_admin`` and ``view_metrics``; a person is invited by e-mail and becomes a
collaborator by accepting. Only the owner and admin collaborators may change access.

>>> [access] = cloud.access.read([project_id])            # results.access.ProjectAccess
>>> cloud.access.invite(project_id, "ana@example.com", ["view_metrics"])
>>> for invitation in cloud.access.my_invitations(): cloud.access.accept(invitation)
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from hasura_cloud_magic.errors import InvalidInputError, ServerError
from hasura_cloud_magic.redaction import quoted
from hasura_cloud_magic.results.access import (
    PRIVILEGES,
    MyInvitation,
    ProjectAccess,
    privileges_in_order,
)

if TYPE_CHECKING:
    from hasura_cloud_client import HasuraCloudClient, InvitationResult

    from hasura_cloud_magic.api import Caller

__all__ = ["ProjectAccessApi", "check_email", "check_privileges"]

# What Hasura Cloud accepts as an e-mail is not public; this refuses what cannot be one.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_email(text: str) -> str:
    """An e-mail address (trimmed), or a one-line InvalidInputError."""
    email = text.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise InvalidInputError(f"{quoted(text)} is not an e-mail address")
    return email


def check_privileges(slugs: Iterable[str]) -> tuple[str, ...]:
    """Privilege slugs in the dashboard's order, or a one-line InvalidInputError."""
    given = [slug.strip() for slug in slugs]
    unknown = [slug for slug in given if slug not in PRIVILEGES]
    if unknown:
        raise InvalidInputError(
            f"unknown privilege {quoted(unknown[0])}: choose from {', '.join(PRIVILEGES)}"
        )
    if not given:
        raise InvalidInputError(f"give at least one privilege: {', '.join(PRIVILEGES)}")
    return privileges_in_order(given)


class ProjectAccessApi:
    """The collaborator and invitation calls of the management API."""

    def __init__(self, client: HasuraCloudClient, call: Caller) -> None:
        self._client = client
        self._call = call

    def read(self, project_ids: Sequence[uuid.UUID]) -> list[ProjectAccess]:
        """Owner, collaborators and pending invitations of these projects, in one round trip,
        by name; projects not visible to the token are left out."""
        if not project_ids:
            return []
        ids = list(project_ids)
        result = self._call("GetProjectAccess", lambda: self._client.get_project_access(ids))
        return [ProjectAccess.from_api(project) for project in result.projects]

    def invite(
        self, project_id: uuid.UUID, email: str, privileges: Iterable[str]
    ) -> InvitationResult:
        """Invite ``email`` to the project with these privileges (they accept to get them)."""
        from hasura_cloud_client import InviteColloboratorRequest

        request = InviteColloboratorRequest(
            collaborator_email=check_email(email),
            privileges=list(check_privileges(privileges)),
            project_id=project_id,
        )
        result = self._call("InviteCollaborator", lambda: self._client.invite_collaborator(request))
        return result.invite_collaborator

    def resend(self, project_id: uuid.UUID, email: str) -> InvitationResult:
        """Send a pending invitation's e-mail again."""
        from hasura_cloud_client import ResendInvitationRequest

        request = ResendInvitationRequest(
            collaborator_email=check_email(email), project_id=project_id
        )
        result = self._call("ResendInvite", lambda: self._client.resend_invite(request))
        return result.resend_invite

    def revoke(self, invitation_id: uuid.UUID) -> bool:
        """Withdraw an invitation; False when it was not there (or may not be revoked)."""
        result = self._call(
            "RevokeInvitation", lambda: self._client.revoke_invitation(invitation_id)
        )
        return result.delete_project_collaborator_invitations_by_pk is not None

    def remove(self, collaborator_id: uuid.UUID) -> bool:
        """Remove a collaborator; False when they were not there (or may not be removed)."""
        result = self._call(
            "RemoveCollaborator", lambda: self._client.remove_collaborator(collaborator_id)
        )
        return result.delete_project_collaborators_by_pk is not None

    def change_privileges(
        self, collaborator_id: uuid.UUID, grant: Iterable[str], revoke: Iterable[str]
    ) -> tuple[int, int]:
        """Grant and revoke privileges in one request (whole or not at all); returns how
        many were granted and revoked (a privilege held already is not granted again)."""
        from hasura_cloud_client import project_collaborator_privileges_insert_input as Grant

        granted = [
            Grant(privilege_slug=slug, project_collaborator_id=collaborator_id)
            for slug in privileges_in_order(grant)
        ]
        revoked = list(privileges_in_order(revoke))
        result = self._call(
            "SetCollaboratorPrivileges",
            lambda: self._client.set_collaborator_privileges(
                collaborator_id=collaborator_id, grant=granted, revoke=revoked
            ),
        )
        inserted, deleted = (
            result.insert_project_collaborator_privileges,
            result.delete_project_collaborator_privileges,
        )
        if inserted is None or deleted is None:
            raise ServerError("SetCollaboratorPrivileges: the API answered null without an error")
        return inserted.affected_rows, deleted.affected_rows

    def my_invitations(self) -> list[MyInvitation]:
        """Invitations addressed to this token's user, neither accepted nor declined.

        Sorted by project name: the API promises no order, and invitations a fleet
        run sent concurrently arrive in any order.
        """
        result = self._call("GetPendingInvitations", lambda: self._client.get_pending_invitations())
        invitations = [MyInvitation.from_api(row) for row in result.fetch_pending_invitations]
        return sorted(invitations, key=lambda invitation: invitation.project.casefold())

    def accept(self, invitation: MyInvitation) -> InvitationResult:
        """Accept an invitation: this token's user becomes a collaborator."""
        result = self._call("AcceptInvite", lambda: self._client.accept_invite(invitation.key))
        return result.accept_invite

    def decline(self, invitation: MyInvitation) -> InvitationResult:
        """Decline an invitation."""
        result = self._call("DeclineInvite", lambda: self._client.decline_invite(invitation.key))
        return result.decline_invite
