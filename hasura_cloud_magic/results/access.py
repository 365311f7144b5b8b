"""Who has access to a project, as ``%hasura collaborators`` and ``%hasura invitations`` return it.

A project's people are its owner (every privilege), its collaborators (the privileges granted
to them) and the people invited but not answered yet (the privileges they would get).
Invite keys are secrets: a :class:`MyInvitation` keeps its key out of every repr and view.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from hasura_cloud_magic.display import Table, TableView, plural
from hasura_cloud_magic.results.base import Rows, require_pandas, text

if TYPE_CHECKING:
    from hasura_cloud_client import GetPendingInvitationsFetchPendingInvitations
    from hasura_cloud_client import ProjectAccess as ApiProjectAccess

__all__ = [
    "ADMIN",
    "COLLABORATOR",
    "INVITED",
    "OWNER",
    "PRIVILEGES",
    "FleetAccess",
    "Member",
    "MyInvitation",
    "MyInvitations",
    "ProjectAccess",
    "privileges_in_order",
]

#: The privilege slugs of Hasura Cloud, in the dashboard's order.
ADMIN = "admin"
PRIVILEGES = (ADMIN, "graphql_admin", "view_metrics")
#: A member's state on a project.
OWNER, COLLABORATOR, INVITED = "owner", "collaborator", "invited"


def privileges_in_order(slugs: Iterable[str]) -> tuple[str, ...]:
    """The slugs without duplicates, known ones in :data:`PRIVILEGES` order, then the rest."""
    unique = set(slugs)
    known = tuple(slug for slug in PRIVILEGES if slug in unique)
    return known + tuple(sorted(unique - set(PRIVILEGES)))


@dataclass(frozen=True)
class Member:
    """One person with access to a project: the owner, a collaborator, or invited.

    ``collaborator_id`` is the ``project_collaborators`` row (collaborators only) and
    ``invitation_id`` the invitation (invited only): what a change of access names.
    """

    email: str
    state: str
    privileges: tuple[str, ...]
    collaborator_id: uuid.UUID | None = None
    invitation_id: uuid.UUID | None = None
    invited_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        return self.state == OWNER or (self.state == COLLABORATOR and ADMIN in self.privileges)

    def same_email(self, email: str) -> bool:
        return self.email.casefold() == email.strip().casefold()

    def row(self) -> list[str]:
        return [self.email, self.state, ", ".join(self.privileges), text(self.invited_at)]


class ProjectAccess(Rows):
    """A project's owner, collaborators and pending invitations, one row each."""

    columns = ("email", "access", "privileges", "invited at")

    def __init__(self, project_id: uuid.UUID, project: str, members: Sequence[Member]) -> None:
        super().__init__(members, title=f"Who has access to {project}")
        self.project_id = project_id
        self.project = project

    @property
    def members(self) -> tuple[Member, ...]:
        """The owner first, then collaborators, then invited people, each by e-mail."""
        return tuple(self)

    @classmethod
    def from_api(cls, access: ApiProjectAccess) -> ProjectAccess:
        owner = Member(access.owner.email, OWNER, PRIVILEGES)
        collaborators = [
            Member(
                row.collaborator.email,
                COLLABORATOR,
                privileges_in_order(p.privilege_slug for p in row.project_collaborator_privileges),
                collaborator_id=row.id,
            )
            for row in access.collaborators
        ]
        invited = [
            Member(
                row.collaborator_email,
                INVITED,
                privileges_in_order(_slugs(row.privileges)),
                invitation_id=row.id,
                invited_at=row.invited_at,
            )
            for row in access.invitations
        ]
        people = sorted(collaborators, key=_by_email) + sorted(invited, key=_by_email)
        return cls(access.id, access.name, (owner, *people))

    def member(self, email: str) -> Member | None:
        """The collaborator or owner with this e-mail (any case), else a pending invitation."""
        matches = sorted(
            (m for m in self.members if m.same_email(email)), key=lambda m: m.state == INVITED
        )
        return matches[0] if matches else None

    def invitation(self, email: str) -> Member | None:
        return next((m for m in self.members if m.state == INVITED and m.same_email(email)), None)


@dataclass(frozen=True, repr=False)
class FleetAccess(TableView):
    """Who has access where: one row per person, one column per project.

    A cell holds the person's privileges there (``owner`` for the owner, ``invited: …`` for
    an invitation not answered yet); ``to_dataframe()`` gives the long form, one row per
    person and project.
    """

    projects: tuple[ProjectAccess, ...]
    #: Projects that could not be read, with why.
    unreadable: tuple[tuple[str, str], ...] = ()

    def people(self) -> list[str]:
        seen: dict[str, str] = {}
        for project in self.projects:
            for member in project.members:
                seen.setdefault(member.email.casefold(), member.email)
        return sorted(seen.values(), key=str.casefold)

    def cell(self, project: ProjectAccess, email: str) -> str:
        found = [m for m in project.members if m.same_email(email)]
        return "; ".join(_cell(m) for m in found) or "—"

    def table(self) -> Table:
        names = [p.project for p in self.projects]
        rows = [[email, *(self.cell(p, email) for p in self.projects)] for email in self.people()]
        footer = "; ".join(f"{name}: {why}" for name, why in self.unreadable)
        title = f"Who has access to {plural(len(names), 'project')}"
        return Table(("person", *names), rows, title, footer=footer, empty="No projects matched.")

    def to_dataframe(self) -> Any:
        """A pandas DataFrame: project, email, access, privileges (pandas is optional)."""
        records = [
            {"project": p.project, "email": m.email, "access": m.state, "privileges": m.privileges}
            for p in self.projects
            for m in p.members
        ]
        return require_pandas().DataFrame(records)


@dataclass(frozen=True, repr=False)
class MyInvitation:
    """An invitation addressed to this token's user. The key accepts it: never shown."""

    id: uuid.UUID
    project_id: uuid.UUID
    project: str
    invited_by: str
    invited_at: str
    privileges: tuple[str, ...]
    key: str = field(compare=False)  # the repr below leaves it out

    @classmethod
    def from_api(cls, row: GetPendingInvitationsFetchPendingInvitations) -> MyInvitation:
        return cls(
            row.id,
            row.project_id,
            row.project_name,
            row.invited_by,
            row.invited_at,
            privileges_in_order(row.privileges),
            row.key,
        )

    def __repr__(self) -> str:
        return f"MyInvitation(project={self.project!r}, privileges={self.privileges!r})"

    def row(self) -> list[str]:
        return [self.project, ", ".join(self.privileges), self.invited_by, self.invited_at]


class MyInvitations(Rows):
    """The invitations waiting for this token's user to accept or decline."""

    columns = ("project", "privileges", "invited by", "invited at")
    empty = "No invitations are waiting for you."

    def __init__(self, items: Sequence[MyInvitation]) -> None:
        super().__init__(items, title="Invitations waiting for you")

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the invitations, without their keys."""
        return require_pandas().DataFrame(
            [dict(zip(self.columns, i.row(), strict=True)) for i in self]
        )


def _slugs(privileges: Any) -> list[str]:
    """``project_collaborator_invitations.privileges`` is jsonb: a list of slugs."""
    return [str(slug) for slug in privileges] if isinstance(privileges, list) else []


def _by_email(member: Member) -> str:
    return member.email.casefold()


def _cell(member: Member) -> str:
    if member.state == OWNER:
        return OWNER
    privileges = ", ".join(member.privileges) or "no privileges"
    return f"invited: {privileges}" if member.state == INVITED else privileges
