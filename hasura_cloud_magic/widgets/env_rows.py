"""Rows of env vars: masked values, reveal, remove, undo, validation as you type.

A row's original value lives in Python only. The Password field of a loaded row holds only
what the person typed; the reveal field holds the value only while revealed. A new row's value
is a plain text field, so the person sees what they type (it is theirs, not the server's); it is
cleared like the others on Review, Save and Close, and a saved row is masked.

Each row shows its state as Save would send it (a badge: added, changed, removed, conflict),
a removed row is struck through, and a row's error sits on its own line under it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets

from hasura_cloud_magic.display import COLOURS, MASK, Message
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.env_vars import ENV_KEY_PATTERN, PLATFORM_MANAGED_KEYS

_HIDDEN = "none"
#: Row states, as Save would send them ("" = unchanged: no badge).
ADDED, CHANGED, REMOVED, CONFLICT = "added", "changed", "removed", "conflict"
_BADGE_COLOURS = {
    ADDED: COLOURS["success"],
    CHANGED: COLOURS["warning"],
    REMOVED: COLOURS["error"],
    CONFLICT: "#8250df",
}
MANAGED_TOOLTIP = "Managed by Hasura Cloud: read only"
#: Icon-only buttons: a small fixed width, so a row fits a narrow notebook.
_ICON_LAYOUT = {"width": "32px", "min_width": "32px", "padding": "0", "flex": "0 0 auto"}
_VALUE_LAYOUT = {"width": "auto", "min_width": "8em", "flex": "1 1 12em"}
#: The key column is as wide as the longest key (monospace, so ``ch`` is exact), within bounds.
_KEY_MIN_CHARS, _KEY_MAX_CHARS = 16, 64
#: Scoped to the rows (the editor and the wizard's env step); a ``<style>`` in an HTML widget.
ROWS_CSS = """<style>
.hcm-env-rows .hcm-env-key, .hcm-env-rows .hcm-env-key input {
  font-family: var(--jp-code-font-family, monospace);
}
.hcm-env-rows .hcm-removed .hcm-env-key input { text-decoration: line-through; }
.hcm-env-rows .hcm-removed .hcm-env-value input { opacity: 0.5; }
.hcm-env-rows .hcm-env-icon { padding: 0; }
.hcm-env-rows .hcm-env-error { margin: -2px 0 4px 4px; }
.hcm-env-rows .hcm-badge {
  display: inline-block; padding: 0 6px; border-radius: 8px; border: 1px solid;
  font-size: 11px; line-height: 16px;
}
</style>"""


#: A managed row's badge: it cannot change, and says why (a tooltip on a disabled button
#: is easy to miss).
MANAGED_BADGE = (
    f'<span class="hcm-badge hcm-badge-managed" style="color:#6e7781" '
    f'title="{MANAGED_TOOLTIP}">managed</span>'
)


def key_width(chars: int) -> str:
    """The CSS width of a key column holding ``chars`` characters (padding included)."""
    return f"calc({min(max(chars, _KEY_MIN_CHARS), _KEY_MAX_CHARS) + 1}ch + 16px)"


def badge(state: str) -> str:
    """The HTML of a row's state badge ("" for unchanged)."""
    if not state:
        return ""
    colour = _BADGE_COLOURS[state]
    return f'<span class="hcm-badge hcm-badge-{state}" style="color:{colour}">{state}</span>'


class EnvRow:
    """One env var: key, masked value, reveal / remove / undo, its state and its error."""

    def __init__(
        self,
        key: str,
        original: str | None,
        on_change: Callable[[], None],
        *,
        protected: bool,
        key_chars: int = _KEY_MIN_CHARS,
    ) -> None:
        self.original = original
        self.protected = protected
        #: An unresolved conflict on this key (set by the editor).
        self.conflict = False
        self._typed: str | None = None
        self._syncing = False
        self._on_change = on_change
        self.key_input = widgets.Text(
            value=key,
            placeholder="KEY",
            disabled=original is not None,
            tooltip=key or "The new variable's name",
            layout={"width": key_width(key_chars), "flex": "0 0 auto"},
        )
        self.key_input.add_class("hcm-env-key")
        self.state_badge = widgets.HTML(layout={"width": "5.5em", "flex": "0 0 auto"})
        self.state_badge.add_class("hcm-env-state")
        # A new value is the person's own: visible while typing. A loaded one stays masked.
        value_type = widgets.Text if original is None else widgets.Password
        self.value_input = value_type(layout=dict(_VALUE_LAYOUT))
        self.value_input.add_class("hcm-env-value")
        self.revealed_input = widgets.Text(layout={**_VALUE_LAYOUT, "display": _HIDDEN})
        self.revealed_input.add_class("hcm-env-value")
        self.reveal = widgets.ToggleButton(
            icon="eye", tooltip="Reveal the value", layout=dict(_ICON_LAYOUT)
        )
        self.remove = widgets.ToggleButton(
            icon="trash", tooltip="Remove this variable", layout=dict(_ICON_LAYOUT)
        )
        self.undo = widgets.Button(
            icon="undo", tooltip="Undo changes to this row", layout=dict(_ICON_LAYOUT)
        )
        for button in (self.reveal, self.remove, self.undo):
            button.add_class("hcm-env-icon")
        self.error = widgets.HTML(layout={"display": _HIDDEN})
        self.error.add_class("hcm-env-error")
        if protected:
            for control in (self.key_input, self.reveal, self.remove, self.undo):
                control.disabled = True
                control.tooltip = MANAGED_TOOLTIP
            self.key_input.tooltip = f"{key} ({MANAGED_TOOLTIP})"
        self.value_input.observe(self._typed_hidden, "value")
        self.revealed_input.observe(self._typed_revealed, "value")
        self.reveal.observe(self._toggle_reveal, "value")
        self.key_input.observe(self._key_typed, "value")
        self.remove.observe(self._removed, "value")
        # The value and its buttons stay together; in a narrow notebook they wrap under the
        # key rather than cut it.
        self.value_group = widgets.HBox(
            [self.value_input, self.revealed_input, self.reveal, self.remove, self.undo],
            layout={"flex": "1 1 20em", "min_width": "16em", "align_items": "center"},
        )
        self.line = widgets.HBox(
            [self.key_input, self.state_badge, self.value_group],
            layout={"align_items": "center", "flex_flow": "row wrap"},
        )
        # The error has its own line under the row, so the columns keep their widths.
        self.box = widgets.VBox([self.line, self.error])
        self.box.add_class("hcm-env-row")
        if protected:
            self.box.add_class("hcm-protected")
        self._show_typed()
        self._show_state()

    # ------------------------------------------------------------ state

    @property
    def key(self) -> str:
        return str(self.key_input.value).strip()

    @property
    def is_new(self) -> bool:
        return self.original is None

    @property
    def blank(self) -> bool:
        """A new row nothing was typed into (ignored: no error, nothing to save)."""
        return self.is_new and not self.key and not self._typed

    @property
    def removed(self) -> bool:
        return bool(self.remove.value)

    @property
    def new_value(self) -> str | None:
        """What the person set (None: unchanged)."""
        return self._typed

    @property
    def changed(self) -> bool:
        return self.removed or (self._typed is not None and self._typed != self.original)

    @property
    def state(self) -> str:
        """What Save would do with this row: added, changed, removed, conflict, or ""."""
        if self.conflict:
            return CONFLICT
        if self.is_new:
            return "" if self.blank else ADDED
        if self.removed:
            return REMOVED
        return CHANGED if self.changed else ""

    def set_value(self, value: str) -> None:
        """Set a new value from code (a re-applied edit); it stays masked."""
        self._typed = value if value != self.original else None
        self._show_typed()
        self._changed()

    def mark_conflict(self, conflict: bool) -> None:
        self.conflict = conflict
        self._show_state()

    def problem(self, duplicate_keys: set[str]) -> str | None:
        """Why this row cannot be saved, or None (a blank new row is no problem: it is
        left out)."""
        if self.removed or self.protected or self.blank:
            return None
        if self.is_new and not ENV_KEY_PATTERN.fullmatch(self.key):
            return "invalid name: letters, digits, _; not starting with a digit"
        if self.is_new and self.key in duplicate_keys:
            return "duplicate name"
        if self._typed == "" or (self.is_new and not self._typed):
            return "empty value (to delete a variable, remove it)"
        return None

    def show_problem(self, problem: str | None) -> None:
        self.error.value = Message(problem, "error")._repr_html_() if problem else ""
        self.error.layout.display = None if problem else _HIDDEN

    # ------------------------------------------------------------ actions

    def reset(self) -> None:
        """Undo: back to the loaded value, not removed, hidden."""
        self._typed = None
        self.remove.value = False
        self.reveal.value = False
        self._show_typed()
        self._show_state()

    def clear_secrets(self) -> None:
        """Hide and forget what is in widget state (Python keeps the edit, and the empty
        field says so)."""
        self.reveal.value = False
        self._show_typed()

    # ------------------------------------------------------------ observers

    def _changed(self) -> None:
        self._show_state()
        self._on_change()

    def _key_typed(self, change: dict[str, object]) -> None:
        if self.is_new:
            self.key_input.tooltip = self.key or "The new variable's name"
        self._changed()

    def _removed(self, change: dict[str, object]) -> None:
        if change["new"]:
            self.reveal.value = False
        self._changed()

    def _typed_hidden(self, change: dict[str, object]) -> None:
        if not self._syncing:
            self._typed = str(change["new"]) or None
            self._changed()

    def _typed_revealed(self, change: dict[str, object]) -> None:
        if not self._syncing and self.reveal.value:
            text = str(change["new"])
            self._typed = None if text == self.original else text
            self._changed()

    def _toggle_reveal(self, change: dict[str, object]) -> None:
        self._syncing = True
        if change["new"]:
            self.revealed_input.value = (
                self._typed if self._typed is not None else (self.original or "")
            )
            self.value_input.value = ""
            self.value_input.layout.display, self.revealed_input.layout.display = _HIDDEN, None
            self.reveal.icon, self.reveal.tooltip = "eye-slash", "Hide the value"
        else:
            self.revealed_input.value = ""
            self.value_input.value = self._typed or ""
            self.value_input.layout.display, self.revealed_input.layout.display = None, _HIDDEN
            self.reveal.icon, self.reveal.tooltip = "eye", "Reveal the value"
        self._syncing = False

    def _show_typed(self) -> None:
        """Empty fields; the placeholder says whether a new value is kept in Python."""
        self._syncing = True
        self.value_input.value = ""
        self.revealed_input.value = ""
        self._syncing = False
        if self.original is None:
            self.value_input.placeholder = "value" if self._typed is None else f"{MASK} (hidden)"
        elif self._typed is None:
            self.value_input.placeholder = f"{MASK} unchanged"
        else:
            self.value_input.placeholder = f"{MASK} new value kept (hidden)"

    def _show_state(self) -> None:
        """The badge, the strike-through and what can still be edited follow the state."""
        state = self.state
        self.state_badge.value = MANAGED_BADGE if self.protected else badge(state)
        removed = self.removed and not self.is_new
        if removed:
            self.box.add_class("hcm-removed")
        else:
            self.box.remove_class("hcm-removed")
        for control in (self.value_input, self.revealed_input, self.reveal):
            control.disabled = self.protected or removed
        self.remove.tooltip = (
            MANAGED_TOOLTIP
            if self.protected
            else "Keep this variable"
            if removed
            else "Remove this variable"
        )


class EnvRowsEditor:
    """A list of EnvRows with "Add variable", producing EnvEdits and row errors."""

    def __init__(
        self,
        on_change: Callable[[], None],
        guard: Callable[[Callable[..., None]], Callable[..., None]],
    ) -> None:
        self._on_change = on_change
        self._guard = guard
        self.rows: list[EnvRow] = []
        self._key_chars = _KEY_MIN_CHARS
        self.add_button = widgets.Button(description="Add variable", icon="plus")
        self.add_button.on_click(guard(lambda _: self._add_empty_row()))
        self.list_box = widgets.VBox()
        self.box = widgets.VBox([widgets.HTML(ROWS_CSS), self.list_box, self.add_button])
        self.box.add_class("hcm-env-rows")

    def load(self, values: Mapping[str, str]) -> None:
        """Replace the rows with the env ``values`` (no edits)."""
        self.clear_secrets()
        self._key_chars = max([_KEY_MIN_CHARS, *(len(key) for key in values)])
        self.rows = [
            self._new_row(key, value, protected=key in PLATFORM_MANAGED_KEYS)
            for key, value in sorted(values.items())
        ]
        self._render()

    def add_row(self, key: str = "", value: str = "") -> EnvRow:
        row = self._new_row(key, None, protected=False)
        if value:
            row.set_value(value)
        self.rows.append(row)
        self._render()
        return row

    def _add_empty_row(self) -> None:
        self.add_row()

    def row(self, key: str) -> EnvRow | None:
        return next((row for row in self.rows if row.key == key), None)

    def delete(self, row: EnvRow) -> None:
        """Drop a new row outright (it was never saved)."""
        row.clear_secrets()
        if row in self.rows:
            self.rows.remove(row)
        self._render()

    def apply(self, edits: EnvEdits) -> None:
        """Re-apply ``edits`` on top of freshly loaded rows."""
        for key, value in edits.set_values.items():
            existing = self.row(key)
            if existing is None:
                self.add_row(key, value)
            else:
                existing.set_value(value)
        for key in edits.removed:
            existing = self.row(key)
            if existing is not None:
                existing.remove.value = True

    def edits(self) -> EnvEdits:
        set_values = {
            row.key: row.new_value
            for row in self.rows
            if not row.removed and row.new_value is not None and row.changed
        }
        removed = frozenset(row.key for row in self.rows if row.removed and not row.is_new)
        return EnvEdits(set_values, removed)

    def unsaved(self) -> list[str]:
        """The rows holding an edit not saved yet, by key ("(new row)" for a nameless one)."""
        return [
            row.key or "(new row)" for row in self.rows if row.state in (ADDED, CHANGED, REMOVED)
        ]

    def problems(self) -> list[str]:
        """Row errors (also shown under each row)."""
        keys = [row.key for row in self.rows if not row.removed]
        duplicates = {key for key in keys if keys.count(key) > 1}
        found = []
        for row in self.rows:
            problem = row.problem(duplicates)
            row.show_problem(problem)
            if problem:
                found.append(f"{row.key or '(new row)'}: {problem}")
        return found

    def clear_secrets(self) -> None:
        for row in self.rows:
            row.clear_secrets()

    def _new_row(self, key: str, original: str | None, *, protected: bool) -> EnvRow:
        row = EnvRow(key, original, self._changed, protected=protected, key_chars=self._key_chars)
        row.undo.on_click(self._guard(lambda _: self._undo(row)))
        if row.is_new:  # removing a row that was never saved deletes it
            row.remove.observe(
                self._guard(lambda change: self.delete(row) if change["new"] else None), "value"
            )
        return row

    def _changed(self) -> None:
        """A row changed: widen the key column if a typed key needs it, then tell the form."""
        longest = max([_KEY_MIN_CHARS, *(len(row.key) for row in self.rows)])
        if longest > self._key_chars:
            self._key_chars = longest
            for row in self.rows:
                row.key_input.layout.width = key_width(longest)
        self._on_change()

    def _undo(self, row: EnvRow) -> None:
        if row.is_new:
            self.delete(row)
        else:
            row.reset()
            self._on_change()

    def _render(self) -> None:
        self.list_box.children = [row.box for row in self.rows]
        self._on_change()
