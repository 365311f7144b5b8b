"""``%hasura access TARGET``: who has access to a project, as a grid of checkboxes.

Load → tick / clear privileges, remove people, invite someone (the e-mail checked as you
type) → Review (each change in words) → Save. Save follows the rule of
:func:`hasura_cloud_magic.team.plan_save`: it reads the access again and sends only what the
person changed, so a change someone else made in the meantime is never undone; what was
already so is said, and each conflict (privileges edited for someone removed meanwhile,
removing someone whose privileges were changed meanwhile) is one line, not written. Then the
grid is read again. Every step is journaled (``access invite``, ``access revoke``,
``access remove``, ``access change``). Save is enabled once the changes are reviewed; a new
edit asks for a new review. No invite key and no token is ever in the form.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import COLOURS, plural
from hasura_cloud_magic.errors import HasuraCloudError, NotFoundError
from hasura_cloud_magic.journal import CONFLICT, UNCHANGED, Journal, PendingEntry
from hasura_cloud_magic.results.access import INVITED, ProjectAccess
from hasura_cloud_magic.targets import Target
from hasura_cloud_magic.team import (
    CHANGE_PRIVILEGES,
    REMOVE_COLLABORATOR,
    REVOKE_INVITATION,
    SEND_INVITE,
    AccessEdits,
    SaveNote,
    SavePlan,
    apply_steps,
    plan_save,
)
from hasura_cloud_magic.widgets.access_rows import (
    GRID_CSS,
    InviteRow,
    MemberRow,
    header,
)
from hasura_cloud_magic.widgets.guard import Form, FormStatus, close_tree

#: How the journal names each kind of step.
JOURNAL_ACTIONS = {
    SEND_INVITE: "access invite",
    REVOKE_INVITATION: "access revoke",
    REMOVE_COLLABORATOR: "access remove",
    CHANGE_PRIVILEGES: "access change",
}
EDITOR_CSS = """<style>
.hcm-access-editor .hcm-review ul, .hcm-access-editor .hcm-outcome ul {
  margin: 4px 0; padding-left: 1.5em;
}
.hcm-access-editor .hcm-review li, .hcm-access-editor .hcm-outcome li {
  font-family: var(--jp-code-font-family, monospace); line-height: 1.5;
}
</style>"""


def _list(title: str, lines: list[tuple[str, str]]) -> str:
    """An HTML list under a bold title; each line ``(text, kind)`` coloured by its kind."""
    items = "".join(
        f'<li class="hcm-{kind}" style="color:{COLOURS[kind]}">{html.escape(text)}</li>'
        for text, kind in lines
    )
    return f"<b>{html.escape(title)}</b><ul>{items}</ul>"


class AccessEditor(Form, widgets.VBox):  # type: ignore[misc]
    """Edit who has access to one project. Drive it with ``.rows``, ``.invite``, the buttons."""

    children: tuple[widgets.Widget, ...]

    def __init__(
        self, cloud: HasuraCloud, target: Target, *, journal: Journal | None = None
    ) -> None:
        """``journal``: where saves are recorded (the session's; default: the form's own)."""
        self.cloud, self.target = cloud, target
        self.journal = journal if journal is not None else Journal()
        self.status = FormStatus()
        self.rows: list[MemberRow] = []
        self.invite = InviteRow(self._refresh, chars=0)
        # A long e-mail in a narrow notebook: the grid scrolls sideways rather than cut a column.
        self.grid = widgets.VBox(layout={"overflow": "auto"})
        self.grid.add_class("hcm-access-grid")
        self.review_button = widgets.Button(description="Review", icon="list")
        self.save_button = widgets.Button(description="Save", icon="check", button_style="primary")
        self.reload_button = widgets.Button(description="Reload", icon="refresh")
        self.close_button = widgets.Button(description="Close", icon="times")
        self.review = widgets.HTML()
        self.review.add_class("hcm-review")
        #: What the last save did, what was already so, and its conflicts: one line each.
        self.outcome = widgets.HTML()
        self.outcome.add_class("hcm-outcome")
        self.closed = False
        self._base: ProjectAccess | None = None
        self._reviewed: AccessEdits | None = None
        self._wire(
            (self.review_button, self.show_review),
            (self.save_button, self.save),
            (self.reload_button, self.load),
            (self.close_button, self.close),
        )
        super().__init__(
            [
                widgets.HTML(EDITOR_CSS),
                widgets.HTML(f"<b>Who has access to {html.escape(target.name)}</b>"),
                self.grid,
                widgets.HBox(
                    [self.review_button, self.save_button, self.reload_button, self.close_button]
                ),
                self.review,
                self.outcome,
                self.status,
            ]
        )
        self.add_class("hcm-access-editor")
        self._refresh()

    def __repr__(self) -> str:
        return f"AccessEditor(project={self.target.name!r}, {len(self.rows)} people)"

    # ------------------------------------------------------------ actions

    def load(self) -> AccessEditor:
        """(Re)read who has access; drops unsaved edits."""
        self._set_base(self._read())
        self.invite.clear()
        self.outcome.value = ""
        count = len(self.rows)
        self.status.show(f"Loaded {count} {'person' if count == 1 else 'people'}.")
        return self

    def row(self, email: str) -> MemberRow | None:
        """The row of this e-mail (a collaborator's before an invitation's)."""
        found = [r for r in self.rows if r.member.same_email(email)]
        found.sort(key=lambda r: r.member.state == INVITED)
        return found[0] if found else None

    def edits(self) -> AccessEdits:
        """What Save would send, relative to the access the form loaded."""
        privileges = {
            r.email: r.ticked() for r in self.rows if r.privileges_changed and not r.removed
        }
        remove = frozenset(r.email for r in self.rows if r.removed)
        invitation = self.invite.invitation()
        invite = dict([invitation]) if invitation else {}
        return AccessEdits(privileges, remove, invite)

    def changes(self) -> list[str]:
        """Each change in words, as the review lists them."""
        lines = [line for r in self.rows if (line := r.describe())]
        invitation = self.invite.invitation()
        if invitation:
            email, privileges = invitation
            lines.append(f"invite {email} ({', '.join(privileges)})")
        return lines

    def show_review(self) -> None:
        if not self._ready():
            return
        changes = self.changes()
        self.review.value = _list("Changes to save", [(line, "info") for line in changes])
        self._reviewed = self.edits()
        self.save_button.disabled = False
        self.status.show(f"Review: {plural(len(changes), 'change')}. Save to apply them.")

    def save(self) -> None:
        if not self._ready():
            return
        edits = self.edits()
        if edits != self._reviewed:  # what is saved has been seen first
            self.show_review()
            self.status.show("Check the changes listed above, then Save again.", "warning")
            return
        assert self._base is not None  # _ready
        base, current = self._base, self._read()
        plan = plan_save(base, edits, current)
        done, already = self._apply(plan)
        if done is None:
            return  # the error is in the status line; the edits are kept for another try
        self._journal_unsent(base, edits, plan)
        self._set_base(self._read())
        self.invite.clear()
        self.review.value = ""
        lines = [(line, "success") for line in done]
        lines += [(line, "info") for line in already]
        lines += [(note.text, "warning") for note in plan.conflicts]
        self.outcome.value = _list("Saved", lines) if lines else ""
        self.status.show(*self._summary(done, already, plan.conflicts))

    def unsaved_changes(self) -> list[str]:
        return self.changes()

    def close(self) -> None:
        """Close the form; with unsaved edits, a line stays: "Closed without saving N
        changes." (nothing is sent)."""
        unsaved = 0 if self.closed else len(self.unsaved_changes())
        self.closed = True
        if not unsaved:
            super().close()
            return
        parts, line = list(self.children), FormStatus("hcm-closed")
        line.show(f"Closed without saving {plural(unsaved, 'change')}.", "warning")
        self.children = (line,)
        for part in parts:
            close_tree(part)

    # ------------------------------------------------------------ internals

    def _read(self) -> ProjectAccess:
        found = self.cloud.access.read([self.target.project_id])
        if not found:
            raise NotFoundError(f"{self.target.name} is not visible to this token any more")
        return found[0]

    def _apply(self, plan: SavePlan) -> tuple[list[str] | None, list[str]]:
        """Send the steps in order, one journal entry each; stop at the first error (shown
        in the status line: then ``None`` for what was done)."""
        done: list[str] = []
        already = [note.text for note in plan.already]
        for step in plan.steps:
            what = step.describe()
            try:
                with self.journal.writing(
                    JOURNAL_ACTIONS[step.action], self.target.name, keys=(step.email,)
                ) as entry:
                    entry.detail = what
                    if apply_steps(self.cloud.access, self.target.project_id, [step]):
                        done.append(what)
                    else:
                        entry.outcome = UNCHANGED
                        entry.detail = f"{what}: already so (someone else did it)"
                        already.append(entry.detail)
            except HasuraCloudError as error:
                sent = f"; sent before it: {'; '.join(done)}; nothing more was sent" if done else ""
                self.status.error(f"{error}{sent}")
                return None, already
        return done, already

    def _journal_unsent(self, base: ProjectAccess, edits: AccessEdits, plan: SavePlan) -> None:
        """What Save did not send: already so (unchanged) or a conflict, one entry each."""
        for notes, outcome in ((plan.already, UNCHANGED), (plan.conflicts, CONFLICT)):
            for note in notes:
                self.journal.record(
                    PendingEntry(
                        _action_of(note.email, base, edits),
                        self.target.name,
                        (note.email,),
                        outcome=outcome,
                        detail=note.text,
                    )
                )

    @staticmethod
    def _summary(
        done: list[str], already: list[str], conflicts: tuple[SaveNote, ...]
    ) -> tuple[str, str]:
        parts = []
        if done:
            parts.append(f"saved {plural(len(done), 'change')}")
        if already:
            parts.append(f"{len(already)} already so")
        if conflicts:
            parts.append(
                f"{plural(len(conflicts), 'conflict')} not written "
                "(someone else changed access meanwhile)"
            )
        text = "; ".join(parts) or "nothing left to save"
        return f"{text[0].upper()}{text[1:]}.", "warning" if conflicts else "success"

    def _ready(self) -> bool:
        """Something valid to save, or the reason why not in the status line."""
        problem = self.invite.problem()
        if problem:
            self.status.error(f"Fix first: {problem}")
            return False
        if self._base is None:
            self.status.error("Not loaded yet.")
            return False
        if self.edits().empty:
            self.status.show("Nothing to save; nothing sent.")
            return False
        return True

    def _set_base(self, access: ProjectAccess) -> None:
        self._base = access
        chars = max(len(m.email) for m in access.members)
        self.rows = [MemberRow(member, self._refresh, chars=chars) for member in access.members]
        self.invite = InviteRow(self._refresh, chars=chars)
        self.invite.set_taken(m.email for m in access.members)
        self.grid.children = [
            widgets.HTML(GRID_CSS),
            header(chars),
            *(r.box for r in self.rows),
            self.invite.box,
        ]
        self._refresh()

    def _refresh(self) -> None:
        """After every edit: Review only with something valid to save, Save only once that
        is reviewed, the stale status, review and outcome cleared."""
        nothing = self._base is None or self.edits().empty
        problem = self.invite.problem() is not None
        self.review_button.disabled = nothing or problem
        self.save_button.disabled = nothing or problem or self.edits() != self._reviewed
        if self.status.text:
            self.status.clear()
        for shown in (self.review, self.outcome):
            if shown.value:
                shown.value = ""
        if self._reviewed is not None and self.edits() != self._reviewed:
            self._reviewed = None


def _action_of(email: str, base: ProjectAccess, edits: AccessEdits) -> str:
    if email in edits.invite:
        return JOURNAL_ACTIONS[SEND_INVITE]
    if email in edits.remove:
        member = base.member(email)
        revoking = member is not None and member.state == INVITED
        return JOURNAL_ACTIONS[REVOKE_INVITATION if revoking else REMOVE_COLLABORATOR]
    return JOURNAL_ACTIONS[CHANGE_PRIVILEGES]
