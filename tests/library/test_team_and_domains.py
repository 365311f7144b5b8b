"""Custom domains and project access through the facade, against the real emulator over HTTP.

Two emulated users make a team: the owner (the emulator's own token) and a teammate made with
``emu.admin.add_user``, each with their own facade.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from emulator_helpers import unique_name

from hasura_cloud_magic.access_api import check_email, check_privileges
from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.domains_api import check_fqdn, wait_until_settled
from hasura_cloud_magic.errors import (
    ApiError,
    InvalidInputError,
    JobFailed,
    PermissionDeniedError,
)
from hasura_cloud_magic.fleet import APPLIED, FAILED, UNCHANGED
from hasura_cloud_magic.results.access import COLLABORATOR, INVITED, OWNER
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.targets import Target, resolve
from hasura_cloud_magic.team import (
    INVITE,
    REMOVE,
    SET,
    AccessChange,
    AccessEdits,
    apply_access,
    apply_steps,
    plan_access,
    plan_save,
)


def _email() -> str:
    return f"{unique_name('mate')}@example.com"


@pytest.fixture
def project(cloud: HasuraCloud) -> Iterator[Target]:
    created = cloud.create_project(cloud="aws", region="us-east-2", name=unique_name("team"))
    target = resolve(cloud, str(created.id))
    yield target
    cloud.delete_tenant(target.tenant_id)


@pytest.fixture
def mate(emulator: object) -> Iterator[tuple[str, HasuraCloud]]:
    """A second emulated user: their e-mail, and a facade acting as them."""
    email = _email()
    token = emulator.admin.add_user(email)  # type: ignore[attr-defined]
    settings = ClientSettings(endpoint=emulator.endpoint, token=token)  # type: ignore[attr-defined]
    with HasuraCloud(settings) as theirs:
        yield email, theirs


def _join(
    owner: HasuraCloud, mate: tuple[str, HasuraCloud], target: Target, *privileges: str
) -> None:
    """The owner invites the teammate, who accepts through their own token."""
    email, theirs = mate
    owner.access.invite(target.project_id, email, privileges)
    [invitation] = [i for i in theirs.access.my_invitations() if i.project_id == target.project_id]
    theirs.access.accept(invitation)


# ---------------------------------------------------------------- input checks, nothing sent


@pytest.mark.parametrize(
    "bad", ["", "localhost", "-a.example.com", "a..example.com", "api.example.42", "x.hasura.app"]
)
def test_a_name_that_cannot_be_a_domain_is_refused_in_one_line(bad: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        check_fqdn(bad)
    assert "\n" not in str(refused.value)


def test_a_domain_is_stored_lower_case_without_its_trailing_dot() -> None:
    assert check_fqdn(" API.Shop.Example.COM. ") == "api.shop.example.com"


@pytest.mark.parametrize("bad", ["", "ana", "ana@", "@example.com", "ana@example", "a b@x.io"])
def test_a_malformed_email_is_refused(bad: str) -> None:
    with pytest.raises(InvalidInputError, match="is not an e-mail address"):
        check_email(bad)


def test_privileges_are_checked_and_put_in_the_dashboards_order() -> None:
    assert check_privileges(["view_metrics", "admin", "admin"]) == ("admin", "view_metrics")
    with pytest.raises(InvalidInputError, match="unknown privilege 'owner'"):
        check_privileges(["owner"])
    with pytest.raises(InvalidInputError, match="at least one privilege"):
        check_privileges([])


def test_bad_input_never_reaches_the_api(cloud: HasuraCloud, project: Target) -> None:
    with pytest.raises(InvalidInputError):
        cloud.access.invite(project.project_id, "not-an-email", ["admin"])
    with pytest.raises(InvalidInputError):
        cloud.domains.add(project.tenant_id, "bad..name", project.name, "x")
    [access] = cloud.access.read([project.project_id])
    assert [m.state for m in access.members] == [OWNER]
    assert cloud.domains.read(project.tenant_id, project.name)[1] == []


# ---------------------------------------------------------------- collaborators


def test_invite_accept_change_and_remove_a_teammate(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    email, theirs = mate
    invited = cloud.access.invite(project.project_id, email, ["view_metrics"])
    assert invited.collaborator_email == email and invited.privileges == ["view_metrics"]
    [access] = cloud.access.read([project.project_id])
    assert access.member(email).state == INVITED  # type: ignore[union-attr]

    [invitation] = [i for i in theirs.access.my_invitations() if i.project == project.name]
    assert invitation.key not in repr(invitation)  # the invite key is a secret
    theirs.access.accept(invitation)
    [access] = cloud.access.read([project.project_id])
    member = access.member(email)
    assert member is not None and member.state == COLLABORATOR
    assert member.privileges == ("view_metrics",)
    assert access.invitation(email) is None  # accepted: no longer pending

    assert member.collaborator_id is not None
    granted, revoked = cloud.access.change_privileges(
        member.collaborator_id, ["admin", "view_metrics"], []
    )
    assert (granted, revoked) == (1, 0)  # view_metrics was held already
    [access] = cloud.access.read([project.project_id])
    assert access.member(email).privileges == ("admin", "view_metrics")  # type: ignore[union-attr]

    assert cloud.access.remove(member.collaborator_id) is True
    assert cloud.access.remove(member.collaborator_id) is False  # gone already
    [access] = cloud.access.read([project.project_id])
    assert access.member(email) is None


def test_a_teammate_without_admin_cannot_change_the_project(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    _join(cloud, mate, project, "graphql_admin", "view_metrics")
    _, theirs = mate
    assert [p.name for p in theirs.list_projects(name_like=project.name)] == [project.name]
    env = cloud.get_env(project.tenant_id)
    with pytest.raises(PermissionDeniedError) as refused:
        theirs.update_env(project.tenant_id, env.hash, {"LOG_LEVEL": "debug"})
    assert "admin" in str(refused.value) and "\n" not in str(refused.value)
    with pytest.raises(PermissionDeniedError):
        theirs.delete_tenant(project.tenant_id)
    with pytest.raises(PermissionDeniedError):
        theirs.domains.add(project.tenant_id, f"{unique_name('d')}.example.com", project.name, "x")
    with pytest.raises(PermissionDeniedError):
        theirs.access.invite(project.project_id, _email(), ["view_metrics"])
    assert cloud.get_env(project.tenant_id).hash == env.hash  # nothing changed
    assert resolve(cloud, project.name) == project


def test_an_admin_teammate_may_change_the_env_and_invite(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    _join(cloud, mate, project, "admin")
    _, theirs = mate
    env = theirs.get_env(project.tenant_id)
    theirs.update_env(project.tenant_id, env.hash, {"LOG_LEVEL": "debug"})
    assert cloud.get_env(project.tenant_id).values["LOG_LEVEL"] == "debug"
    invitee = _email()
    theirs.access.invite(project.project_id, invitee, ["view_metrics"])
    [access] = cloud.access.read([project.project_id])
    assert access.member(invitee).state == INVITED  # type: ignore[union-attr]


def test_fleet_invite_converges_and_remove_undoes_it(cloud: HasuraCloud) -> None:
    prefix = unique_name("fleet")
    names = [f"{prefix}-{i}" for i in range(3)]
    targets = [
        resolve(cloud, str(cloud.create_project(cloud="aws", region="us-east-2", name=n).id))
        for n in names
    ]
    email = _email()
    try:
        invite = AccessChange(INVITE, email, ("view_metrics",))
        first = apply_access(cloud, plan_access(cloud, targets, invite), concurrency=2)
        assert [r.status for r in first.results] == [APPLIED] * 3
        again = plan_access(cloud, targets, invite)
        assert again.to_change == []
        second = apply_access(cloud, again)
        assert [r.status for r in second.results] == [UNCHANGED] * 3
        assert all("invited already" in r.detail for r in second.results)

        removal = apply_access(cloud, plan_access(cloud, targets, AccessChange(REMOVE, email)))
        assert [r.status for r in removal.results] == [APPLIED] * 3
        for access in cloud.access.read([t.project_id for t in targets]):
            assert access.member(email) is None
    finally:
        for target in targets:
            cloud.delete_tenant(target.tenant_id)


def test_my_invitations_come_in_project_name_order_whatever_order_they_were_sent(
    cloud: HasuraCloud, mate: tuple[str, HasuraCloud]
) -> None:
    email, theirs = mate
    prefix = unique_name("order")
    names = [f"{prefix}-c", f"{prefix}-a", f"{prefix}-b"]  # sent in this order
    targets = [
        resolve(cloud, str(cloud.create_project(cloud="aws", region="us-east-2", name=n).id))
        for n in names
    ]
    try:
        for target in targets:
            cloud.access.invite(target.project_id, email, ["view_metrics"])
        assert [i.project for i in theirs.access.my_invitations()] == sorted(names)
    finally:
        for target in targets:
            cloud.delete_tenant(target.tenant_id)


def test_the_owner_can_be_neither_removed_nor_set(cloud: HasuraCloud, project: Target) -> None:
    [access] = cloud.access.read([project.project_id])
    owner = access.members[0].email
    for change in (AccessChange(REMOVE, owner), AccessChange(SET, owner, ("view_metrics",))):
        [planned] = plan_access(cloud, [project], change).projects
        assert planned.refused == f"{owner} owns {project.name}" and not planned.steps
        [result] = apply_access(cloud, plan_access(cloud, [project], change)).results
        assert result.status == FAILED


def test_a_second_invitation_to_the_same_person_is_refused_by_the_api(
    cloud: HasuraCloud, project: Target
) -> None:
    email = _email()
    cloud.access.invite(project.project_id, email, ["view_metrics"])
    with pytest.raises(ApiError) as refused:
        cloud.access.invite(project.project_id, email, ["admin"])
    assert "\n" not in str(refused.value)
    [access] = cloud.access.read([project.project_id])
    assert access.member(email).privileges == ("view_metrics",)  # type: ignore[union-attr]


# ---------------------------------------------------------------- the access form's save rule


def test_save_carries_over_only_what_the_form_changed(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    _join(cloud, mate, project, "view_metrics")
    email, _ = mate
    [base] = cloud.access.read([project.project_id])
    member = base.member(email)
    assert member is not None and member.collaborator_id is not None
    # Someone else grants graphql_admin meanwhile; the form only ticks admin.
    cloud.access.change_privileges(member.collaborator_id, ["graphql_admin"], [])
    edits = AccessEdits(privileges={email: ("admin", "view_metrics")})
    [current] = cloud.access.read([project.project_id])
    plan = plan_save(base, edits, current)
    assert plan.conflicts == ()
    apply_steps(cloud.access, project.project_id, plan.steps)
    [after] = cloud.access.read([project.project_id])
    # The form did not untick graphql_admin: someone else's grant is kept.
    assert after.member(email).privileges == ("admin", "graphql_admin", "view_metrics")  # type: ignore[union-attr]


def test_save_never_adds_back_someone_removed_meanwhile(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    _join(cloud, mate, project, "view_metrics")
    email, _ = mate
    [base] = cloud.access.read([project.project_id])
    member = base.member(email)
    assert member is not None and member.collaborator_id is not None
    cloud.access.remove(member.collaborator_id)
    [current] = cloud.access.read([project.project_id])
    plan = plan_save(base, AccessEdits(privileges={email: ("admin",)}), current)
    assert plan.steps == ()
    [conflict] = plan.conflicts
    assert (conflict.email, str(conflict)) == (
        email,
        f"{email} was removed meanwhile by someone else: not added back",
    )


def test_save_does_not_remove_someone_whose_privileges_changed_meanwhile(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    _join(cloud, mate, project, "view_metrics")
    email, _ = mate
    [base] = cloud.access.read([project.project_id])
    member = base.member(email)
    assert member is not None and member.collaborator_id is not None
    cloud.access.change_privileges(member.collaborator_id, ["admin"], [])
    [current] = cloud.access.read([project.project_id])
    plan = plan_save(base, AccessEdits(remove=frozenset({email})), current)
    assert plan.steps == () and len(plan.conflicts) == 1
    assert "changed meanwhile" in plan.conflicts[0].text and plan.conflicts[0].email == email


# ---------------------------------------------------------------- custom domains


def test_a_domain_is_validated_once_its_dns_points_at_the_project(
    emulator: object, cloud: HasuraCloud, project: Target
) -> None:
    fqdn = f"{unique_name('api')}.example.com"
    host, before = cloud.domains.read(project.tenant_id, project.name)
    assert before == [] and host == f"{project.name}.hasura.app"
    added = cloud.domains.add(project.tenant_id, fqdn, project.name, host)
    assert (added.fqdn, added.dns_validation, added.ssl_status) == (fqdn, "pending", None)
    assert added.dns_record == f"{fqdn}. CNAME {host}."
    emulator.admin.point_dns(fqdn, project=project.name)  # type: ignore[attr-defined]
    seen: list[str] = []
    ready = wait_until_settled(
        cloud.domains, added, timeout=30, interval=0.05, on_update=lambda d: seen.append(d.state())
    )
    assert ready.ready and ready.state() == "ready"
    assert seen[-1] == "ready"
    assert cloud.domains.delete(added.id) is True
    assert cloud.domains.read(project.tenant_id, project.name)[1] == []


def test_a_domain_pointed_elsewhere_fails_validation(
    emulator: object, cloud: HasuraCloud, project: Target
) -> None:
    fqdn = f"{unique_name('api')}.example.com"
    emulator.admin.point_dns(fqdn, host="elsewhere.example.net")  # type: ignore[attr-defined]
    added = cloud.domains.add(project.tenant_id, fqdn, project.name, f"{project.name}.hasura.app")
    with pytest.raises(JobFailed, match="DNS validation failed") as failed:
        wait_until_settled(cloud.domains, added, timeout=30, interval=0.05)
    assert "\n" not in str(failed.value)


def test_a_domain_held_by_anyone_is_refused_and_nothing_changes(
    cloud: HasuraCloud, project: Target, mate: tuple[str, HasuraCloud]
) -> None:
    fqdn = f"{unique_name('api')}.example.com"
    host = f"{project.name}.hasura.app"
    cloud.domains.add(project.tenant_id, fqdn, project.name, host)
    _, theirs = mate
    own = theirs.create_project(cloud="aws", region="us-east-2", name=unique_name("other"))
    try:
        with pytest.raises(ApiError, match="Uniqueness violation") as refused:
            theirs.domains.add(own.id, fqdn.upper(), "other", "x")
        assert "\n" not in str(refused.value)
        assert theirs.domains.read(own.id, "other")[1] == []
    finally:
        theirs.delete_tenant(own.id)
    assert [d.fqdn for d in cloud.domains.read(project.tenant_id, project.name)[1]] == [fqdn]


def test_an_unknown_domain_id_reads_as_gone(cloud: HasuraCloud) -> None:
    assert cloud.domains.get(uuid.uuid4(), "shop", "shop.hasura.app") is None
    assert cloud.domains.delete(uuid.uuid4()) is False


def test_a_pending_invitation_is_resent_and_revoked(cloud: HasuraCloud, project: Target) -> None:
    email = _email()
    cloud.access.invite(project.project_id, email, ["graphql_admin"])
    resent = cloud.access.resend(project.project_id, email.upper())
    assert resent.collaborator_email.casefold() == email.casefold()
    [access] = cloud.access.read([project.project_id])
    invitation = access.invitation(email)
    assert invitation is not None and invitation.invitation_id is not None
    assert cloud.access.revoke(invitation.invitation_id) is True
    assert cloud.access.revoke(invitation.invitation_id) is False  # gone already
    with pytest.raises(ApiError, match="no pending invitation"):
        cloud.access.resend(project.project_id, email)
