"""The access form's grid: one row per person (a checkbox per privilege, remove, undo) and the
invite row (e-mail and privileges, validated as you type).

The owner's row shows every privilege and cannot change. An invited person's privileges are
shown read only (an invitation cannot be edited, only revoked and sent again). A
collaborator's boxes and remove toggle are what Save sends; each row shows its state as a
badge (changed, removed), a removed row is struck through.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Iterable

import ipywidgets as widgets

from hasura_cloud_magic.access_api import check_email, check_privileges
from hasura_cloud_magic.display import Message
from hasura_cloud_magic.errors import InvalidInputError
from hasura_cloud_magic.results.access import (
    COLLABORATOR,
    INVITED,
    OWNER,
    PRIVILEGES,
    Member,
    privileges_in_order,
)
from hasura_cloud_magic.widgets.env_rows import badge

_HIDDEN = "none"
CHANGED, REMOVED = "changed", "removed"
#: Column widths: every row and the header line up like a grid.
_EMAIL_MIN_CHARS, _EMAIL_MAX_CHARS = 20, 48
#: A monospace character's width, in em (0.6 in the usual code fonts, with some room).
_MONOSPACE_EM = 0.62
_STATE_WIDTH, _PRIVILEGE_WIDTH, _BADGE_WIDTH = "6.5em", "8.5em", "5em"
_ICON_LAYOUT = {"width": "32px", "min_width": "32px", "padding": "0", "flex": "0 0 auto"}
#: Scoped to the grid; a ``<style>`` in an HTML widget.
GRID_CSS = """<style>
.hcm-access-grid .hcm-access-email { font-family: var(--jp-code-font-family, monospace);
  overflow-wrap: anywhere; }
.hcm-access-grid .hcm-access-header { font-weight: bold;
  border-bottom: var(--jp-border-width, 1px) solid var(--jp-border-color1, #bdbdbd); }
.hcm-access-grid .hcm-removed .hcm-access-email { text-decoration: line-through; opacity: 0.6; }
.hcm-access-grid .hcm-access-icon { padding: 0; }
.hcm-access-grid .hcm-access-error { margin: -2px 0 4px 4px; }
.hcm-access-grid .hcm-badge {
  display: inline-block; padding: 0 6px; border-radius: 8px; border: 1px solid;
  font-size: 11px; line-height: 16px;
}
</style>"""
_STATE_WORDS = {OWNER: "owner", COLLABORATOR: "collaborator", INVITED: "invited"}


def email_width(chars: int) -> str:
    """The CSS width of the e-mail column holding ``chars`` monospace characters.

    In ``em``, not ``ch``: ``ch`` is the width of the element's own font's "0", so the header
    (proportional), the rows (monospace) and the invite field would not line up."""
    count = min(max(chars, _EMAIL_MIN_CHARS), _EMAIL_MAX_CHARS) + 1
    return f"calc({count * _MONOSPACE_EM:.2f}em + 16px)"


def _cell(text: str, width: str, css_class: str = "") -> widgets.HTML:
    cell = widgets.HTML(html.escape(text), layout={"width": width, "flex": "0 0 auto"})
    if css_class:
        cell.add_class(css_class)
    return cell


def _box(privilege: str) -> widgets.Checkbox:
    box = widgets.Checkbox(
        value=False,
        indent=False,
        description="",
        layout={"width": _PRIVILEGE_WIDTH, "flex": "0 0 auto"},
    )
    box.add_class(f"hcm-privilege-{privilege}")
    return box


def header(chars: int) -> widgets.HBox:
    """The grid's header line: person, access, one column per privilege."""
    line = widgets.HBox(
        [
            _cell("person", email_width(chars)),
            _cell("access", _STATE_WIDTH),
            *(_cell(privilege, _PRIVILEGE_WIDTH) for privilege in PRIVILEGES),
            _cell("", _BADGE_WIDTH),
        ],
        layout={"align_items": "center"},
    )
    line.add_class("hcm-access-header")
    return line


class MemberRow:
    """One person: e-mail, access, a checkbox per privilege, remove / undo, a state badge."""

    def __init__(self, member: Member, on_change: Callable[[], None], *, chars: int) -> None:
        self.member = member
        self._on_change = on_change
        self.boxes = {privilege: _box(privilege) for privilege in PRIVILEGES}
        for privilege, box in self.boxes.items():
            box.value = privilege in member.privileges
            box.disabled = not self.editable
            box.observe(lambda _change: self._changed(), "value")
        self.state_badge = widgets.HTML(layout={"width": _BADGE_WIDTH, "flex": "0 0 auto"})
        self.state_badge.add_class("hcm-access-state")
        self.remove = widgets.ToggleButton(
            icon="trash", disabled=member.state == OWNER, layout=dict(_ICON_LAYOUT)
        )
        self.undo = widgets.Button(
            icon="undo",
            tooltip="Undo changes to this row",
            disabled=member.state == OWNER,
            layout=dict(_ICON_LAYOUT),
        )
        for button in (self.remove, self.undo):
            button.add_class("hcm-access-icon")
        self.remove.observe(lambda _change: self._changed(), "value")
        self.undo.on_click(lambda _button: self.reset())
        self.box = widgets.HBox(
            [
                _cell(member.email, email_width(chars), "hcm-access-email"),
                _cell(_STATE_WORDS.get(member.state, member.state), _STATE_WIDTH),
                *self.boxes.values(),
                self.state_badge,
                self.remove,
                self.undo,
            ],
            layout={"align_items": "center"},
        )
        self.box.add_class("hcm-access-row")
        self.box.add_class(f"hcm-access-{member.state}")
        self._show_state()

    @property
    def email(self) -> str:
        return self.member.email

    @property
    def editable(self) -> bool:
        """Only a collaborator's privileges can be changed here."""
        return self.member.state == COLLABORATOR

    @property
    def removed(self) -> bool:
        return bool(self.remove.value)

    def ticked(self) -> tuple[str, ...]:
        """The privileges ticked, with any the form has no box for kept as they were."""
        unknown = [p for p in self.member.privileges if p not in PRIVILEGES]
        return privileges_in_order([p for p, box in self.boxes.items() if box.value] + unknown)

    @property
    def privileges_changed(self) -> bool:
        return self.editable and set(self.ticked()) != set(self.member.privileges)

    @property
    def state(self) -> str:
        if self.removed:
            return REMOVED
        return CHANGED if self.privileges_changed else ""

    def describe(self) -> str | None:
        """This row's change in words, or None."""
        if self.removed:
            if self.member.state == INVITED:
                return f"revoke the invitation of {self.email}"
            return f"remove {self.email}"
        if not self.privileges_changed:
            return None
        ticked = self.ticked()
        grant = [f"+{p}" for p in ticked if p not in self.member.privileges]
        revoke = [f"-{p}" for p in self.member.privileges if p not in ticked]
        return f"{self.email}: {' '.join(grant + revoke)}"

    def reset(self) -> None:
        """Undo: the privileges as loaded, not removed."""
        for privilege, box in self.boxes.items():
            box.value = privilege in self.member.privileges
        self.remove.value = False

    def _changed(self) -> None:
        self._show_state()
        self._on_change()

    def _show_state(self) -> None:
        self.state_badge.value = badge(self.state)
        if self.removed:
            self.box.add_class("hcm-removed")
        else:
            self.box.remove_class("hcm-removed")
        for box in self.boxes.values():
            box.disabled = not self.editable or self.removed
        self.remove.tooltip = (
            f"{self.email} owns the project: every privilege, always"
            if self.member.state == OWNER
            else f"Keep {self.email}"
            if self.removed
            else f"Revoke the invitation of {self.email}"
            if self.member.state == INVITED
            else f"Remove {self.email}"
        )


class InviteRow:
    """A new invitation: an e-mail and the privileges it grants, checked as you type.

    Left blank, it invites nobody. An e-mail that is not one, that already has access, or
    that comes without a privilege is refused with one line under the row."""

    def __init__(self, on_change: Callable[[], None], *, chars: int) -> None:
        self._on_change = on_change
        self._taken: Collection[str] = ()
        self.email_input = widgets.Text(
            placeholder="invite: name@example.com",
            layout={"width": email_width(chars), "flex": "0 0 auto"},
        )
        self.email_input.add_class("hcm-invite-email")
        self.boxes = {privilege: _box(privilege) for privilege in PRIVILEGES}
        self.email_input.observe(lambda _change: self._changed(), "value")
        for box in self.boxes.values():
            box.observe(lambda _change: self._changed(), "value")
        self.error = widgets.HTML(layout={"display": _HIDDEN})
        self.error.add_class("hcm-access-error")
        self.line = widgets.HBox(
            [
                self.email_input,
                _cell("invite", _STATE_WIDTH),
                *self.boxes.values(),
            ],
            layout={"align_items": "center"},
        )
        self.box = widgets.VBox([self.line, self.error])
        self.box.add_class("hcm-access-invite")

    @property
    def blank(self) -> bool:
        return not str(self.email_input.value).strip()

    def set_taken(self, emails: Iterable[str]) -> None:
        """The e-mails that already have access (owner, collaborators, invited)."""
        self._taken = {email.casefold() for email in emails}

    def problem(self) -> str | None:
        """Why this invitation cannot be sent, or None (blank: nothing to send)."""
        if self.blank:
            return None
        try:
            email = check_email(str(self.email_input.value))
            check_privileges(self.ticked())
        except InvalidInputError as error:
            return str(error)
        if email.casefold() in self._taken:
            return f"{email} already has access to this project"
        return None

    def ticked(self) -> tuple[str, ...]:
        return tuple(p for p, box in self.boxes.items() if box.value)

    def invitation(self) -> tuple[str, tuple[str, ...]] | None:
        """``(email, privileges)`` to invite, or None (blank or refused)."""
        if self.blank or self.problem():
            return None
        return check_email(str(self.email_input.value)), check_privileges(self.ticked())

    def show_problem(self, problem: str | None) -> None:
        self.error.value = Message(problem, "error")._repr_html_() if problem else ""
        self.error.layout.display = None if problem else _HIDDEN

    def clear(self) -> None:
        self.email_input.value = ""
        for box in self.boxes.values():
            box.value = False
        self.show_problem(None)

    def _changed(self) -> None:
        self.show_problem(self.problem())
        self._on_change()
