"""``%hasura env edit TARGET``: a conflict-safe env-var editor.

Load → edit (masked, validated as you type) → Review (masked diff) → Save (hash-checked,
hashes chained, nothing sent when nothing changed). Save follows the rule of ``env_writer``:
if someone else changed the env in the meantime, nothing is overwritten: the form reloads,
re-applies the edits to keys nobody else touched, and asks about each key changed on both
sides before it writes anything more ("Keep my value" / "Use the value now on the server", both
values shown only on request); a decision shows in its row, so the rows' badges (added, changed,
removed) are always what Save sends. After a save, a second line follows the change's rollout
to the project's servers (in a background thread, so the notebook stays usable) and says when it
is live everywhere. Close with unsaved edits asks first (Save and close / Discard and close);
discarded edits leave a line where the form was.
"""

from __future__ import annotations

import html
import threading
import uuid
from collections.abc import Callable

import ipywidgets as widgets

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import plural
from hasura_cloud_magic.env_plan import (
    Conflict,
    EnvDiff,
    EnvEdits,
    plan_change,
)
from hasura_cloud_magic.env_vars import TenantEnv
from hasura_cloud_magic.env_writer import ASK, ConflictSafeWriter
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.journal import Journal
from hasura_cloud_magic.rollout import EnvRollout, wait_until_live
from hasura_cloud_magic.settings import DEFAULT_WAIT_TIMEOUT_SECONDS, POLL_INTERVAL_SECONDS
from hasura_cloud_magic.widgets.env_rows import EnvRowsEditor
from hasura_cloud_magic.widgets.guard import Form, FormStatus, close_tree

MINE, THEIRS = "mine", "theirs"

#: The review table in the notebook's table style (the HTML widget is outside the notebook's
#: rendered-HTML styles): padded, left-aligned, a rule under the header, striped rows.
EDITOR_CSS = """<style>
.hcm-env-editor .hcm-review table {
  border-collapse: collapse; border-spacing: 0; border: none; margin: 6px 0;
  font-size: var(--jp-ui-font-size1, 13px);
}
.hcm-env-editor .hcm-review caption { padding: 0 0 4px 0; }
.hcm-env-editor .hcm-review th, .hcm-env-editor .hcm-review td {
  text-align: left; vertical-align: top; padding: 0.4em 1em 0.4em 0.5em; line-height: normal;
}
.hcm-env-editor .hcm-review thead {
  border-bottom: var(--jp-border-width, 1px) solid var(--jp-border-color1, #bdbdbd);
}
.hcm-env-editor .hcm-review tbody tr:nth-child(even) {
  background: var(--jp-rendermime-table-row-background, #f5f5f5);
}
.hcm-env-editor .hcm-review tbody tr:hover {
  background: var(--jp-rendermime-table-row-hover-background, #e1f2fe);
}
.hcm-env-editor .hcm-review small { display: block; padding-left: 0.5em; }
.hcm-env-editor .hcm-conflict { margin: 4px 0; }
.hcm-env-editor .hcm-conflict-values code { white-space: pre-wrap; overflow-wrap: anywhere; }
</style>"""


def _shown(value: str | None) -> str:
    if value is None:
        return "<i>removed</i>"
    return f"<code>{html.escape(value)}</code>"


class ConflictChoice:
    """One key changed on both sides: the person picks whose change wins.

    The two values stay hidden until "Show values" is pressed; they are in widget state only
    while shown (the form hides them again on Review, Save and Close)."""

    def __init__(self, conflict: Conflict, on_change: Callable[[], None]) -> None:
        self.conflict = conflict
        mine = "Keep my removal" if conflict.mine is None else "Keep my value"
        theirs = (
            "Keep it removed, as on the server now"
            if conflict.theirs is None
            else "Use the value now on the server"
        )
        self.choice = widgets.RadioButtons(
            options=[(mine, MINE), (theirs, THEIRS)], value=None, layout={"width": "auto"}
        )
        self.choice.observe(lambda _: on_change(), "value")
        self.show_values = widgets.ToggleButton(
            description="Show values",
            icon="eye",
            tooltip="Show my value and the value now on the server",
            layout={"width": "auto", "margin": "0 0 0 16px"},
        )
        self.show_values.observe(self._toggle, "value")
        self.values = widgets.HTML()
        self.values.add_class("hcm-conflict-values")
        what = (
            "you removed it, the server has a new value"
            if conflict.mine is None
            else "the server removed it"
            if conflict.theirs is None
            else "you and someone else set different values"
        )
        self.box = widgets.VBox(
            [
                widgets.HTML(
                    f"<b>{html.escape(conflict.key)}</b> changed here and on the server since "
                    f"it was loaded ({what}):"
                ),
                widgets.HBox([self.choice, self.show_values], layout={"align_items": "center"}),
                self.values,
            ]
        )
        self.box.add_class("hcm-conflict")

    def hide(self) -> None:
        """Hide both values again (and forget them in widget state)."""
        self.show_values.value = False
        self.values.value = ""

    def _toggle(self, change: dict[str, object]) -> None:
        if change["new"]:
            self.values.value = (
                f"Mine: {_shown(self.conflict.mine)}<br>"
                f"On the server now: {_shown(self.conflict.theirs)}"
            )
            self.show_values.description, self.show_values.icon = "Hide values", "eye-slash"
        else:
            self.values.value = ""
            self.show_values.description, self.show_values.icon = "Show values", "eye"


class _FormClosed(Exception):
    """The form was closed while it followed a rollout."""


class EnvEditor(Form, widgets.VBox):  # type: ignore[misc]
    """Edit one project's env vars safely. Drive it with ``.rows``, ``.save_button.click()``."""

    children: tuple[widgets.Widget, ...]

    def __init__(
        self,
        cloud: HasuraCloud,
        tenant_id: uuid.UUID,
        project_name: str,
        *,
        poll_interval: float = POLL_INTERVAL_SECONDS,
        rollout_timeout: float = DEFAULT_WAIT_TIMEOUT_SECONDS,
        journal: Journal | None = None,
    ) -> None:
        """``journal``: where saves are recorded (the session's; default: the form's own)."""
        self.cloud, self.tenant_id, self.project_name = cloud, tenant_id, project_name
        self.journal = journal if journal is not None else Journal()
        self.poll_interval, self.rollout_timeout = poll_interval, rollout_timeout
        #: Follows the last save's rollout; ``join()`` it to wait for the status line.
        self.rollout_watch: threading.Thread | None = None
        self._closing = threading.Event()
        self.status = FormStatus()
        #: The last save's rollout: "rolling out…", then "live on every server".
        self.rollout_status = FormStatus("hcm-rollout")
        self.rows = EnvRowsEditor(self._refresh, self._guarded)
        self.review_button = widgets.Button(description="Review", icon="list")
        self.save_button = widgets.Button(description="Save", icon="check", button_style="primary")
        self.reload_button = widgets.Button(description="Reload", icon="refresh")
        self.close_button = widgets.Button(description="Close", icon="times")
        self.review = widgets.HTML()
        self.review.add_class("hcm-review")
        self.conflict_box = widgets.VBox()
        self.choices: list[ConflictChoice] = []
        #: Close with unsaved edits asks first: "N unsaved changes", Save / Discard.
        self.confirm_text = widgets.HTML()
        whole = {"width": "auto"}  # labels never cut
        self.confirm_save_button = widgets.Button(
            description="Save and close", icon="check", button_style="primary", layout=whole
        )
        self.discard_button = widgets.Button(
            description="Discard and close", icon="trash", button_style="danger", layout=whole
        )
        self.keep_editing_button = widgets.Button(
            description="Keep editing", icon="pencil", layout=whole
        )
        self.confirm_box = widgets.HBox(
            [
                self.confirm_text,
                self.confirm_save_button,
                self.discard_button,
                self.keep_editing_button,
            ],
            layout={"display": "none", "align_items": "center"},
        )
        self.confirm_box.add_class("hcm-confirm-close")
        self.closed = False
        self._base: TenantEnv | None = None
        self._wire(
            (self.review_button, self.show_review),
            (self.save_button, self.save),
            (self.reload_button, self.load),
            (self.close_button, self.request_close),
            (self.confirm_save_button, self.save_and_close),
            (self.discard_button, self.close),
            (self.keep_editing_button, self._hide_confirm),
        )
        super().__init__(
            [
                widgets.HTML(EDITOR_CSS),
                widgets.HTML(f"<b>Env vars of {html.escape(project_name)}</b>"),
                self.rows.box,
                self.conflict_box,
                widgets.HBox(
                    [self.review_button, self.save_button, self.reload_button, self.close_button]
                ),
                self.confirm_box,
                self.review,
                self.status,
                self.rollout_status,
            ]
        )
        self.add_class("hcm-env-editor")
        self._refresh()

    def __repr__(self) -> str:
        keys = len(self.rows.rows)
        return f"EnvEditor(project={self.project_name!r}, {keys} variables; values not shown)"

    # ------------------------------------------------------------ actions

    def load(self) -> EnvEditor:
        """(Re)read the env from the API; drops unsaved edits."""
        self._set_base(self.cloud.get_env(self.tenant_id))
        self._set_conflicts([])
        self.status.show(f"Loaded {len(self.rows.rows)} variables.")
        return self

    def show_review(self) -> None:
        diff = self._diff()
        if diff is not None:
            self._forget_secrets()  # read: the edits stay in Python, not in widget state
            self.review.value = diff.without_values("Changes to save")._repr_html_()
            self.status.show(f"Review: {diff.summary()}.")

    def save(self) -> None:
        diff = self._diff()
        if diff is None or self._base is None:
            return
        if diff.empty:
            self._set_conflicts([])  # every conflict went their way: nothing left to decide
            self.status.show("Nothing to save; nothing sent.")
            return
        edits = self._edits()
        self._forget_secrets()  # read: the edits stay in Python, not in widget state
        writer = ConflictSafeWriter(
            self.cloud, self.tenant_id, edits, base=self._base, on_conflict=ASK
        )
        keys = sorted({*edits.set_values, *edits.removed})
        with self.journal.writing(
            "env edit", self.project_name, keys=keys, hash_before=self._base.hash
        ) as entry:
            outcome = writer.run()
            entry.hash_after = outcome.final_hash
            if writer.asking:  # nothing written yet: the person decides first
                entry.outcome, entry.detail = "conflict", "asked which change wins"
        assert writer.base is not None  # read or written by now
        if writer.asking:
            self._ask(writer.base, writer.pending, writer.asking)
            return
        self._set_base(writer.base)
        self._set_conflicts([])
        self.review.value = ""
        rebased = " (re-applied on top of a newer env)" if outcome.rebased else ""
        self.status.show(f"Saved: {diff.summary()}.{rebased}", "success")
        self._watch_rollout(writer.base.hash)

    def unsaved_changes(self) -> list[str]:
        """The keys whose edits Save has not sent yet (an undecided conflict counts)."""
        keys = self.rows.unsaved()
        keys += [
            choice.conflict.key
            for choice in self.choices
            if choice.choice.value is None and choice.conflict.key not in keys
        ]
        return keys

    def request_close(self) -> None:
        """The Close button: at once if nothing is unsaved, else ask "Save / Discard" first."""
        if not self.unsaved_changes():
            self.close()
            return
        self._show_confirm()
        self.confirm_box.layout.display = None

    def save_and_close(self) -> None:
        """Save, and close if it saved (a conflict or an error keeps the form open)."""
        self._hide_confirm()
        self.save()
        if self.status.kind == "success":
            self._close_leaving(f"{self.status.text} The form is closed.", "success")

    def close(self) -> None:
        """Forget every typed or revealed value, stop following a rollout, close the form.

        With unsaved edits, a line stays where the form was: "Closed without saving N
        changes." (the edits are dropped; nothing is sent)."""
        unsaved = 0 if self.closed else len(self.unsaved_changes())
        if unsaved:
            self._close_leaving(f"Closed without saving {plural(unsaved, 'change')}.", "warning")
            return
        self._stop()
        super().close()

    # ------------------------------------------------------------ rollout

    def _watch_rollout(self, env_hash: str) -> None:
        line = self.rollout_status

        def show(rollout: EnvRollout) -> None:
            line.show(f"Env rollout: {rollout.describe()}…")

        def pause(seconds: float) -> None:
            if self._closing.wait(seconds):
                raise _FormClosed

        def watch() -> None:
            try:
                wait_until_live(
                    self.cloud,
                    self.tenant_id,
                    env_hash,
                    name=self.project_name,
                    timeout=self.rollout_timeout,
                    interval=self.poll_interval,
                    on_update=show,
                    sleep=pause,
                )
            except _FormClosed:
                return
            except HasuraCloudError as error:
                line.show(str(error), "warning")
                return
            except Exception as error:  # a thread has nowhere else to say it
                line.show(f"Could not follow the rollout ({type(error).__name__}).", "warning")
                return
            line.show("Env rollout: live on every server.", "success")

        self.rollout_watch = threading.Thread(target=watch, name="hcm-rollout", daemon=True)
        self.rollout_watch.start()

    # ------------------------------------------------------------ internals

    def _stop(self) -> None:
        self.closed = True
        self._closing.set()
        self._forget_secrets()
        self.review.value = ""

    def _close_leaving(self, text: str, kind: str) -> None:
        """Close every part of the form but one line saying what happened."""
        self._stop()
        parts, line = list(self.children), FormStatus("hcm-closed")
        line.show(text, kind)
        self.children = (line,)
        for part in parts:
            close_tree(part)

    def _forget_secrets(self) -> None:
        self.rows.clear_secrets()
        for choice in self.choices:
            choice.hide()

    def _show_confirm(self) -> None:
        count = len(self.unsaved_changes())
        self.confirm_text.value = html.escape(f"{plural(count, 'unsaved change')}:")

    def _hide_confirm(self) -> None:
        self.confirm_box.layout.display = "none"

    def _edits(self) -> EnvEdits:
        """What Save sends: the rows (a conflict's decision is shown in its row)."""
        return self.rows.edits()

    def _diff(self) -> EnvDiff | None:
        problems = self.rows.problems()
        undecided = [c.conflict.key for c in self.choices if c.choice.value is None]
        if problems:
            self.status.error("Fix first: " + "; ".join(problems))
            return None
        if undecided:
            self.status.error("Decide first which value to keep: " + ", ".join(undecided))
            return None
        if self._base is None:
            self.status.error("Not loaded yet.")
            return None
        edits = self._edits()
        return plan_change(self._base, edits.set_values, edits.removed)

    def _ask(self, remote: TenantEnv, kept: EnvEdits, conflicts: list[Conflict]) -> None:
        """Someone saved first: show their env, re-apply our other edits, ask about the rest."""
        self._set_base(remote)
        self.rows.apply(kept)
        self._set_conflicts(conflicts)
        self.status.show(
            f"The env changed since it was loaded. Your other edits are re-applied; decide "
            f"{len(conflicts)} conflict(s), then Save again.",
            "warning",
        )

    def _set_base(self, env: TenantEnv) -> None:
        self._base = env
        self.rows.load(env.values)

    def _set_conflicts(self, conflicts: list[Conflict]) -> None:
        for choice in self.choices:
            choice.hide()
        self.choices = []
        for conflict in conflicts:
            choice = ConflictChoice(conflict, lambda: None)
            choice.choice.observe(
                self._guarded(lambda _change, decided=choice: self._decide(decided)), "value"
            )
            self.choices.append(choice)
        self.conflict_box.children = [choice.box for choice in self.choices]
        self._mark_conflict_rows()
        self._refresh()

    def _decide(self, choice: ConflictChoice) -> None:
        """Show a conflict's decision in its row, so the rows are what Save sends."""
        conflict, row = choice.conflict, self.rows.row(choice.conflict.key)
        if choice.choice.value == MINE:
            if conflict.mine is None:
                if row is not None and not row.is_new:
                    row.remove.value = True
                elif row is not None:
                    self.rows.delete(row)
            elif row is None:
                self.rows.add_row(conflict.key, conflict.mine)
            else:
                row.remove.value = False
                row.set_value(conflict.mine)
        elif choice.choice.value == THEIRS and row is not None:
            if row.is_new:
                self.rows.delete(row)
            else:
                row.reset()
        self._mark_conflict_rows()
        self._refresh()

    def _mark_conflict_rows(self) -> None:
        undecided = {c.conflict.key for c in self.choices if c.choice.value is None}
        for row in self.rows.rows:
            if row.conflict != (row.key in undecided):
                row.mark_conflict(row.key in undecided)

    def _refresh(self) -> None:
        """After every edit: Save and Review only when there is something to do, the stale
        status line cleared, an open "unsaved changes" question kept up to date."""
        problems = self.rows.problems()
        undecided = any(choice.choice.value is None for choice in self.choices)
        nothing = self.rows.edits().empty and not self.choices
        self.save_button.disabled = bool(problems) or undecided or nothing
        self.review_button.disabled = bool(problems) or undecided or nothing
        if self.status.text:  # what it said is stale now, and so is a review
            self.status.clear()
        if self.review.value:
            self.review.value = ""
        if self.confirm_box.layout.display != "none":
            if self.unsaved_changes():
                self._show_confirm()
            else:
                self._hide_confirm()
