"""Helpers for the team tests: the client's operation files, e-mails, inviting and joining."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from emulator_helpers import Gql
from graphql import FragmentDefinitionNode, parse, print_ast

from hasura_cloud_magic.emulator.schema_source import schema_path

ROOT = Path(__file__).resolve().parents[2]
QUERIES = schema_path().parent
if not (QUERIES / "createTenant.graphql").exists():  # the installed copy has no operations
    QUERIES = ROOT / "queries" / "cloud"
REAL_CLIENTS = ROOT / "tests" / "real_clients"


def operation(name: str) -> str:
    """An operation file plus exactly the fragments it spreads (unused ones fail validation)."""
    text = (QUERIES / f"{name}.graphql").read_text()
    fragments = parse((QUERIES / "fragments.graphql").read_text()).definitions
    used = [
        fragment
        for fragment in fragments
        if isinstance(fragment, FragmentDefinitionNode) and f"...{fragment.name.value}" in text
    ]
    return text + "\n" + "\n".join(print_ast(fragment) for fragment in used)


@contextmanager
def people_of(endpoint: str, tokens: Iterable[str]) -> Iterator[dict[str, Gql]]:
    """One client per ``token-<name>`` token, by name, closed afterwards."""
    made = {token.removeprefix("token-"): Gql(endpoint, token) for token in tokens}
    try:
        yield made
    finally:
        for client in made.values():
            client.close()


def me(gql: Gql) -> dict[str, Any]:
    [user] = gql.data("{ users { id email } }")["users"]
    return dict(user)


def invite(owner: Gql, project_id: str, email: str, privileges: list[str]) -> dict[str, Any]:
    answer = owner.data(
        operation("inviteCollaborator"),
        invite={"collaborator_email": email, "privileges": privileges, "project_id": project_id},
    )
    invitation: dict[str, Any] = answer["inviteCollaborator"]
    return invitation


def pending_for(member: Gql, project_id: str) -> dict[str, Any]:
    invitations = member.data(operation("getPendingInvitations"))["fetchPendingInvitations"]
    [found] = [i for i in invitations if i["projectID"] == project_id]
    return dict(found)


COLLABORATOR_ID = """
query($p: uuid!, $u: uuid!) {
  project_collaborators(where: {project_id: {_eq: $p}, collaborator_id: {_eq: $u}}) { id }
}
"""


def join(owner: Gql, member: Gql, project_id: str, privileges: list[str]) -> str:
    """Invite ``member`` with ``privileges`` and accept as them; returns the collaborator id."""
    invite(owner, project_id, me(member)["email"], privileges)
    key = pending_for(member, project_id)["key"]
    member.data(operation("acceptInvite"), inviteKey=key)
    rows = owner.data(COLLABORATOR_ID, p=project_id, u=me(member)["id"])["project_collaborators"]
    collaborator_id: str = rows[0]["id"]
    return collaborator_id


def access_of(gql: Gql, project_id: str) -> dict[str, Any] | None:
    """The ProjectAccess fragment for one project (None when it is not visible)."""
    projects = gql.data(operation("getProjectAccess"), ids=[project_id])["projects"]
    return None if not projects else dict(projects[0])
