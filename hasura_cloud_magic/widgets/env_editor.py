"""``%hasura env edit TARGET``: a conflict-safe env-var editor.

Load → edit (masked, validated as you type) → Review (masked diff) → Save (hash-checked,
hashes chained, nothing sent when nothing changed). Save follows the rule of ``env_writer``:
if someone else changed the env in the meantime, nothing is overwritten: the form reloads,
re-applies the edits to keys nobody else touched, and asks about each key changed on both
sides before it writes anything more. After a save, a second line follows the change's rollout
to the project's servers (in a background thread, so the notebook stays usable) and says when it
is live everywhere.
"""

from __future__ import annotations

import html
import threading
import uuid
from collections.abc import Callable

import ipywidgets as widgets

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import MASK
from hasura_cloud_magic.env_plan import (
    Conflict,
    EnvDiff,
    EnvEdits,
    plan_change,
    resolve,
)
from hasura_cloud_magic.env_vars import TenantEnv
from hasura_cloud_magic.env_writer import ASK, ConflictSafeWriter
from hasura_cloud_magic.errors import HasuraCloudError
from hasura_cloud_magic.journal import Journal
from hasura_cloud_magic.rollout import EnvRollout, wait_until_live
from hasura_cloud_magic.settings import DEFAULT_WAIT_TIMEOUT_SECONDS, POLL_INTERVAL_SECONDS
from hasura_cloud_magic.widgets.env_rows import EnvRowsEditor
from hasura_cloud_magic.widgets.guard import Form, FormStatus

MINE, THEIRS = "mine", "theirs"


def _describe(value: str | None) -> str:
    return "remove it" if value is None else f"set it ({MASK})"


class ConflictChoice:
    """One key changed on both sides: the person picks whose change wins."""

    def __init__(self, conflict: Conflict, on_change: Callable[[], None]) -> None:
        self.conflict = conflict
        self.choice = widgets.RadioButtons(
            options=[
                (f"keep mine: {_describe(conflict.mine)}", MINE),
                (f"take theirs: {_describe(conflict.theirs)}", THEIRS),
            ],
            value=None,
        )
        self.choice.observe(lambda _: on_change(), "value")
        self.box = widgets.VBox(
            [
                widgets.HTML(f"<b>{html.escape(conflict.key)}</b> changed here and remotely:"),
                self.choice,
            ]
        )
        self.box.add_class("hcm-conflict")


class _FormClosed(Exception):
    """The form was closed while it followed a rollout."""


class EnvEditor(Form, widgets.VBox):  # type: ignore[misc]
    """Edit one project's env vars safely. Drive it with ``.rows``, ``.save_button.click()``."""

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
        self.conflict_box = widgets.VBox()
        self.choices: list[ConflictChoice] = []
        self._base: TenantEnv | None = None
        self._pending = EnvEdits()
        self._wire(
            (self.review_button, self.show_review),
            (self.save_button, self.save),
            (self.reload_button, self.load),
            (self.close_button, self.close),
        )
        super().__init__(
            [
                widgets.HTML(f"<b>Env vars of {html.escape(project_name)}</b>"),
                self.rows.box,
                self.conflict_box,
                widgets.HBox(
                    [self.review_button, self.save_button, self.reload_button, self.close_button]
                ),
                self.review,
                self.status,
                self.rollout_status,
            ]
        )
        self.add_class("hcm-env-editor")

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
            self.rows.clear_secrets()  # read: the edits stay in Python, not in widget state
            self.review.value = diff.without_values("Changes to save")._repr_html_()
            self.status.show(f"Review: {diff.summary()}.")

    def save(self) -> None:
        diff = self._diff()
        if diff is None or self._base is None:
            return
        if diff.empty:
            self.status.show("Nothing to save; nothing sent.")
            return
        edits = self._edits()
        self.rows.clear_secrets()  # read: the edits stay in Python, not in widget state
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

    def close(self) -> None:
        """Forget every typed or revealed value, stop following a rollout, close the form."""
        self._closing.set()
        self.rows.clear_secrets()
        self.review.value = ""
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

    def _edits(self) -> EnvEdits:
        decided = {c.conflict.key for c in self.choices if c.choice.value == MINE}
        return resolve(self.rows.edits(), [c.conflict for c in self.choices], decided)

    def _diff(self) -> EnvDiff | None:
        problems = self.rows.problems()
        undecided = [c.conflict.key for c in self.choices if c.choice.value is None]
        if problems:
            self.status.error("Fix first: " + "; ".join(problems))
            return None
        if undecided:
            self.status.error("Decide first, mine or theirs: " + ", ".join(undecided))
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
        self.choices = [ConflictChoice(conflict, self._refresh) for conflict in conflicts]
        self.conflict_box.children = [choice.box for choice in self.choices]

    def _refresh(self) -> None:
        problems = self.rows.problems()
        self.save_button.disabled = bool(problems)
        self.review_button.disabled = bool(problems)
