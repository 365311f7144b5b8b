"""Changing who has access: decided on what was read, converging, never undoing others.

**One person on one or many projects** (``%hasura collaborator invite|set|resend|remove``)::

    >>> change = AccessChange(INVITE, "ana@example.com", ("view_metrics",))
    >>> plan = plan_access(cloud, targets, change)     # one read for every project
    >>> result = apply_access(cloud, plan)             # fleet.FleetResult

Running the same change again converges: someone who already has access (or an invitation)
is ``unchanged`` for ``invite``, someone without access is ``unchanged`` for ``remove``.
``invite`` never changes an existing collaborator's privileges (``set`` does). ``resend``
sends a pending invitation's e-mail again; someone with no pending invitation is refused.

**The access form's save** (:func:`plan_save`): the form's edits were decided on the access
it read (*base*); saving reads it again (*current*) and carries over only what the person
changed. A privilege box is written only when the person ticked or cleared it; a change
someone else made meanwhile to anything else is kept. Two cases are conflicts, reported and
not written: privileges edited for someone who has been removed meanwhile (they are not
added back), and removing someone whose privileges someone else changed meanwhile.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from hasura_cloud_magic.access_api import ProjectAccessApi, check_email, check_privileges
from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import Table, TableView, plural
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.fleet import (
    APPLIED,
    FAILED,
    UNCHANGED,
    FleetResult,
    ProjectResult,
    run_each,
)
from hasura_cloud_magic.results.access import (
    COLLABORATOR,
    INVITED,
    OWNER,
    Member,
    ProjectAccess,
)
from hasura_cloud_magic.settings import DEFAULT_FLEET_CONCURRENCY
from hasura_cloud_magic.targets import Target

__all__ = [
    "INVITE",
    "REMOVE",
    "RESEND",
    "SET",
    "AccessChange",
    "AccessEdits",
    "AccessPlan",
    "AccessStep",
    "ProjectSteps",
    "SaveNote",
    "SavePlan",
    "apply_access",
    "apply_steps",
    "plan_access",
    "plan_save",
    "steps_for",
]

INVITE, SET, RESEND, REMOVE = "invite", "set", "resend", "remove"
#: What an AccessStep does.
SEND_INVITE, RESEND_INVITE, REVOKE_INVITATION, REMOVE_COLLABORATOR, CHANGE_PRIVILEGES = (
    "invite",
    "resend invitation",
    "revoke invitation",
    "remove collaborator",
    "change privileges",
)


@dataclass(frozen=True)
class AccessChange:
    """One person's access, as asked: invite with, set to, resend the invitation, or remove."""

    kind: str
    email: str
    privileges: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "email", check_email(self.email))
        if self.kind in (INVITE, SET):
            object.__setattr__(self, "privileges", check_privileges(self.privileges))

    def describe(self) -> str:
        privileges = ", ".join(self.privileges)
        if self.kind == INVITE:
            return f"Invite {self.email} ({privileges})"
        if self.kind == SET:
            return f"Set {self.email}'s privileges to {privileges}"
        if self.kind == RESEND:
            return f"Resend {self.email}'s invitation"
        return f"Remove {self.email}"


@dataclass(frozen=True)
class AccessStep:
    """One call: send an invitation, revoke one, remove a collaborator, change privileges."""

    action: str
    email: str
    privileges: tuple[str, ...] = ()
    #: The invitation (revoke) or collaborator (remove, change) the call names.
    row_id: uuid.UUID | None = None
    grant: tuple[str, ...] = ()
    revoke: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.action == SEND_INVITE:
            return f"invite {self.email} ({', '.join(self.privileges)})"
        if self.action == RESEND_INVITE:
            return f"send {self.email}'s invitation again"
        if self.action == CHANGE_PRIVILEGES:
            parts = [f"+{s}" for s in self.grant] + [f"-{s}" for s in self.revoke]
            return f"{self.email}: {' '.join(parts)}"
        return f"{self.action} {self.email}"


@dataclass(frozen=True)
class ProjectSteps:
    """What a change does to one project: its steps, or why nothing (unchanged or refused)."""

    target: Target
    steps: tuple[AccessStep, ...] = ()
    unchanged: str = ""
    refused: str = ""

    def describe(self) -> str:
        return self.refused or self.unchanged or "; ".join(s.describe() for s in self.steps)


@dataclass(frozen=True, repr=False)
class AccessPlan(TableView):
    """What one access change would do to each project (no invite key is ever in it)."""

    change: AccessChange
    projects: tuple[ProjectSteps, ...]

    @property
    def to_change(self) -> list[ProjectSteps]:
        return [p for p in self.projects if p.steps]

    def table(self) -> Table:
        rows = [[p.target.name, p.describe()] for p in self.projects]
        title = f"{self.change.describe()} on {plural(len(self.projects), 'project')}"
        return Table(("project", "what would change"), rows, title)


def steps_for(access: ProjectAccess, change: AccessChange, target: Target) -> ProjectSteps:
    """What ``change`` needs on a project whose access is ``access`` (nothing is sent)."""
    member = access.member(change.email)
    state = member.state if member else None
    if change.kind == INVITE:
        if member is None:
            invite = AccessStep(SEND_INVITE, change.email, change.privileges)
            return ProjectSteps(target, (invite,))
        return ProjectSteps(target, unchanged=_has_access(member.state, member.privileges))
    if change.kind == RESEND:
        if state != INVITED:
            return ProjectSteps(
                target, refused=f"{change.email} has no pending invitation to resend"
            )
        return ProjectSteps(target, (AccessStep(RESEND_INVITE, change.email),))
    if state == OWNER:
        return ProjectSteps(target, refused=f"{change.email} owns {target.name}")
    if change.kind == REMOVE:
        removal = _removal(access, change.email)
        return ProjectSteps(target, removal, unchanged="" if removal else "has no access")
    if member is None or state == INVITED:
        why = "invited, not a collaborator yet" if member else "not a collaborator"
        return ProjectSteps(target, refused=f"{change.email} is {why}: invite them first")
    step = _privilege_change(member, change.privileges)
    if step is None:
        return ProjectSteps(target, unchanged=f"already {', '.join(change.privileges)}")
    return ProjectSteps(target, (step,))


def _has_access(state: str, privileges: tuple[str, ...]) -> str:
    if state == OWNER:
        return "the owner (every privilege)"
    return (
        f"{'invited' if state == INVITED else 'a collaborator'} already ({', '.join(privileges)})"
    )


def _removal(access: ProjectAccess, email: str) -> tuple[AccessStep, ...]:
    """Remove the collaborator with this e-mail and revoke their pending invitation."""
    return tuple(
        AccessStep(REMOVE_COLLABORATOR, m.email, row_id=m.collaborator_id)
        if m.state == COLLABORATOR
        else AccessStep(REVOKE_INVITATION, m.email, row_id=m.invitation_id)
        for m in access.members
        if m.same_email(email) and m.state in (COLLABORATOR, INVITED)
    )


def _privilege_change(member: Member, want: tuple[str, ...]) -> AccessStep | None:
    grant = tuple(s for s in want if s not in member.privileges)
    revoke = tuple(s for s in member.privileges if s not in want)
    if not grant and not revoke:
        return None
    return AccessStep(CHANGE_PRIVILEGES, member.email, want, member.collaborator_id, grant, revoke)


def plan_access(cloud: HasuraCloud, targets: Sequence[Target], change: AccessChange) -> AccessPlan:
    """Read every target's access (one round trip) and work out what ``change`` needs."""
    by_id = {
        access.project_id: access for access in cloud.access.read([t.project_id for t in targets])
    }
    projects = tuple(
        steps_for(by_id[t.project_id], change, t)
        if t.project_id in by_id
        else ProjectSteps(t, refused="not visible to this token")
        for t in targets
    )
    return AccessPlan(change, projects)


def apply_steps(api: ProjectAccessApi, project_id: uuid.UUID, steps: Sequence[AccessStep]) -> str:
    """Send the steps in order; returns what was done. A row gone meanwhile is skipped."""
    done = []
    for step in steps:
        if _apply_step(api, project_id, step):
            done.append(step.describe())
    return "; ".join(done)


def _apply_step(api: ProjectAccessApi, project_id: uuid.UUID, step: AccessStep) -> bool:
    """One call; False when the row it names was gone already."""
    if step.action == SEND_INVITE:
        api.invite(project_id, step.email, step.privileges)
        return True
    if step.action == RESEND_INVITE:
        api.resend(project_id, step.email)
        return True
    assert step.row_id is not None, "revoke, remove and change name a row"
    if step.action == REVOKE_INVITATION:
        return api.revoke(step.row_id)
    if step.action == REMOVE_COLLABORATOR:
        return api.remove(step.row_id)
    granted, revoked = api.change_privileges(step.row_id, step.grant, step.revoke)
    return granted + revoked > 0


def apply_access(
    cloud: HasuraCloud,
    plan: AccessPlan,
    *,
    concurrency: int = DEFAULT_FLEET_CONCURRENCY,
    on_result: Callable[[ProjectResult], None] = lambda result: None,
) -> FleetResult:
    """Apply the plan project by project (bounded concurrency); one failure never stops the
    others; projects refused or unchanged in the plan are reported as such."""
    api = cloud.access

    def apply_one(project: ProjectSteps) -> tuple[ProjectResult, HasuraCloudError | None]:
        name = project.target.name
        if project.refused:
            return ProjectResult(name, FAILED, project.refused), None
        if not project.steps:
            return ProjectResult(name, UNCHANGED, project.unchanged), None
        try:
            done = apply_steps(api, project.target.project_id, project.steps)
        except HasuraCloudError as error:
            return ProjectResult(name, FAILED, str(error)), error
        if not done:
            return ProjectResult(name, UNCHANGED, "already so (someone else did it)"), None
        return ProjectResult(name, APPLIED, done), None

    return run_each(
        plan.projects,
        lambda project: project.target.name,
        apply_one,
        concurrency=concurrency,
        on_result=on_result,
    )


# ---------------------------------------------------------------- the access form's save


@dataclass(frozen=True)
class AccessEdits:
    """What a person asked for in the access form, decided on the access it showed.

    ``privileges``: e-mail → the privileges ticked (collaborators whose boxes changed);
    ``remove``: e-mails to remove (collaborators) or whose invitation to revoke;
    ``invite``: e-mail → privileges of a new invitation.
    """

    privileges: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    remove: frozenset[str] = frozenset()
    invite: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.privileges or self.remove or self.invite)


@dataclass(frozen=True)
class SaveNote:
    """One line of a save that sends nothing: who it is about, and what it says."""

    email: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SavePlan:
    """The steps a save sends, what is already so, and the conflicts it will not write."""

    steps: tuple[AccessStep, ...]
    already: tuple[SaveNote, ...] = ()
    conflicts: tuple[SaveNote, ...] = ()


def plan_save(base: ProjectAccess, edits: AccessEdits, current: ProjectAccess) -> SavePlan:
    """Carry the form's edits (decided on ``base``) over to ``current`` (read just now)."""
    steps: list[AccessStep] = []
    already: list[SaveNote] = []
    conflicts: list[SaveNote] = []
    removing = {email.casefold() for email in edits.remove}
    for email, want in edits.privileges.items():
        was, now = base.member(email), current.member(email)
        if email.casefold() in removing or was is None:
            continue
        if now is None or now.state != COLLABORATOR:
            text = f"{email} was removed meanwhile by someone else: not added back"
            conflicts.append(SaveNote(email, text))
            continue
        grant = tuple(s for s in want if s not in was.privileges and s not in now.privileges)
        revoke = tuple(s for s in was.privileges if s not in want and s in now.privileges)
        if grant or revoke:
            steps.append(
                AccessStep(CHANGE_PRIVILEGES, now.email, want, now.collaborator_id, grant, revoke)
            )
        else:
            already.append(SaveNote(email, f"{email}: privileges already as asked"))
    for email in sorted(edits.remove, key=str.casefold):
        was, now = base.member(email), current.member(email)
        if now is None:
            already.append(SaveNote(email, f"{email}: removed already"))
        elif was is not None and now.privileges != was.privileges:
            text = f"{email}'s privileges were changed meanwhile by someone else: not removed"
            conflicts.append(SaveNote(email, text))
        else:
            steps.extend(_removal(current, email))
    for email, privileges in edits.invite.items():
        now = current.member(email)
        if now is not None:
            text = f"{email}: {_has_access(now.state, now.privileges)}"
            already.append(SaveNote(email, text))
        else:
            steps.append(AccessStep(SEND_INVITE, email, privileges))
    return SavePlan(tuple(steps), tuple(already), tuple(conflicts))
