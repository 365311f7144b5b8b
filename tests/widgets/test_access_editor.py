"""The access form, driven like a person would (ticks and clicks) against the emulator over HTTP.

Collaborators are real emulator users: the owner invites them, and each accepts with their
own token. "Someone else" is another admin collaborator, changing access with their own token
between the form's load and its save.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pytest
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.results.access import COLLABORATOR, INVITED, OWNER, PRIVILEGES
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.targets import Target, resolve
from hasura_cloud_magic.widgets import AccessEditor
from hasura_cloud_magic.widgets.access_rows import MemberRow


class People:
    """A project of the session's user, and the users it invites (each with their token)."""

    def __init__(self, emulator: Any, cloud: HasuraCloud) -> None:
        self.emulator, self.cloud = emulator, cloud
        name = f"access-{uuid.uuid4().hex[:8]}"
        cloud.create_project(cloud="aws", region="us-east-2", name=name)
        self.target: Target = resolve(cloud, name)
        self.tokens: dict[str, str] = {}
        self._clients: list[HasuraCloud] = []

    def email(self, who: str) -> str:
        return f"{who}-{uuid.uuid4().hex[:6]}@example.com"

    def user(self, email: str) -> HasuraCloud:
        """An emulator user with this e-mail, and the facade with their own token."""
        self.tokens[email] = self.emulator.admin.add_user(email)
        client = HasuraCloud(
            ClientSettings(endpoint=self.emulator.endpoint, token=self.tokens[email])
        )
        self._clients.append(client)
        return client

    def collaborator(self, who: str, *privileges: str) -> tuple[str, HasuraCloud]:
        """Invited by the owner and accepted with their own token."""
        email = self.email(who)
        theirs = self.user(email)
        self.cloud.access.invite(self.target.project_id, email, privileges)
        [invitation] = [
            i for i in theirs.access.my_invitations() if i.project_id == self.target.project_id
        ]
        theirs.access.accept(invitation)
        return email, theirs

    def invited(self, who: str, *privileges: str) -> str:
        email = self.email(who)
        self.cloud.access.invite(self.target.project_id, email, privileges)
        return email

    def access(self, client: HasuraCloud | None = None) -> dict[str, tuple[str, tuple[str, ...]]]:
        """e-mail → (state, privileges), as the server has it now."""
        [read] = (client or self.cloud).access.read([self.target.project_id])
        return {m.email: (m.state, m.privileges) for m in read.members}

    def collaborator_id(self, email: str) -> uuid.UUID:
        [read] = self.cloud.access.read([self.target.project_id])
        member = read.member(email)
        assert member is not None and member.collaborator_id is not None, email
        return member.collaborator_id

    def close(self) -> None:
        for client in self._clients:
            client.close()
        if self.cloud.get_tenant(self.target.tenant_id) is not None:
            self.cloud.delete_tenant(self.target.tenant_id)


@pytest.fixture
def people(emulator: Any, cloud: HasuraCloud) -> Iterator[People]:
    found = People(emulator, cloud)
    yield found
    found.close()


def row(form: AccessEditor, email: str) -> MemberRow:
    found = form.row(email)
    assert found is not None, email
    return found


def tick(form: AccessEditor, email: str, privilege: str, value: bool = True) -> None:
    row(form, email).boxes[privilege].value = value


def review_and_save(form: AccessEditor) -> None:
    form.review_button.click()
    assert not form.save_button.disabled, form.status.text
    form.save_button.click()


def all_widgets(widget: object) -> list[widgets.Widget]:
    found = [widget] if isinstance(widget, widgets.Widget) else []
    for child in getattr(widget, "children", ()) or ():
        found += all_widgets(child)
    return found


def widget_state(form: AccessEditor) -> str:
    return json.dumps([w.get_state() for w in all_widgets(form)], default=str)


# ---------------------------------------------------------------- the grid


def test_the_grid_shows_owner_collaborators_and_invitations(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    bo = people.invited("bo", "graphql_admin")
    form = AccessEditor(people.cloud, people.target).load()
    assert "hcm-access-editor" in form._dom_classes
    assert form.status.text == "Loaded 3 people."
    owner = form.rows[0]
    assert owner.member.state == OWNER
    assert all(box.value and box.disabled for box in owner.boxes.values())
    assert owner.remove.disabled and owner.undo.disabled
    collaborator = row(form, ana)
    assert collaborator.member.state == COLLABORATOR
    assert [box.value for box in collaborator.boxes.values()] == [False, False, True]
    assert not any(box.disabled for box in collaborator.boxes.values())
    invited = row(form, bo)
    assert invited.member.state == INVITED
    assert [box.value for box in invited.boxes.values()] == [False, True, False]
    assert all(box.disabled for box in invited.boxes.values()) and not invited.remove.disabled
    # Nothing to do yet: neither Review nor Save.
    assert form.review_button.disabled and form.save_button.disabled


def test_tick_untick_invite_remove_review_and_save(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    cy, _ = people.collaborator("cy", "graphql_admin")
    dee = people.invited("dee", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")
    tick(form, ana, "view_metrics", False)
    row(form, cy).remove.value = True
    row(form, dee).remove.value = True
    bo = people.email("bo")
    form.invite.email_input.value = bo
    form.invite.boxes["graphql_admin"].value = True
    assert row(form, ana).state == "changed" and row(form, cy).state == "removed"
    assert "hcm-removed" in row(form, cy).box._dom_classes
    assert form.save_button.disabled  # reviewed first
    form.review_button.click()
    assert form.changes() == [
        f"{ana}: +admin -view_metrics",
        f"remove {cy}",
        f"revoke the invitation of {dee}",
        f"invite {bo} (graphql_admin)",
    ]
    for line in form.changes():
        assert line in form.review.value.replace("&#x27;", "'")
    assert form.status.text == "Review: 4 changes. Save to apply them."
    assert not form.save_button.disabled
    form.save_button.click()
    assert (form.status.kind, form.status.text) == ("success", "Saved 4 changes."), form.status.text
    now = people.access()
    assert now[ana] == (COLLABORATOR, ("admin",))
    assert cy not in now and dee not in now
    assert now[bo] == (INVITED, ("graphql_admin",))
    # The grid is read again: bo is a row now, the invite row is empty, nothing is pending.
    assert row(form, bo).member.state == INVITED and form.invite.blank
    assert form.edits().empty and form.save_button.disabled
    entries = [(e.action, e.keys, e.outcome) for e in form.journal.entries()]
    assert entries == [
        ("access change", (ana,), "applied"),
        ("access remove", (cy,), "applied"),
        ("access revoke", (dee,), "applied"),
        ("access invite", (bo,), "applied"),
    ]


def test_an_edit_after_the_review_asks_for_a_new_review(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")
    form.review_button.click()
    assert not form.save_button.disabled
    tick(form, ana, "graphql_admin")
    assert form.save_button.disabled and form.review.value == ""
    form.save_button.click()  # clicked anyway (from code): it shows the review instead
    assert form.status.kind == "warning" and "then Save again" in form.status.text
    assert f"{ana}: +admin +graphql_admin" in form.review.value
    assert people.access()[ana] == (COLLABORATOR, ("view_metrics",))  # nothing sent
    form.save_button.click()
    assert form.status.kind == "success", form.status.text
    assert people.access()[ana] == (COLLABORATOR, PRIVILEGES)


def test_undo_puts_a_row_back(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")
    row(form, ana).remove.value = True
    assert all(box.disabled for box in row(form, ana).boxes.values())  # removed: no ticking
    row(form, ana).undo.click()
    assert row(form, ana).state == "" and form.edits().empty
    assert form.review_button.disabled and form.save_button.disabled


def test_nothing_to_save_sends_nothing(people: People) -> None:
    form = AccessEditor(people.cloud, people.target).load()
    form.save_button.click()
    assert form.status.text == "Nothing to save; nothing sent."
    assert list(form.journal.entries()) == []


# ---------------------------------------------------------------- the invite row


@pytest.mark.parametrize(
    ("typed", "privileges", "problem"),
    [
        ("bo@", ("view_metrics",), "is not an e-mail address"),
        ("bo example.com", ("view_metrics",), "is not an e-mail address"),
        ("bo@example.com", (), "give at least one privilege"),
    ],
)
def test_the_invite_row_refuses_as_you_type(
    people: People, typed: str, privileges: tuple[str, ...], problem: str
) -> None:
    form = AccessEditor(people.cloud, people.target).load()
    for privilege in privileges:
        form.invite.boxes[privilege].value = True
    form.invite.email_input.value = typed
    assert problem in form.invite.error.value and form.invite.error.layout.display is None
    assert form.review_button.disabled and form.save_button.disabled
    form.review_button.click()  # clicked anyway (from code): refused with one line
    assert form.status.kind == "error" and problem in form.status.text
    assert "\n" not in form.status.text
    form.save_button.click()
    assert form.status.kind == "error"
    assert set(people.access()) == {form.rows[0].email}  # no one invited
    form.invite.email_input.value = ""  # blank: no invitation, no error
    assert form.invite.error.value == "" and form.invite.error.layout.display == "none"


def test_the_invite_row_refuses_someone_who_has_access(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    bo = people.invited("bo", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    form.invite.boxes["admin"].value = True
    for email in (ana.upper(), f" {bo} ", form.rows[0].email):
        form.invite.email_input.value = email
        assert "already has access to this project" in form.invite.error.value
        assert form.review_button.disabled


# ---------------------------------------------------------------- someone else meanwhile


def test_a_change_made_meanwhile_is_never_undone(people: People) -> None:
    ed, other = people.collaborator("ed", "admin")  # someone else, an admin
    ana, _ = people.collaborator("ana", "view_metrics")
    cy, _ = people.collaborator("cy", "view_metrics")
    dee, _ = people.collaborator("dee", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")  # ana is removed meanwhile: a conflict, not added back
    tick(form, cy, "graphql_admin")  # cy is granted admin meanwhile: kept
    row(form, dee).remove.value = True  # dee's privileges change meanwhile: not removed
    form.review_button.click()  # reviewed before the others act

    other.access.remove(people.collaborator_id(ana))
    other.access.change_privileges(people.collaborator_id(cy), ["admin"], [])
    other.access.change_privileges(people.collaborator_id(dee), ["graphql_admin"], [])

    form.save_button.click()
    assert form.status.kind == "warning", form.status.text
    assert form.status.text == (
        "Saved 1 change; 2 conflicts not written (someone else changed access meanwhile)."
    )
    outcome = form.outcome.value.replace("&#x27;", "'")
    assert f"{cy}: +graphql_admin" in outcome
    assert f"{ana} was removed meanwhile by someone else: not added back" in outcome
    assert f"{dee}'s privileges were changed meanwhile by someone else: not removed" in outcome
    now = people.access()
    assert ana not in now  # not added back
    assert now[cy] == (COLLABORATOR, ("admin", "graphql_admin", "view_metrics"))  # theirs kept
    assert now[dee] == (COLLABORATOR, ("graphql_admin", "view_metrics"))  # not removed
    assert now[ed] == (COLLABORATOR, ("admin",))
    # The grid shows the server now: ana gone, cy's three boxes ticked.
    assert form.row(ana) is None
    assert all(box.value for box in row(form, cy).boxes.values())
    entries = [(e.action, e.keys, e.outcome) for e in form.journal.entries()]
    assert entries == [
        ("access change", (cy,), "applied"),
        ("access change", (ana,), "conflict"),
        ("access remove", (dee,), "conflict"),
    ]


def test_what_someone_else_did_already_is_said_not_sent_again(people: People) -> None:
    _ed, other = people.collaborator("ed", "admin")
    ana, _ = people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "graphql_admin")
    bo = people.email("bo")
    form.invite.email_input.value = bo
    form.invite.boxes["view_metrics"].value = True
    form.review_button.click()
    other.access.change_privileges(people.collaborator_id(ana), ["graphql_admin"], [])
    other.access.invite(people.target.project_id, bo, ["admin"])
    form.save_button.click()
    assert (form.status.kind, form.status.text) == ("success", "2 already so.")
    assert people.access()[bo] == (INVITED, ("admin",))  # their invitation, not ours
    assert [e.outcome for e in form.journal.entries()] == ["unchanged", "unchanged"]


# ---------------------------------------------------------------- errors


def test_a_collaborator_without_admin_cannot_save(people: People) -> None:
    ana, theirs = people.collaborator("ana", "view_metrics")
    cy, _ = people.collaborator("cy", "view_metrics")
    form = AccessEditor(theirs, people.target).load()
    before = people.access()
    tick(form, cy, "admin")
    review_and_save(form)
    assert form.status.kind == "error", form.status.text
    assert form.status.text.startswith("refused: this token lacks the admin privilege")
    assert "\n" not in form.status.text and "Traceback" not in form.status.text
    assert people.access() == before
    assert form.edits().privileges == {cy: ("admin", "view_metrics")}  # kept for another try
    [entry] = form.journal.entries()
    assert (entry.action, entry.keys, entry.outcome) == ("access change", (cy,), "failed")
    assert ana in people.access()


def test_a_failure_midway_says_what_was_sent_and_saving_again_converges(
    people: People,
) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")
    bo = people.email("bo")
    form.invite.email_input.value = bo
    form.invite.boxes["view_metrics"].value = True
    form.review_button.click()
    people.emulator.faults.add("InviteCollaborator", "http503", times=None)
    try:
        form.save_button.click()
    finally:
        people.emulator.faults.clear()
    assert form.status.kind == "error", form.status.text
    assert form.status.text.endswith(f"; sent before it: {ana}: +admin; nothing more was sent"), (
        form.status.text
    )
    assert "\n" not in form.status.text
    now = people.access()
    assert now[ana] == (COLLABORATOR, ("admin", "view_metrics")) and bo not in now
    assert [(e.action, e.outcome) for e in form.journal.entries()] == [
        ("access change", "applied"),
        ("access invite", "may have applied"),  # a 503: the journal cannot tell
    ]
    form.save_button.click()  # the edits were kept: saving again does only what is left
    assert (form.status.kind, form.status.text) == ("success", "Saved 1 change; 1 already so.")
    assert people.access()[bo] == (INVITED, ("view_metrics",))


def test_a_project_gone_meanwhile_is_one_line(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")
    form.review_button.click()
    people.cloud.delete_tenant(people.target.tenant_id)
    form.save_button.click()
    assert form.status.kind == "error"
    assert form.status.text == f"{people.target.name} is not visible to this token any more"


# ---------------------------------------------------------------- secrets, close


def test_no_token_or_invite_key_is_in_widget_state(people: People) -> None:
    bo = people.email("bo")
    theirs = people.user(bo)
    people.cloud.access.invite(people.target.project_id, bo, ["view_metrics"])
    [invitation] = theirs.access.my_invitations()
    form = AccessEditor(people.cloud, people.target).load()
    state = widget_state(form) + repr(form) + str(form._repr_mimebundle_())
    assert bo in state
    assert people.emulator.token not in state and people.tokens[bo] not in state
    assert invitation.key not in state
    assert repr(form) == f"AccessEditor(project={people.target.name!r}, 2 people)"


def test_close_with_unsaved_changes_leaves_a_line(people: People) -> None:
    ana, _ = people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    tick(form, ana, "admin")
    form.close_button.click()
    [line] = form.children
    assert "Closed without saving 1 change." in line.value
    assert people.access()[ana] == (COLLABORATOR, ("view_metrics",))


def test_no_box_carries_a_tooltip(people: People) -> None:
    """JupyterLab fails to render a Box with a tooltip: tooltips go on inputs and buttons."""
    people.collaborator("ana", "view_metrics")
    form = AccessEditor(people.cloud, people.target).load()
    assert [w for w in all_widgets(form) if isinstance(w, widgets.Box) and w.tooltip] == []


# ---------------------------------------------------------------- the command


def test_the_magic_returns_the_loaded_form(
    ip: Any, people: People, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session = ip.find_magic("hasura").__self__.session
    monkeypatch.setattr(session.out, "rich", lambda: True)
    form = ip.run_cell(f"%hasura access {people.target.name}").result
    assert isinstance(form, AccessEditor) and form.target == people.target
    assert form.journal is session.journal and len(form.rows) == 1
    monkeypatch.setattr(session.out, "rich", lambda: False)  # a terminal gets a line instead
    assert ip.run_cell(f"%hasura access {people.target.name}").result is None
    assert "The access form is a Jupyter form" in capsys.readouterr().out
