"""Invitations (invite, resend, fetch, accept, decline, revoke) and privileges (grant, revoke,
the setCollaboratorPrivileges document whole or not at all), over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from emulator_helpers import Gql, create_tenant, unique_name
from team_helpers import access_of, invite, join, me, operation, pending_for, people_of

from hasura_cloud_magic.emulator import RunningEmulator, start

TOKENS = ["token-olga", "token-ines", "token-ivan"]
ACCESS_DENIED_INVITE = "you need the admin privilege on project {} to invite collaborators"


@pytest.fixture(scope="module")
def emu() -> Iterator[RunningEmulator]:
    with start(step_seconds=0, tokens=TOKENS) as running:
        yield running


@pytest.fixture(scope="module")
def people(emu: RunningEmulator) -> Iterator[dict[str, Gql]]:
    with people_of(emu.endpoint, TOKENS) as made:
        yield made


@pytest.fixture
def project(people: dict[str, Gql]) -> dict[str, Any]:
    created = create_tenant(people["olga"], name=unique_name("inv"))
    return {"id": created["tenant"]["project_id"], "name": created["name"], "tenant": created["id"]}


def bad_request(error: dict[str, Any], message: str) -> None:
    assert error == {"extensions": {"path": "$", "code": "bad-request"}, "message": message}


def invite_error(gql: Gql, project_id: str, email: str, privileges: list[str]) -> dict[str, Any]:
    return gql.error(
        operation("inviteCollaborator"),
        invite={"collaborator_email": email, "privileges": privileges, "project_id": project_id},
    )


def pending_of(gql: Gql) -> list[dict[str, Any]]:
    invitations: list[dict[str, Any]] = gql.data(operation("getPendingInvitations"))[
        "fetchPendingInvitations"
    ]
    return invitations


def test_invite_fetch_accept(people: dict[str, Gql], project: dict[str, Any]) -> None:
    olga, ines = people["olga"], people["ines"]
    email = me(ines)["email"]
    invitation = invite(olga, project["id"], email.upper(), ["graphql_admin", "view_metrics"])
    assert invitation["project_id"] == project["id"]
    assert invitation["collaborator_email"] == email.upper()
    assert invitation["privileges"] == ["graphql_admin", "view_metrics"]
    assert invitation["invited_at"].startswith("20") and "+00:00" in invitation["invited_at"]
    assert "key" not in invitation
    # Addressed to ines whatever the case; the others do not see it.
    mine = pending_for(ines, project["id"])
    assert mine["id"] == invitation["id"]
    assert mine["projectName"] == project["name"]
    assert mine["invitedBy"] == me(olga)["email"]
    assert mine["invitedAt"] == invitation["invited_at"]
    assert mine["privileges"] == ["graphql_admin", "view_metrics"]
    assert len(mine["key"]) >= 32
    everything = ines.data("{ fetchPendingInvitations { isBillable isBillingInvitee projectID } }")[
        "fetchPendingInvitations"
    ]
    assert {
        "isBillable": False,
        "isBillingInvitee": False,
        "projectID": project["id"],
    } in everything
    assert all(i["projectID"] != project["id"] for i in pending_of(people["ivan"]))
    assert access_of(ines, project["id"]) is None
    accepted = ines.data(operation("acceptInvite"), inviteKey=mine["key"])["acceptInvite"]
    assert accepted == invitation
    seen = access_of(ines, project["id"])
    assert seen is not None
    [row] = seen["collaborators"]
    assert row["collaborator"] == me(ines) and row["collaborator_id"] == me(ines)["id"]
    assert row["status"] == "active"
    slugs = sorted(p["privilege_slug"] for p in row["project_collaborator_privileges"])
    assert slugs == ["graphql_admin", "view_metrics"]
    assert seen["invitations"] == []  # not an admin
    assert all(i["projectID"] != project["id"] for i in pending_of(ines))
    stored = olga.data(
        "query($p: uuid!) { project_collaborator_invitations(where: {project_id: {_eq: $p}}) "
        "{ accepted_at declined_at project_collaborator_id resend_invitation_count invited_by "
        'privileges first: privileges(path: "$[0]") project { name } } }',
        p=project["id"],
    )["project_collaborator_invitations"]
    assert stored[0]["accepted_at"] and stored[0]["declined_at"] is None
    assert stored[0]["project_collaborator_id"] == row["id"]
    assert stored[0]["invited_by"] == me(olga)["id"]
    assert stored[0]["first"] == "graphql_admin" and stored[0]["project"] == {
        "name": project["name"]
    }
    privileges = olga.data(
        "query($id: uuid!) { project_collaborators(where: {id: {_eq: $id}}) { project { name } "
        'project_collaborator_privileges(where: {privilege_slug: {_eq: "view_metrics"}}) '
        "{ granted_by granted_at project_collaborator { id } } } }",
        id=row["id"],
    )["project_collaborators"][0]
    assert privileges["project"] == {"name": project["name"]}
    [granted] = privileges["project_collaborator_privileges"]
    assert granted["granted_by"] == me(olga)["id"]
    assert granted["project_collaborator"] == {"id": row["id"]}
    # The key is used up.
    error = ines.error(operation("acceptInvite"), inviteKey=mine["key"])
    assert error == {
        "extensions": {"path": "$", "code": "not-found"},
        "message": "invitation not found",
    }


def test_decline(people: dict[str, Gql], project: dict[str, Any]) -> None:
    olga, ines = people["olga"], people["ines"]
    invite(olga, project["id"], me(ines)["email"], ["admin"])
    key = pending_for(ines, project["id"])["key"]
    declined = ines.data(operation("declineInvite"), inviteKey=key)["declineInvite"]
    assert declined["privileges"] == ["admin"]
    assert all(i["projectID"] != project["id"] for i in pending_of(ines))
    assert access_of(ines, project["id"]) is None
    seen = access_of(olga, project["id"])
    assert seen is not None and seen["invitations"] == [] and seen["collaborators"] == []
    assert ines.error(operation("acceptInvite"), inviteKey=key)["message"] == "invitation not found"
    # Declined is not pending: she may be invited again.
    invite(olga, project["id"], me(ines)["email"], ["view_metrics"])


def test_someone_elses_key_is_not_found(people: dict[str, Gql], project: dict[str, Any]) -> None:
    olga, ines, ivan = people["olga"], people["ines"], people["ivan"]
    invite(olga, project["id"], me(ines)["email"], ["admin"])
    key = pending_for(ines, project["id"])["key"]
    for gql, action in ((ivan, "acceptInvite"), (ivan, "declineInvite"), (olga, "acceptInvite")):
        error = gql.error(operation(action), inviteKey=key)
        assert error["message"] == "invitation not found"
        assert error["extensions"]["code"] == "not-found"
    for made_up in ("", "no-such-key"):
        assert ines.error(operation("acceptInvite"), inviteKey=made_up)["message"] == (
            "invitation not found"
        )
    assert access_of(ivan, project["id"]) is None
    assert pending_for(ines, project["id"])["key"] == key  # still pending


def test_resend_and_revoke(people: dict[str, Gql], project: dict[str, Any]) -> None:
    olga, ines = people["olga"], people["ines"]
    email = me(ines)["email"]
    invitation = invite(olga, project["id"], email, ["view_metrics"])
    args = {"collaborator_email": email.upper(), "project_id": project["id"]}
    for _ in range(2):
        resent = olga.data(operation("resendInvite"), args=args)["resendInvite"]
        assert resent == invitation
    count = olga.data(
        "query($id: uuid!) { project_collaborator_invitations(where: {id: {_eq: $id}}) "
        "{ resend_invitation_count } }",
        id=invitation["id"],
    )["project_collaborator_invitations"]
    assert count == [{"resend_invitation_count": 2}]
    # Only an admin revokes; anyone else gets null.
    assert ines.data(operation("revokeInvitation"), id=invitation["id"]) == {
        "delete_project_collaborator_invitations_by_pk": None
    }
    revoked = olga.data(operation("revokeInvitation"), id=invitation["id"])
    assert revoked == {
        "delete_project_collaborator_invitations_by_pk": {
            "id": invitation["id"],
            "collaborator_email": email,
        }
    }
    assert all(i["projectID"] != project["id"] for i in pending_of(ines))
    error = olga.error(operation("resendInvite"), args=args)
    assert error["extensions"]["code"] == "not-found"
    assert (
        error["message"]
        == f"no pending invitation for {email.upper()!r} to project {project['name']}"
    )


def test_refused_invitations_change_nothing(
    people: dict[str, Gql], project: dict[str, Any]
) -> None:
    olga, ines, ivan = people["olga"], people["ines"], people["ivan"]
    name, pid = project["name"], project["id"]
    join(olga, ivan, pid, ["view_metrics"])
    invite(olga, pid, "pending@example.com", ["admin"])
    before = access_of(olga, pid)
    cases = [
        ("not-an-email", ["admin"], "invalid e-mail address 'not-an-email'"),
        ("a b@example.com", ["admin"], "invalid e-mail address 'a b@example.com'"),
        ("x@" + "a" * 250 + ".com", ["admin"], None),
        (
            "new@example.com",
            [],
            "privileges must not be empty: give one or more of admin, graphql_admin, view_metrics",
        ),
        (
            "new@example.com",
            ["owner"],
            "unknown privilege 'owner': choose from admin, graphql_admin, view_metrics",
        ),
        ("new@example.com", ["admin", "admin"], "privilege admin is given more than once"),
        (
            me(olga)["email"].upper(),
            ["admin"],
            f"{me(olga)['email'].upper()} owns project {name}; "
            "the owner has every privilege already",
        ),
        (
            me(ivan)["email"],
            ["admin"],
            f"{me(ivan)['email']} is already a collaborator on project {name}; "
            "change their privileges instead",
        ),
        (
            "Pending@Example.com",
            ["view_metrics"],
            f"Pending@Example.com already has a pending invitation to project {name}; "
            "resend it instead",
        ),
    ]
    for email, privileges, message in cases:
        error = invite_error(olga, pid, email, privileges)
        assert error["extensions"] == {"path": "$", "code": "bad-request"}, email
        assert "\n" not in error["message"]
        if message is not None:
            assert error["message"] == message
    # A non-admin collaborator is denied; a stranger does not see the project.
    denied = invite_error(ivan, pid, "new@example.com", ["admin"])
    assert denied["extensions"]["code"] == "access-denied"
    assert denied["message"] == ACCESS_DENIED_INVITE.format(name)
    unseen = invite_error(ines, pid, "new@example.com", ["admin"])
    assert unseen["extensions"]["code"] == "not-found"
    assert unseen["message"] == f"project {pid} not found"
    assert access_of(olga, pid) == before


def test_privileges_are_granted_and_revoked_by_admins_only(
    people: dict[str, Gql], project: dict[str, Any]
) -> None:
    olga, ines, ivan = people["olga"], people["ines"], people["ivan"]
    pid = project["id"]
    ines_id = join(olga, ines, pid, ["graphql_admin"])
    ivan_id = join(olga, ivan, pid, ["view_metrics"])
    set_privileges = operation("setCollaboratorPrivileges")

    def slugs(collaborator_id: str) -> list[str]:
        rows = olga.data(
            "query($id: uuid!) { project_collaborators(where: {id: {_eq: $id}}) "
            "{ project_collaborator_privileges { privilege_slug } } }",
            id=collaborator_id,
        )["project_collaborators"][0]["project_collaborator_privileges"]
        return sorted(row["privilege_slug"] for row in rows)

    changed = olga.data(
        set_privileges,
        collaboratorId=ines_id,
        grant=[
            {"project_collaborator_id": ines_id, "privilege_slug": "admin"},
            {"project_collaborator_id": ines_id, "privilege_slug": "graphql_admin"},
        ],
        revoke=["view_metrics"],
    )
    # graphql_admin existed: skipped by on_conflict, not counted; nothing to revoke.
    assert changed == {
        "insert_project_collaborator_privileges": {"affected_rows": 1},
        "delete_project_collaborator_privileges": {"affected_rows": 0},
    }
    assert slugs(ines_id) == ["admin", "graphql_admin"]
    # Now an admin, ines changes ivan's privileges.
    changed = ines.data(
        set_privileges,
        collaboratorId=ivan_id,
        grant=[{"project_collaborator_id": ivan_id, "privilege_slug": "graphql_admin"}],
        revoke=["view_metrics"],
    )
    assert changed["delete_project_collaborator_privileges"] == {"affected_rows": 1}
    assert slugs(ivan_id) == ["graphql_admin"]
    # ivan is no admin: an insert is a permission error, a delete affects nothing.
    error = ivan.error(
        set_privileges,
        collaboratorId=ines_id,
        grant=[{"project_collaborator_id": ines_id, "privilege_slug": "view_metrics"}],
        revoke=["admin"],
    )
    assert error == {
        "message": "check constraint of an insert permission has failed",
        "extensions": {
            "path": "$.selectionSet.insert_project_collaborator_privileges.args.objects",
            "code": "permission-error",
        },
    }
    nothing = ivan.data(
        "mutation($id: uuid!) { delete_project_collaborator_privileges("
        "where: {project_collaborator_id: {_eq: $id}}) "
        "{ affected_rows returning { privilege_slug } } "
        'one: delete_project_collaborator_privileges_by_pk(privilege_slug: "admin", '
        "project_collaborator_id: $id) { privilege_slug } }",
        id=ines_id,
    )
    assert nothing == {
        "delete_project_collaborator_privileges": {"affected_rows": 0, "returning": []},
        "one": None,
    }
    assert slugs(ines_id) == ["admin", "graphql_admin"]
    one = olga.data(
        "mutation($id: uuid!) { delete_project_collaborator_privileges_by_pk("
        'privilege_slug: "admin", project_collaborator_id: $id) '
        "{ privilege_slug project_collaborator { id } } }",
        id=ines_id,
    )["delete_project_collaborator_privileges_by_pk"]
    assert one == {"privilege_slug": "admin", "project_collaborator": {"id": ines_id}}
    assert slugs(ines_id) == ["graphql_admin"]


def test_set_privileges_applies_whole_or_not_at_all(
    people: dict[str, Gql], project: dict[str, Any]
) -> None:
    olga, ines = people["olga"], people["ines"]
    ines_id = join(olga, ines, project["id"], ["graphql_admin", "view_metrics"])
    before = access_of(olga, project["id"])
    error = olga.error(
        operation("setCollaboratorPrivileges"),
        collaboratorId=ines_id,
        grant=[
            {"project_collaborator_id": ines_id, "privilege_slug": "admin"},
            {"project_collaborator_id": ines_id, "privilege_slug": "superuser"},
        ],
        revoke=["view_metrics"],
    )
    assert error == {
        "extensions": {"path": "$", "code": "constraint-violation"},
        "message": "Foreign key violation. insert or update on table "
        '"project_collaborator_privileges" violates foreign key constraint '
        '"project_collaborator_privileges_privilege_slug_fkey"',
    }
    # Neither the admin grant nor the revoke happened.
    assert access_of(olga, project["id"]) == before


def test_insert_one_and_conflicts(people: dict[str, Gql], project: dict[str, Any]) -> None:
    olga, ines = people["olga"], people["ines"]
    ines_id = join(olga, ines, project["id"], ["graphql_admin"])
    insert_one = (
        "mutation($o: project_collaborator_privileges_insert_input!) { "
        "insert_project_collaborator_privileges_one(object: $o) { privilege_slug granted_by } }"
    )
    row = {"project_collaborator_id": ines_id, "privilege_slug": "graphql_admin"}
    duplicate = olga.error(insert_one, o=row)
    assert duplicate == {
        "extensions": {"path": "$", "code": "constraint-violation"},
        "message": "Uniqueness violation. duplicate key value violates unique constraint "
        '"project_collaborator_privileges_pkey"',
    }
    skipped = olga.data(
        "mutation($o: project_collaborator_privileges_insert_input!) { "
        "insert_project_collaborator_privileges_one(object: $o, on_conflict: "
        "{constraint: project_collaborator_privileges_pkey, update_columns: []}) "
        "{ privilege_slug } }",
        o=row,
    )
    assert skipped == {"insert_project_collaborator_privileges_one": None}
    added = olga.data(insert_one, o={**row, "privilege_slug": "view_metrics"})
    assert added["insert_project_collaborator_privileges_one"] == {
        "privilege_slug": "view_metrics",
        "granted_by": me(olga)["id"],
    }
    refused = ines.error(insert_one, o={**row, "privilege_slug": "admin"})
    assert refused["extensions"] == {
        "path": "$.selectionSet.insert_project_collaborator_privileges_one.args.object",
        "code": "permission-error",
    }
    unknown = olga.error(
        insert_one,
        o={
            "project_collaborator_id": "00000000-0000-4000-8000-000000000000",
            "privilege_slug": "admin",
        },
    )
    assert unknown["extensions"]["code"] == "permission-error"
