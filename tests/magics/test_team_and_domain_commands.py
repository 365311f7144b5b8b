"""%hasura domains|domain, collaborators|collaborator, invitations and emulator dns|user,
run as a person runs them, against the real emulator over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from magic_shell import TestingShell, run, unique

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.errors import (
    ConfigurationError,
    ConfirmationRequired,
    FleetIncompleteError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from hasura_cloud_magic.fleet import FleetResult
from hasura_cloud_magic.magics import user_input
from hasura_cloud_magic.results.access import FleetAccess, MyInvitations, ProjectAccess
from hasura_cloud_magic.results.domains import CustomDomain, DomainList
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.team import AccessPlan


@pytest.fixture
def project(ip: TestingShell) -> Iterator[str]:
    name = unique("tm")
    run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    yield name
    run(ip, f"%hasura delete {name} --yes")


@pytest.fixture
def teammate(emulator: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, HasuraCloud]]:
    email = f"{unique('ana')}@example.com"
    token = emulator.admin.add_user(email)
    monkeypatch.setenv("TEAMMATE_TOKEN", token)
    with HasuraCloud(ClientSettings(endpoint=emulator.endpoint, token=token)) as theirs:
        yield email, theirs


def _out(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


# ---------------------------------------------------------------- domains


def test_add_a_domain_point_it_wait_list_and_delete(
    ip: TestingShell, emulator: Any, project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fqdn = f"{unique('api')}.example.com"
    added = run(ip, f"%hasura domain add {project} {fqdn}")
    assert isinstance(added, CustomDomain) and added.dns_validation == "pending"
    assert f"Create this DNS record: {fqdn}. CNAME {project}.hasura.app." in _out(capsys)
    again = run(ip, f"%hasura domain add {project} {fqdn.upper()}")  # converges
    assert again.id == added.id and f"{fqdn} is on {project} already" in _out(capsys)

    emulator.admin.point_dns(fqdn, project=project)
    ready = run(ip, f"%hasura domain status {project} {fqdn} --wait --timeout 30")
    assert ready.ready and f"{fqdn} is ready" in _out(capsys)
    listing = run(ip, f"%hasura domains {project}")
    assert isinstance(listing, DomainList) and [d.fqdn for d in listing] == [fqdn]
    assert "ready" in repr(listing)

    run(ip, f"%hasura domain delete {project} {fqdn} --yes")
    assert list(run(ip, f"%hasura domains {project}")) == []
    actions = [(e.action, e.outcome) for e in run(ip, "%hasura journal") if e.keys == (fqdn,)]
    assert actions == [
        ("domain add", "applied"),
        ("domain add", "unchanged"),
        ("domain delete", "applied"),
    ]


def test_domain_add_wait_follows_validation_live(
    ip: TestingShell, emulator: Any, project: str
) -> None:
    fqdn = f"{unique('www')}.example.com"
    emulator.admin.point_dns(fqdn, project=project)  # the CNAME was made first
    ready = run(ip, f"%hasura domain add {project} {fqdn} --wait --timeout 30")
    assert ready.ready


def test_domain_mistakes_are_one_line_and_change_nothing(ip: TestingShell, project: str) -> None:
    with pytest.raises(InvalidInputError, match="is not a domain name"):
        run(ip, f"%hasura domain add {project} not_a_domain")
    with pytest.raises(NotFoundError, match=f"{project} has no custom domain nope.example.com"):
        run(ip, f"%hasura domain delete {project} nope.example.com --yes")
    assert list(run(ip, f"%hasura domains {project}")) == []


def test_headless_deletes_only_domains_it_added(
    ip: TestingShell,
    cloud: HasuraCloud,
    project: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    theirs = f"{unique('old')}.example.com"
    target = run(ip, f"%hasura project {project}")
    cloud.domains.add(target.tenant_id, theirs, project, f"{project}.hasura.app")
    monkeypatch.setattr(user_input, "nobody_can_answer", lambda: True)
    with pytest.raises(ConfirmationRequired, match=f"refusing to delete {theirs} from {project}"):
        run(ip, f"%hasura domain delete {project} {theirs} --yes")
    assert [d.fqdn for d in run(ip, f"%hasura domains {project}")] == [theirs]
    run(ip, f"%hasura domain delete {project} {theirs} --yes --confirm {theirs}")
    mine = f"{unique('new')}.example.com"
    run(ip, f"%hasura domain add {project} {mine}")
    run(ip, f"%hasura domain delete {project} {mine} --yes")  # added by this run: fine
    assert list(run(ip, f"%hasura domains {project}")) == []


# ---------------------------------------------------------------- collaborators


def test_invite_list_set_and_remove_one_collaborator(
    ip: TestingShell,
    project: str,
    teammate: tuple[str, HasuraCloud],
    capsys: pytest.CaptureFixture[str],
) -> None:
    email, theirs = teammate
    access = run(ip, f"%hasura collaborator invite {project} {email} --privileges view_metrics")
    assert isinstance(access, ProjectAccess)
    assert access.member(email).state == "invited"  # type: ignore[union-attr]
    run(ip, f"%hasura collaborator invite {project} {email} --privileges admin")
    assert "invited already (view_metrics); nothing sent" in _out(capsys)

    [invitation] = [i for i in theirs.access.my_invitations() if i.project == project]
    theirs.access.accept(invitation)
    shown = run(ip, f"%hasura collaborators {project}")
    assert shown.member(email).state == "collaborator"
    assert email in repr(shown) and "view_metrics" in shown._repr_html_()

    changed = run(ip, f"%hasura collaborator set {project} {email} --privileges admin")
    assert changed.member(email).privileges == ("admin",)
    run(ip, f"%hasura collaborator remove {project} {email} --yes")
    assert run(ip, f"%hasura collaborators {project}").member(email) is None
    outcomes = [(e.action, e.outcome) for e in run(ip, "%hasura journal") if e.keys == (email,)]
    assert outcomes == [
        ("collaborator invite", "applied"),
        ("collaborator invite", "unchanged"),
        ("collaborator set", "applied"),
        ("collaborator remove", "applied"),
    ]


_RESENT = """query Resent($project: uuid!) {
  project_collaborator_invitations(where: {project_id: {_eq: $project}}) {
    collaborator_email resend_invitation_count
  }
}"""


def test_resend_sends_a_pending_invitation_again_and_nothing_else(
    ip: TestingShell, cloud: HasuraCloud, project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    email = f"{unique('re')}@example.com"
    project_id = run(ip, f"%hasura project {project}").id

    def resent() -> list[dict[str, Any]]:
        found = cloud.execute(_RESENT, {"project": str(project_id)})
        return list(found["project_collaborator_invitations"])

    with pytest.raises(InvalidInputError, match=f"{email} has no pending invitation to resend"):
        run(ip, f"%hasura collaborator resend {project} {email}")
    assert resent() == []
    run(ip, f"%hasura collaborator invite {project} {email} --privileges view_metrics")
    access = run(ip, f"%hasura collaborator resend {project} {email}")
    assert f"{project}: send {email}'s invitation again." in _out(capsys)
    assert access.member(email).state == "invited"
    assert resent() == [{"collaborator_email": email, "resend_invitation_count": 1}]
    outcomes = [(e.action, e.outcome) for e in run(ip, "%hasura journal") if e.keys == (email,)]
    assert outcomes == [("collaborator invite", "applied"), ("collaborator resend", "applied")]


def test_collaborator_mistakes_are_one_line_and_send_nothing(
    ip: TestingShell, project: str
) -> None:
    with pytest.raises(InvalidInputError, match="is not an e-mail address"):
        run(ip, f"%hasura collaborator invite {project} ana-at-example --privileges admin")
    with pytest.raises(InvalidInputError, match="unknown privilege 'root'"):
        run(ip, f"%hasura collaborator invite {project} a@example.com --privileges root")
    with pytest.raises(InvalidInputError, match="not a collaborator: invite them first"):
        run(ip, f"%hasura collaborator set {project} b@example.com --privileges admin")
    with pytest.raises(InvalidInputError, match="owns"):
        owner = run(ip, f"%hasura collaborators {project}").members[0].email
        run(ip, f"%hasura collaborator remove {project} {owner} --yes")
    assert len(run(ip, f"%hasura collaborators {project}")) == 1  # the owner only


def test_fleet_invite_plan_apply_converge_and_offboard(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix = unique("fl")
    names = [f"{prefix}-{i}" for i in range(3)]
    for name in names:
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    email = f"{unique('bo')}@example.com"
    glob = f"'{prefix}-*'"
    try:
        plan = run(
            ip,
            f"%hasura collaborator invite --projects {glob} {email} --privileges view_metrics "
            "--dry-run",
        )
        assert isinstance(plan, AccessPlan) and len(plan.to_change) == 3
        assert "dry run, nothing sent" in _out(capsys)
        result = run(
            ip,
            f"%hasura collaborator invite --projects {glob} {email} --privileges view_metrics "
            "--yes --concurrency 2",
        )
        assert isinstance(result, FleetResult) and result.summary().startswith("3 applied")
        again = run(
            ip,
            f"%hasura collaborator invite --projects {glob} {email} --privileges view_metrics "
            "--yes",
        )
        assert again.summary().startswith("0 applied, 3 unchanged")
        matrix = run(ip, f"%hasura collaborators --projects {glob}")
        assert isinstance(matrix, FleetAccess)
        table = matrix.table()
        assert list(table.columns) == ["person", *names]
        [row] = [r for r in table.rows if r[0] == email]
        assert row[1:] == ["invited: view_metrics"] * 3
        removed = run(ip, f"%hasura collaborator remove --projects {glob} {email} --yes")
        assert removed.summary().startswith("3 applied")
        entries = [e for e in run(ip, "%hasura journal") if e.keys == (email,)]
        assert len(entries) == 9 and {e.project for e in entries} == set(names)
    finally:
        for name in names:
            run(ip, f"%hasura delete {name} --yes")


def test_a_fleet_run_that_does_not_land_everywhere_fails_the_cell(
    ip: TestingShell, emulator: Any, teammate: tuple[str, HasuraCloud]
) -> None:
    email, theirs = teammate
    prefix = unique("pf")
    names = [f"{prefix}-a", f"{prefix}-b"]
    for name in names:
        run(ip, f"%hasura create --cloud aws --region us-east-2 --name {name}")
    try:
        # The teammate is admin on one project and only views metrics on the other.
        for name, privileges in zip(names, (["admin"], ["view_metrics"]), strict=True):
            target = run(ip, f"%hasura project {name}")
            with HasuraCloud(
                ClientSettings(endpoint=emulator.endpoint, token=emulator.token)
            ) as me:
                me.access.invite(target.id, email, privileges)
            [invitation] = [i for i in theirs.access.my_invitations() if i.project == name]
            theirs.access.accept(invitation)
        ip.run_cell("%config HasuraMagics.token_env_var = 'TEAMMATE_TOKEN'")
        newcomer = f"{unique('cy')}@example.com"
        with pytest.raises(FleetIncompleteError) as caught:
            run(
                ip,
                f"%hasura collaborator invite --projects '{prefix}-*' {newcomer} "
                "--privileges view_metrics --yes",
            )
        outcome = {r.name: r.status for r in caught.value.result.results}
        assert outcome == {names[0]: "applied", names[1]: "failed"}
        with pytest.raises(PermissionDeniedError):
            run(ip, f"%hasura env set {names[1]} A=1")
    finally:
        ip.run_cell("%config HasuraMagics.token_env_var = 'HASURA_CLOUD_ACCESS_TOKEN'")
        for name in names:
            run(ip, f"%hasura delete {name} --yes")


def test_headless_removes_only_people_it_invited(
    ip: TestingShell, cloud: HasuraCloud, project: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = f"{unique('zo')}@example.com"
    target = run(ip, f"%hasura project {project}")
    cloud.access.invite(target.id, theirs, ["view_metrics"])
    monkeypatch.setattr(user_input, "nobody_can_answer", lambda: True)
    with pytest.raises(ConfirmationRequired, match=f"refusing to remove {theirs} from {project}"):
        run(ip, f"%hasura collaborator remove {project} {theirs} --yes")
    assert run(ip, f"%hasura collaborators {project}").member(theirs) is not None
    run(ip, f"%hasura collaborator remove {project} {theirs} --yes --confirm {theirs}")
    mine = f"{unique('yu')}@example.com"
    run(ip, f"%hasura collaborator invite {project} {mine} --privileges view_metrics")
    run(ip, f"%hasura collaborator remove {project} {mine} --yes")  # invited by this run
    assert len(run(ip, f"%hasura collaborators {project}")) == 1


def test_a_glob_that_matches_nothing_lists_nobody_and_changes_nothing(
    ip: TestingShell, capsys: pytest.CaptureFixture[str]
) -> None:
    glob = f"'{unique('none')}-*'"
    found = run(ip, f"%hasura collaborators --projects {glob}")
    assert isinstance(found, FleetAccess) and found.people() == []
    plan = run(
        ip,
        f"%hasura collaborator invite --projects {glob} a@example.com --privileges admin --dry-run",
    )
    assert isinstance(plan, AccessPlan) and plan.projects == ()
    assert "no project matches" in _out(capsys)


# ---------------------------------------------------------------- invitations


def test_the_invitee_lists_accepts_and_declines_their_invitations(
    ip: TestingShell,
    cloud: HasuraCloud,
    teammate: tuple[str, HasuraCloud],
    capsys: pytest.CaptureFixture[str],
) -> None:
    email, _ = teammate
    names = [unique("inv"), unique("inv")]
    targets = [cloud.create_project(cloud="aws", region="us-east-2", name=n) for n in names]
    try:
        for name in names:
            project = cloud.find_project_by_name(name)
            assert project is not None
            cloud.access.invite(project.id, email, ["graphql_admin"])
        ip.run_cell("%config HasuraMagics.token_env_var = 'TEAMMATE_TOKEN'")
        mine = run(ip, "%hasura invitations")
        assert isinstance(mine, MyInvitations)
        assert sorted(i.project for i in mine) == sorted(names)
        keys = [i.key for i in mine]
        assert all(key not in repr(mine) + mine._repr_html_() for key in keys)
        run(ip, f"%hasura invitations accept {names[0]}")
        assert f"You are a collaborator on {names[0]} (graphql_admin)" in _out(capsys)
        run(ip, f"%hasura invitations decline {names[1]}")
        assert list(run(ip, "%hasura invitations")) == []
        with pytest.raises(NotFoundError, match="no invitation to nowhere is waiting"):
            run(ip, "%hasura invitations accept nowhere")
    finally:
        ip.run_cell("%config HasuraMagics.token_env_var = 'HASURA_CLOUD_ACCESS_TOKEN'")
        for created in targets:
            cloud.delete_tenant(created.id)


# ---------------------------------------------------------------- emulator controls


def test_emulator_dns_and_user_need_the_embedded_emulator(ip: TestingShell) -> None:
    with pytest.raises(ConfigurationError, match="embedded emulator only"):
        run(ip, "%hasura emulator dns api.example.com --to shop")
    with pytest.raises(ConfigurationError, match="embedded emulator only"):
        run(ip, "%hasura emulator user ana@example.com")


def test_privileges_may_be_one_word_with_commas(ip: TestingShell, project: str) -> None:
    email = f"{unique('di')}@example.com"
    ip.user_ns["wanted"] = "graphql_admin,view_metrics"  # as a papermill parameter gives it
    access = run(ip, f"%hasura collaborator invite {project} {email} --privileges {{{{wanted}}}}")
    assert access.member(email).privileges == ("graphql_admin", "view_metrics")
