"""The users and DNS state controls: ``emu.admin.add_user``, ``point_dns``, ``dns`` and their
admin routes (only with the admin key), and added users surviving a ``--db`` restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from emulator_helpers import Gql, base_url, create_tenant, unique_name
from team_helpers import invite, me, pending_for

from hasura_cloud_magic.emulator import RunningEmulator, start

ADMIN_KEY = "team-admin-key-0123456789"
GOOD = {"Authorization": f"admin {ADMIN_KEY}"}


@pytest.fixture(scope="module")
def keyed() -> Iterator[RunningEmulator]:
    with start(step_seconds=0, tokens=["token-kim"], admin_key=ADMIN_KEY) as running:
        yield running


def url(emu: RunningEmulator, what: str) -> str:
    return f"{base_url(emu.endpoint)}/emulator/admin/{what}"


def test_add_user_makes_a_working_token_with_that_email(keyed: RunningEmulator) -> None:
    email = f"{unique_name('ann')}@Example.com"
    token = keyed.admin.add_user(email)
    assert len(token) >= 40 and token != keyed.token
    ann, kim = Gql(keyed.endpoint, token), Gql(keyed.endpoint, keyed.token)
    try:
        assert me(ann)["email"] == email
        assert me(ann)["id"] != me(kim)["id"]
        # A team: kim invites ann by her e-mail (any case), ann accepts.
        project = create_tenant(kim)
        project_id = project["tenant"]["project_id"]
        invite(kim, project_id, email.lower(), ["view_metrics"])
        key = pending_for(ann, project_id)["key"]
        ann.data("mutation($k: String!) { acceptInvite(inviteKey: $k) { id } }", k=key)
        seen = ann.data("query($p: uuid!) { projects_by_pk(id: $p) { name } }", p=project_id)
        assert seen["projects_by_pk"] == {"name": project["name"]}
        assert ann.data("{ projects { id } }")["projects"] == [{"id": project_id}]
    finally:
        ann.close()
        kim.close()


@pytest.mark.parametrize(
    "email", ["", "no-at-sign", "two@@example.com", "a b@example.com", "x@" + "y" * 250 + ".com"]
)
def test_add_user_refuses_an_invalid_email(keyed: RunningEmulator, email: str) -> None:
    with pytest.raises(ValueError, match=r"^invalid e-mail address "):
        keyed.admin.add_user(email)


def test_add_user_refuses_an_email_in_use(keyed: RunningEmulator) -> None:
    email = f"{unique_name('bo')}@example.com"
    keyed.admin.add_user(email)
    with pytest.raises(ValueError, match=r"is already in use$"):
        keyed.admin.add_user(email.upper())
    kim = Gql(keyed.endpoint, keyed.token)
    try:
        taken = me(kim)["email"]
    finally:
        kim.close()
    with pytest.raises(ValueError, match=r"is already in use$"):
        keyed.admin.add_user(taken)


def test_point_dns_and_read_it(keyed: RunningEmulator) -> None:
    kim = Gql(keyed.endpoint, keyed.token)
    try:
        project = create_tenant(kim)
    finally:
        kim.close()
    record = keyed.admin.point_dns("WWW.Shop.example.", project=project["name"])
    assert record["fqdn"] == "www.shop.example"
    assert record["target"] == f"{project['name']}.hasura.app"
    assert record["set_at"].endswith("+00:00")
    assert keyed.admin.dns("www.shop.example") == record
    assert keyed.admin.dns("nothing.example.com") is None
    again = keyed.admin.point_dns("www.shop.example", host="Other.Example.NET")
    assert again["target"] == "other.example.net"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({}, ValueError, "give exactly one of project"),
        ({"project": "a", "host": "b.example.com"}, ValueError, "give exactly one of project"),
        ({"host": "not a host"}, ValueError, "is not a valid host name"),
        ({"project": "no-such-project-xyz"}, LookupError, "no project named 'no-such-project-xyz'"),
    ],
)
def test_point_dns_refusals(
    keyed: RunningEmulator, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        keyed.admin.point_dns("api.example.com", **kwargs)
    with pytest.raises(ValueError, match="is not a valid host name"):
        keyed.admin.point_dns("-bad-.example.com", host="a.example.com")


def test_the_http_routes(keyed: RunningEmulator) -> None:
    email = f"{unique_name('cy')}@example.com"
    added = httpx.post(url(keyed, "users"), json={"email": email}, headers=GOOD, timeout=10)
    assert added.status_code == 200
    token = added.json()["token"]
    assert added.json()["email"] == email
    cy = Gql(keyed.endpoint, token)
    try:
        assert me(cy)["email"] == email
        project = create_tenant(cy)
    finally:
        cy.close()
    taken = httpx.post(url(keyed, "users"), json={"email": email}, headers=GOOD, timeout=10)
    assert taken.status_code == 409 and "already in use" in taken.json()["error"]
    bad = httpx.post(url(keyed, "users"), json={"email": "nope"}, headers=GOOD, timeout=10)
    assert bad.status_code == 400 and bad.json() == {"error": "invalid e-mail address 'nope'"}
    body = {"fqdn": "api.cy.example", "project": project["name"]}
    pointed = httpx.post(url(keyed, "dns"), json=body, headers=GOOD, timeout=10)
    assert pointed.status_code == 200
    assert pointed.json()["dns"]["target"] == f"{project['name']}.hasura.app"
    read = httpx.get(url(keyed, "dns"), params={"fqdn": "api.cy.example"}, headers=GOOD, timeout=10)
    assert read.json() == pointed.json()
    missing = httpx.get(
        url(keyed, "dns"), params={"fqdn": "x.example.com"}, headers=GOOD, timeout=10
    )
    assert missing.status_code == 404
    unknown = httpx.post(
        url(keyed, "dns"), json={"fqdn": "a.example.com", "project": "nope-x"}, headers=GOOD
    )
    assert unknown.status_code == 404
    extra = httpx.post(
        url(keyed, "dns"), json={"fqdn": "a.example.com", "ttl": 5}, headers=GOOD, timeout=10
    )
    assert extra.status_code == 400 and extra.json()["error"].startswith("unknown field 'ttl'")


@pytest.mark.parametrize("what", ["users", "dns"])
@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "admin wrong-key"}, {"Authorization": "pat token-kim"}]
)
def test_the_routes_are_hidden_without_the_admin_key(
    keyed: RunningEmulator, what: str, headers: dict[str, str]
) -> None:
    email = f"{unique_name('eve')}@example.com"
    body = {"email": email} if what == "users" else {"fqdn": "eve.example.com", "host": "c.de"}
    for response in (
        httpx.post(url(keyed, what), json=body, headers=headers, timeout=10),
        httpx.get(url(keyed, what), params={"fqdn": "eve.example.com"}, headers=headers),
    ):
        assert (response.status_code, response.text) == (404, "Not Found")
    # Nothing happened: the e-mail is still free and the name has no record.
    assert keyed.admin.add_user(email)
    assert keyed.admin.dns("eve.example.com") is None


def test_no_routes_without_an_admin_key() -> None:
    with start(step_seconds=0, tokens=["t"]) as plain:
        response = httpx.post(url(plain, "users"), json={"email": "a@b.co"}, headers=GOOD)
        assert (response.status_code, response.text) == (404, "Not Found")


def test_added_users_survive_a_restart_with_db(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with start(db=db, tokens=["token-first"], step_seconds=0) as first:
        token = first.admin.add_user("Dee@example.com")
        dee = Gql(first.endpoint, token)
        try:
            before = me(dee)
        finally:
            dee.close()
    assert token not in db.read_bytes().decode("latin-1")  # only its SHA-256 is stored
    with start(db=db, step_seconds=0) as again:
        dee = Gql(again.endpoint, token)
        try:
            assert me(dee) == before
        finally:
            dee.close()
        with pytest.raises(ValueError, match="already in use"):
            again.admin.add_user("dee@EXAMPLE.com")


def test_two_start_tokens_make_a_team() -> None:
    with start(tokens=["token-p", "token-q"], step_seconds=0) as emu:
        p, q = Gql(emu.endpoint, "token-p"), Gql(emu.endpoint, "token-q")
        try:
            project_id = create_tenant(p)["tenant"]["project_id"]
            invite(p, project_id, me(q)["email"], ["admin"])
            key = pending_for(q, project_id)["key"]
            q.data("mutation($k: String!) { acceptInvite(inviteKey: $k) { id } }", k=key)
            assert q.data("{ projects { id } }")["projects"] == [{"id": project_id}]
        finally:
            p.close()
            q.close()
