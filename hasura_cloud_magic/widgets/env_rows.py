"""Rows of env vars: masked values, reveal, remove, undo, validation as you type.

A row's original value lives in Python only. The Password field holds only what the person
typed; the reveal field holds the value only while revealed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets

from hasura_cloud_magic.display import MASK, Message
from hasura_cloud_magic.env_plan import EnvEdits
from hasura_cloud_magic.env_vars import ENV_KEY_PATTERN, PLATFORM_MANAGED_KEYS

_HIDDEN = "none"


class EnvRow:
    """One env var: key, masked value, reveal / remove / undo, and its error."""

    def __init__(
        self, key: str, original: str | None, on_change: Callable[[], None], *, protected: bool
    ) -> None:
        self.original = original
        self.protected = protected
        self._typed: str | None = None
        self._syncing = False
        self._on_change = on_change
        self.key_input = widgets.Text(
            value=key, placeholder="KEY", disabled=original is not None, layout={"width": "30%"}
        )
        self.value_input = widgets.Password(layout={"width": "40%"})
        self.revealed_input = widgets.Text(layout={"width": "40%", "display": _HIDDEN})
        self.reveal = widgets.ToggleButton(icon="eye", tooltip="Reveal the value")
        self.remove = widgets.ToggleButton(icon="trash", tooltip="Remove this variable")
        self.undo = widgets.Button(icon="undo", tooltip="Undo changes to this row")
        self.error = widgets.HTML()
        for control in (self.key_input, self.value_input, self.revealed_input, self.remove):
            control.disabled = control.disabled or protected
        self.reveal.disabled = protected
        self.value_input.observe(self._typed_hidden, "value")
        self.revealed_input.observe(self._typed_revealed, "value")
        self.reveal.observe(self._toggle_reveal, "value")
        self.key_input.observe(lambda _: on_change(), "value")
        self.remove.observe(lambda _: on_change(), "value")
        self.box = widgets.HBox(
            [
                self.key_input,
                self.value_input,
                self.revealed_input,
                self.reveal,
                self.remove,
                self.undo,
                self.error,
            ]
        )
        self.box.add_class("hcm-env-row")
        if protected:
            self.box.add_class("hcm-protected")
        self._show_typed()

    # ------------------------------------------------------------ state

    @property
    def key(self) -> str:
        return str(self.key_input.value).strip()

    @property
    def is_new(self) -> bool:
        return self.original is None

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

    def set_value(self, value: str) -> None:
        """Set a new value from code (a re-applied edit); it stays masked."""
        self._typed = value if value != self.original else None
        self._show_typed()
        self._on_change()

    def problem(self, duplicate_keys: set[str]) -> str | None:
        """Why this row cannot be saved, or None."""
        if self.removed or self.protected:
            return None
        if self.is_new and not ENV_KEY_PATTERN.fullmatch(self.key):
            return "invalid name: letters, digits, _; not starting with a digit"
        if self.is_new and self.key in duplicate_keys:
            return "duplicate name"
        if self._typed == "" or (self.is_new and not self._typed):
            return "empty value (to delete a variable, remove it)"
        return None

    # ------------------------------------------------------------ actions

    def reset(self) -> None:
        """Undo: back to the loaded value, not removed, hidden."""
        self._typed = None
        self.remove.value = False
        self.reveal.value = False
        self._show_typed()

    def clear_secrets(self) -> None:
        """Hide and forget what is in widget state (Python keeps the edit, and the empty
        field says so)."""
        self.reveal.value = False
        self._syncing = True
        self.value_input.value = ""
        self.revealed_input.value = ""
        self._syncing = False
        self._show_typed()

    # ------------------------------------------------------------ observers

    def _typed_hidden(self, change: dict[str, object]) -> None:
        if not self._syncing:
            self._typed = str(change["new"]) or None
            self._on_change()

    def _typed_revealed(self, change: dict[str, object]) -> None:
        if not self._syncing and self.reveal.value:
            text = str(change["new"])
            self._typed = None if text == self.original else text
            self._on_change()

    def _toggle_reveal(self, change: dict[str, object]) -> None:
        self._syncing = True
        if change["new"]:
            self.revealed_input.value = (
                self._typed if self._typed is not None else (self.original or "")
            )
            self.value_input.value = ""
            self.value_input.layout.display, self.revealed_input.layout.display = _HIDDEN, None
        else:
            self.revealed_input.value = ""
            self.value_input.value = self._typed or ""
            self.value_input.layout.display, self.revealed_input.layout.display = None, _HIDDEN
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
        self.add_button = widgets.Button(description="Add variable", icon="plus")
        self.add_button.on_click(guard(lambda _: self._add_empty_row()))
        self.list_box = widgets.VBox()
        self.box = widgets.VBox([self.list_box, self.add_button])

    def load(self, values: Mapping[str, str]) -> None:
        """Replace the rows with the env ``values`` (no edits)."""
        self.clear_secrets()
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

    def problems(self) -> list[str]:
        """Row errors (also shown on each row)."""
        keys = [row.key for row in self.rows if not row.removed]
        duplicates = {key for key in keys if keys.count(key) > 1}
        found = []
        for row in self.rows:
            problem = row.problem(duplicates)
            row.error.value = Message(problem, "error")._repr_html_() if problem else ""
            if problem:
                found.append(f"{row.key or '(new row)'}: {problem}")
        return found

    def clear_secrets(self) -> None:
        for row in self.rows:
            row.clear_secrets()

    def _new_row(self, key: str, original: str | None, *, protected: bool) -> EnvRow:
        row = EnvRow(key, original, self._on_change, protected=protected)
        row.undo.on_click(self._guard(lambda _: self._undo(row)))
        return row

    def _undo(self, row: EnvRow) -> None:
        if row.is_new:
            row.clear_secrets()
            self.rows.remove(row)
            self._render()
        else:
            row.reset()
        self._on_change()

    def _render(self) -> None:
        self.list_box.children = [row.box for row in self.rows]
        self._on_change()
