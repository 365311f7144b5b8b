"""Collaborators, their privileges and invitations: the actions and the tables.

An admin of a project (its owner or an ``admin`` collaborator, see ``access.py``) invites an
e-mail with some privileges; the user with that e-mail accepts (becoming a collaborator with
those privileges) or declines, with the invitation's secret key. Admins change privileges with
the table mutations, revoke invitations and remove collaborators; a collaborator may leave.
Every function runs inside the request's transaction, so a document with several root fields
applies whole or not at all.
"""

from __future__ import annotations

import json
import secrets
import uuid
from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from . import access
from .accounts import email_key, email_of, shown, user_by_email, user_row, valid_email
from .context import RequestContext, checks_uuids, context_of, json_path
from .errors import BadRequest, ConstraintViolation, InsertPermissionFailed, NotFound
from .filters import matches, select
from .scalars import CiText, format_timestamp
from .store import Store

Row = dict[str, Any]
ACTIVE = "active"
INVITATION_NOT_FOUND = "invitation not found"
_PRIVILEGES_TABLE = "project_collaborator_privileges"
_CHOICES = ", ".join(access.PRIVILEGES)

query = ObjectType("query_root")
mutation = ObjectType("mutation_root")
project_type = ObjectType("projects")
collaborator_type = ObjectType("project_collaborators")
privilege_type = ObjectType("project_collaborator_privileges")
invitation_type = ObjectType("project_collaborator_invitations")


def _response_key(info: GraphQLResolveInfo) -> str:
    return str(info.path.key)


# ---------------------------------------------------------------- rows


def _invitation(row: Row) -> Row:
    """A stored invitation as the table type shows it."""
    return {
        **row,
        "collaborator_email": CiText(row["collaborator_email"]),
        "privileges": json.loads(row["privileges"]),
    }


def _invitation_result(row: Row) -> Row:
    """``ProjectCollaboratorInvitation``, what the invitation actions return."""
    return {
        "id": row["id"],
        "project_id": row["project_id"],
        "collaborator_email": row["collaborator_email"],
        "invited_by": row["invited_by"],
        "invited_at": format_timestamp(row["invited_at"]),
        "key": row["key"],
        "privileges": json.loads(row["privileges"]),
    }


def _collaborators_of(store: Store, project_id: str) -> list[Row]:
    return store.rows(
        "SELECT * FROM project_collaborators WHERE project_id = ? ORDER BY created_at, id",
        (project_id,),
    )


def _privileges_of(store: Store, collaborator_id: str) -> list[Row]:
    return store.rows(
        "SELECT * FROM project_collaborator_privileges WHERE project_collaborator_id = ? "
        "ORDER BY granted_at, privilege_slug",
        (collaborator_id,),
    )


def _invitations_of(store: Store, project_ids: list[str]) -> list[Row]:
    marks = ", ".join("?" for _ in project_ids)
    rows = store.rows(
        f"SELECT * FROM project_collaborator_invitations WHERE project_id IN ({marks}) "
        "ORDER BY invited_at, id",
        project_ids,
    )
    return [_invitation(row) for row in rows]


def _pending(store: Store, project_id: str, email: str) -> Row | None:
    return store.row(
        "SELECT * FROM project_collaborator_invitations WHERE project_id = ? AND email_key = ? "
        "AND accepted_at IS NULL AND declined_at IS NULL",
        (project_id, email_key(email)),
    )


# ---------------------------------------------------------------- invitations (actions)


def _check_privileges(privileges: list[str]) -> None:
    if not privileges:
        raise BadRequest(f"privileges must not be empty: give one or more of {_CHOICES}")
    for slug in privileges:
        if slug not in access.PRIVILEGES:
            raise BadRequest(f"unknown privilege {shown(slug)}: choose from {_CHOICES}")
    if len(set(privileges)) != len(privileges):
        twice = next(slug for slug in privileges if privileges.count(slug) > 1)
        raise BadRequest(f"privilege {twice} is given more than once")


def _check_invitee(store: Store, project: Row, email: str) -> None:
    name = project["name"]
    invitee = user_by_email(store, email)
    if invitee is not None and invitee == project["owner_id"]:
        raise BadRequest(f"{email} owns project {name}; the owner has every privilege already")
    if invitee is not None and store.row(
        "SELECT 1 AS found FROM project_collaborators WHERE project_id = ? AND collaborator_id = ?",
        (project["id"], invitee),
    ):
        raise BadRequest(
            f"{email} is already a collaborator on project {name}; change their privileges instead"
        )
    if _pending(store, project["id"], email) is not None:
        raise BadRequest(
            f"{email} already has a pending invitation to project {name}; resend it instead"
        )


@mutation.field("inviteCollaborator")
@checks_uuids
def resolve_invite(_: Any, info: GraphQLResolveInfo, invite: Row) -> Row:
    context = context_of(info)
    store, project_id = context.store, invite["project_id"]
    project = access.admin_project(store, context.owner_id, project_id, "invite collaborators")
    email, privileges = invite["collaborator_email"], list(invite["privileges"])
    if not valid_email(email):
        raise BadRequest(f"invalid e-mail address {shown(email)}")
    _check_privileges(privileges)
    _check_invitee(store, project, email)
    row = {
        "id": str(uuid.uuid4()),
        "project_id": project_id,
        "collaborator_email": email,
        "email_key": email_key(email),
        "privileges": json.dumps(privileges),
        "key": secrets.token_urlsafe(24),
        "invited_at": store.timestamp(),
        "invited_by": context.owner_id,
        "accepted_at": None,
        "declined_at": None,
        "resend_invitation_count": 0,
        "project_collaborator_id": None,
    }
    store.insert("project_collaborator_invitations", row)
    return _invitation_result(row)


@mutation.field("resendInvite")
@checks_uuids
def resolve_resend(_: Any, info: GraphQLResolveInfo, args: Row) -> Row:
    context = context_of(info)
    store, email = context.store, args["collaborator_email"]
    project = access.admin_project(
        store, context.owner_id, args["project_id"], "resend invitations"
    )
    pending = _pending(store, project["id"], email)
    if pending is None:
        raise NotFound(f"no pending invitation for {shown(email)} to project {project['name']}")
    count = pending["resend_invitation_count"] + 1
    store.update(
        "project_collaborator_invitations", pending["id"], {"resend_invitation_count": count}
    )
    return _invitation_result({**pending, "resend_invitation_count": count})


def _addressed_to_caller(context: RequestContext, key: str) -> Row:
    """The pending invitation with this key addressed to the caller, else NotFound (which
    says nothing about whether the key exists)."""
    found = context.store.row(
        "SELECT * FROM project_collaborator_invitations WHERE key = ? AND email_key = ? "
        "AND accepted_at IS NULL AND declined_at IS NULL",
        (key, email_key(email_of(context.store, context.owner_id))),
    )
    if found is None:
        raise NotFound(INVITATION_NOT_FOUND)
    return found


@mutation.field("acceptInvite")
def resolve_accept(_: Any, info: GraphQLResolveInfo, inviteKey: str) -> Row:
    context = context_of(info)
    store = context.store
    invitation = _addressed_to_caller(context, inviteKey)
    project = store.row("SELECT * FROM projects WHERE id = ?", (invitation["project_id"],))
    if project is None or project["owner_id"] == context.owner_id:
        raise NotFound(INVITATION_NOT_FOUND)
    if access.privileges_on(store, context.owner_id, project["id"]) is not None:
        raise BadRequest(f"you are already a collaborator on project {project['name']}")
    now = store.timestamp()
    collaborator_id = str(uuid.uuid4())
    store.insert(
        "project_collaborators",
        {
            "id": collaborator_id,
            "project_id": project["id"],
            "collaborator_id": context.owner_id,
            "status": ACTIVE,
            "created_at": now,
        },
    )
    for slug in json.loads(invitation["privileges"]):
        store.insert(
            _PRIVILEGES_TABLE,
            {
                "project_collaborator_id": collaborator_id,
                "privilege_slug": slug,
                "granted_at": now,
                "granted_by": invitation["invited_by"],
            },
        )
    accepted = {"accepted_at": now, "project_collaborator_id": collaborator_id}
    store.update("project_collaborator_invitations", invitation["id"], accepted)
    return _invitation_result(invitation)


@mutation.field("declineInvite")
def resolve_decline(_: Any, info: GraphQLResolveInfo, inviteKey: str) -> Row:
    context = context_of(info)
    invitation = _addressed_to_caller(context, inviteKey)
    declined = {"declined_at": context.store.timestamp()}
    context.store.update("project_collaborator_invitations", invitation["id"], declined)
    return _invitation_result(invitation)


@query.field("fetchPendingInvitations")
def resolve_pending_invitations(_: Any, info: GraphQLResolveInfo) -> list[Row]:
    context = context_of(info)
    store = context.store
    rows = store.rows(
        "SELECT i.*, p.name AS project_name FROM project_collaborator_invitations i "
        "JOIN projects p ON p.id = i.project_id WHERE i.email_key = ? "
        "AND i.accepted_at IS NULL AND i.declined_at IS NULL ORDER BY i.invited_at, i.id",
        (email_key(email_of(store, context.owner_id)),),
    )
    return [
        {
            "id": row["id"],
            "invitedAt": format_timestamp(row["invited_at"]),
            "invitedBy": email_of(store, row["invited_by"]),
            "isBillable": False,
            "isBillingInvitee": False,
            "key": row["key"],
            "privileges": json.loads(row["privileges"]),
            "projectID": row["project_id"],
            "projectName": row["project_name"],
        }
        for row in rows
    ]


# ---------------------------------------------------------------- the tables


@query.field("project_collaborators")
@checks_uuids
def resolve_collaborators(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    store = context.store
    rows = store.rows(
        "SELECT c.* FROM project_collaborators c JOIN projects p ON p.id = c.project_id "
        "WHERE p.owner_id = ?1 OR EXISTS (SELECT 1 FROM project_collaborators m "
        "WHERE m.project_id = c.project_id AND m.collaborator_id = ?1) "
        "ORDER BY c.created_at, c.id",
        (context.owner_id,),
    )
    return select(rows, **args)


@query.field("project_collaborator_invitations")
@checks_uuids
def resolve_invitations(_: Any, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    administered = access.admin_project_ids(context.store, context.owner_id)
    return select(_invitations_of(context.store, administered), **args)


@project_type.field("collaborators")
@checks_uuids
def resolve_project_collaborators(project: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    return select(_collaborators_of(context_of(info).store, project["id"]), **args)


@project_type.field("invitations")
@checks_uuids
def resolve_project_invitations(project: Row, info: GraphQLResolveInfo, **args: Any) -> list[Row]:
    context = context_of(info)
    if not access.is_admin(context.store, context.owner_id, project["id"]):
        return []  # only admins see who was invited
    return select(_invitations_of(context.store, [project["id"]]), **args)


@collaborator_type.field("collaborator")
def resolve_collaborator_user(collaborator: Row, info: GraphQLResolveInfo) -> Row:
    return user_row(context_of(info).store, collaborator["collaborator_id"])


@collaborator_type.field("project")
def resolve_collaborator_project(collaborator: Row, info: GraphQLResolveInfo) -> Row | None:
    return _project(context_of(info).store, collaborator["project_id"])


@collaborator_type.field("project_collaborator_privileges")
@checks_uuids
def resolve_collaborator_privileges(
    collaborator: Row, info: GraphQLResolveInfo, **args: Any
) -> list[Row]:
    # A deleted collaborator is returned with the privileges it had (like Hasura's returning).
    rows = collaborator.get("_privileges")
    if rows is None:
        rows = _privileges_of(context_of(info).store, collaborator["id"])
    return select(rows, **args)


@privilege_type.field("project_collaborator")
def resolve_privilege_collaborator(privilege: Row, info: GraphQLResolveInfo) -> Row | None:
    store = context_of(info).store
    found = store.row(
        "SELECT * FROM project_collaborators WHERE id = ?", (privilege["project_collaborator_id"],)
    )
    return privilege.get("_collaborator") if found is None else found


@invitation_type.field("project")
def resolve_invitation_project(invitation: Row, info: GraphQLResolveInfo) -> Row | None:
    return _project(context_of(info).store, invitation["project_id"])


@invitation_type.field("privileges")
def resolve_invitation_privileges(
    invitation: Row, _: GraphQLResolveInfo, path: str | None = None
) -> Any:
    return json_path(invitation["privileges"], path)


def _project(store: Store, project_id: str) -> Row | None:
    # Only reached from a row the caller was allowed to see, so no further check.
    return store.row("SELECT * FROM projects WHERE id = ?", (project_id,))


# ---------------------------------------------------------------- table mutations


@mutation.field("delete_project_collaborators_by_pk")
@checks_uuids
def resolve_remove_collaborator(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    store = context.store
    found = store.row("SELECT * FROM project_collaborators WHERE id = ?", (id,))
    if found is None:
        return None
    leaving = found["collaborator_id"] == context.owner_id
    if not leaving and not access.is_admin(store, context.owner_id, found["project_id"]):
        return None  # Hasura: a row the role may not delete is no row
    removed = {**found, "_privileges": _privileges_of(store, id)}
    store.execute("DELETE FROM project_collaborators WHERE id = ?", (id,))
    return removed


@mutation.field("delete_project_collaborator_invitations_by_pk")
@checks_uuids
def resolve_revoke_invitation(_: Any, info: GraphQLResolveInfo, id: str) -> Row | None:
    context = context_of(info)
    store = context.store
    found = store.row("SELECT * FROM project_collaborator_invitations WHERE id = ?", (id,))
    if found is None or not access.is_admin(store, context.owner_id, found["project_id"]):
        return None
    store.execute("DELETE FROM project_collaborator_invitations WHERE id = ?", (id,))
    return _invitation(found)


def _insert_privileges(
    context: RequestContext,
    objects: list[Row],
    on_conflict: Row | None,
    field: str,
    argument: str,
) -> list[Row]:
    """Insert privilege rows; returns the rows inserted or updated (skipped ones are not)."""
    store = context.store
    # The insert permission first: an admin of every named collaborator's project.
    for new in objects:
        collaborator_id = new.get("project_collaborator_id")
        collaborator = (
            None
            if collaborator_id is None
            else store.row("SELECT * FROM project_collaborators WHERE id = ?", (collaborator_id,))
        )
        if collaborator is None or not access.is_admin(
            store, context.owner_id, collaborator["project_id"]
        ):
            raise InsertPermissionFailed(field, argument)
    for new in objects:
        slug = new.get("privilege_slug")
        if slug is None:
            raise ConstraintViolation(
                'Not-NULL violation. null value in column "privilege_slug" of relation '
                '"project_collaborator_privileges" violates not-null constraint'
            )
        if slug not in access.PRIVILEGES:
            raise ConstraintViolation(
                "Foreign key violation. insert or update on table "
                '"project_collaborator_privileges" violates foreign key constraint '
                '"project_collaborator_privileges_privilege_slug_fkey"'
            )
    changed: list[Row] = []
    for new in objects:
        row = {
            "project_collaborator_id": new["project_collaborator_id"],
            "privilege_slug": new["privilege_slug"],
            "granted_at": store.timestamp(),
            "granted_by": context.owner_id,
        }
        keys = (row["project_collaborator_id"], row["privilege_slug"])
        existing = store.row(
            "SELECT * FROM project_collaborator_privileges "
            "WHERE project_collaborator_id = ? AND privilege_slug = ?",
            keys,
        )
        if existing is None:
            store.insert(_PRIVILEGES_TABLE, row)
            changed.append(row)
            continue
        if on_conflict is None:
            raise ConstraintViolation(
                "Uniqueness violation. duplicate key value violates unique constraint "
                '"project_collaborator_privileges_pkey"'
            )
        columns = [
            c for c in on_conflict.get("update_columns") or [] if c in ("granted_at", "granted_by")
        ]
        if not on_conflict.get("update_columns") or not matches(on_conflict.get("where"), existing):
            continue  # ON CONFLICT DO NOTHING: skipped, not counted
        updated = {**existing, **{c: row[c] for c in columns}}
        store.execute(
            "UPDATE project_collaborator_privileges SET granted_at = ?, granted_by = ? "
            "WHERE project_collaborator_id = ? AND privilege_slug = ?",
            (updated["granted_at"], updated["granted_by"], *keys),
        )
        changed.append(updated)
    return changed


@mutation.field("insert_project_collaborator_privileges")
@checks_uuids
def resolve_grant(
    _: Any, info: GraphQLResolveInfo, objects: list[Row], on_conflict: Row | None = None
) -> Row:
    changed = _insert_privileges(
        context_of(info), objects, on_conflict, _response_key(info), "objects"
    )
    return {"affected_rows": len(changed), "returning": changed}


@mutation.field("insert_project_collaborator_privileges_one")
@checks_uuids
def resolve_grant_one(
    _: Any, info: GraphQLResolveInfo, object: Row, on_conflict: Row | None = None
) -> Row | None:
    changed = _insert_privileges(
        context_of(info), [object], on_conflict, _response_key(info), "object"
    )
    return changed[0] if changed else None


def _deletable_privileges(context: RequestContext) -> list[Row]:
    """Privilege rows on the projects the caller administers."""
    administered = access.admin_project_ids(context.store, context.owner_id)
    marks = ", ".join("?" for _ in administered)
    return context.store.rows(
        "SELECT pr.* FROM project_collaborator_privileges pr JOIN project_collaborators c "
        f"ON c.id = pr.project_collaborator_id WHERE c.project_id IN ({marks}) "
        "ORDER BY pr.granted_at, pr.privilege_slug",
        administered,
    )


def _delete_privilege(store: Store, row: Row) -> Row:
    collaborator = store.row(
        "SELECT * FROM project_collaborators WHERE id = ?", (row["project_collaborator_id"],)
    )
    store.execute(
        "DELETE FROM project_collaborator_privileges "
        "WHERE project_collaborator_id = ? AND privilege_slug = ?",
        (row["project_collaborator_id"], row["privilege_slug"]),
    )
    return {**row, "_collaborator": collaborator}


@mutation.field("delete_project_collaborator_privileges")
@checks_uuids
def resolve_revoke(_: Any, info: GraphQLResolveInfo, where: Row) -> Row:
    context = context_of(info)
    chosen = select(_deletable_privileges(context), where=where)
    deleted = [_delete_privilege(context.store, row) for row in chosen]
    return {"affected_rows": len(deleted), "returning": deleted}


@mutation.field("delete_project_collaborator_privileges_by_pk")
@checks_uuids
def resolve_revoke_one(
    _: Any, info: GraphQLResolveInfo, privilege_slug: str, project_collaborator_id: str
) -> Row | None:
    context = context_of(info)
    for row in _deletable_privileges(context):
        if (row["privilege_slug"], row["project_collaborator_id"]) == (
            privilege_slug,
            project_collaborator_id,
        ):
            return _delete_privilege(context.store, row)
    return None


OBJECT_TYPES = [query, mutation, project_type, collaborator_type, privilege_type, invitation_type]
