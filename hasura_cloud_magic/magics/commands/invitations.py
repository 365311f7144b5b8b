"""``%hasura invitations [accept|decline PROJECT]``: invitations waiting for you.

Without an action: the invitations addressed to this token's user that are neither accepted
nor declined (project, privileges, who invited, when), as a
:class:`~hasura_cloud_magic.results.MyInvitations`. ``accept PROJECT`` makes you a collaborator
with the invited privileges; ``decline PROJECT`` turns it down. PROJECT is the project's name
or id, as the invitation names it. Invite keys are secrets: never shown, never returned.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.errors import InvalidInputError, NotFoundError
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results.access import MyInvitation, MyInvitations


def _pick(invitations: list[MyInvitation], project: str) -> MyInvitation:
    wanted = project.strip()
    found = [i for i in invitations if wanted in (i.project, str(i.project_id))]
    if not found:
        waiting = ", ".join(sorted(i.project for i in invitations)) or "none"
        raise NotFoundError(f"no invitation to {wanted} is waiting for you (waiting: {waiting})")
    if len(found) > 1:
        raise InvalidInputError(f"{len(found)} invitations name {wanted}; use the project id")
    return found[0]


def run(session: Session, args: argparse.Namespace) -> MyInvitations | None:
    access = session.cloud().access
    invitations = access.my_invitations()
    if args.action is None:
        return MyInvitations(invitations)
    invitation = _pick(invitations, args.project)
    answer = access.accept if args.action == "accept" else access.decline
    with session.journal.writing(f"invitation {args.action}", invitation.project):
        answer(invitation)
    if args.action == "accept":
        privileges = ", ".join(invitation.privileges)
        session.out.success(f"You are a collaborator on {invitation.project} ({privileges}).")
    else:
        session.out.success(f"Declined the invitation to {invitation.project}.")
    return None
