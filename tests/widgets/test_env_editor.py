"""The env editor form, driven like a person would (values and clicks) against the emulator."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import ipywidgets as widgets
import pytest
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.widgets import EnvEditor
from hasura_cloud_magic.widgets.env_editor import MINE, THEIRS
from hasura_cloud_magic.widgets.env_rows import MANAGED_TOOLTIP, ROWS_CSS, key_width

SECRET = "s3cr3t-value-canary"


@pytest.fixture
def editor(cloud: HasuraCloud) -> Iterator[EnvEditor]:
    created = cloud.create_project(
        cloud="aws",
        region="us-east-2",
        name=f"form-{uuid.uuid4().hex[:8]}",
        envs={"A": "1", "B": "2"},
    )
    form = EnvEditor(cloud, created.id, created.name).load()
    yield form
    if cloud.get_tenant(created.id) is not None:
        cloud.delete_tenant(created.id)


def remote(editor: EnvEditor) -> dict[str, str]:
    return dict(editor.cloud.get_env(editor.tenant_id).values)


def row(editor: EnvEditor, key: str):  # type: ignore[no-untyped-def]
    found = editor.rows.row(key)
    assert found is not None, key
    return found


def add(editor: EnvEditor, key: str, value: str) -> None:
    editor.rows.add_button.click()
    new = editor.rows.rows[-1]
    new.key_input.value, new.value_input.value = key, value


def widget_values(editor: EnvEditor) -> list[str]:
    return [str(w.value) for r in editor.rows.rows for w in (r.value_input, r.revealed_input)]


def test_edit_review_save_round_trip(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = SECRET
    row(editor, "B").remove.value = True
    add(editor, "C", "3")
    editor.review_button.click()
    assert "changed" in editor.review.value and "removed" in editor.review.value
    assert SECRET not in editor.review.value
    editor.save_button.click()
    assert editor.status.kind == "success", editor.status.text
    assert "1 added, 1 changed, 1 removed" in editor.status.text
    values = remote(editor)
    assert (values["A"], values["C"], "B" in values) == (SECRET, "3", False)
    assert all(value == "" for value in widget_values(editor))  # typed secrets cleared
    assert SECRET not in repr(editor) and SECRET not in str(editor._repr_mimebundle_())


def test_values_stay_out_of_widget_state_until_revealed(editor: EnvEditor) -> None:
    a = row(editor, "A")
    assert widget_values(editor) == [""] * len(widget_values(editor))
    a.reveal.value = True
    assert a.revealed_input.value == "1"
    a.revealed_input.value = "edited-while-revealed"
    a.reveal.value = False
    assert a.revealed_input.value == "" and a.new_value == "edited-while-revealed"
    editor.save_button.click()
    assert remote(editor)["A"] == "edited-while-revealed"


def test_nothing_changed_sends_nothing(editor: EnvEditor) -> None:
    before = editor.cloud.get_env(editor.tenant_id).hash
    row(editor, "A").value_input.value = "9"
    row(editor, "A").undo.click()
    editor.save_button.click()
    assert editor.status.text == "Nothing to save; nothing sent."
    assert editor.cloud.get_env(editor.tenant_id).hash == before


def test_stale_hash_with_disjoint_keys_keeps_both_edits(editor: EnvEditor) -> None:
    current = editor.cloud.get_env(editor.tenant_id)
    editor.cloud.update_env(editor.tenant_id, current.hash, {"THEIRS": "x"})
    row(editor, "A").value_input.value = "mine"
    editor.save_button.click()
    assert editor.status.kind == "success" and "re-applied" in editor.status.text
    values = remote(editor)
    assert (values["A"], values["THEIRS"]) == ("mine", "x")


@pytest.mark.parametrize(("choice", "expected_a"), [(MINE, "mine"), (THEIRS, "theirs")])
def test_true_conflict_asks_and_loses_nothing(
    editor: EnvEditor, choice: str, expected_a: str
) -> None:
    current = editor.cloud.get_env(editor.tenant_id)
    editor.cloud.update_env(editor.tenant_id, current.hash, {"A": "theirs", "E": "e"})
    row(editor, "A").value_input.value = "mine"
    add(editor, "F", "f")
    editor.save_button.click()
    assert editor.status.kind == "warning" and len(editor.choices) == 1
    assert editor.choices[0].conflict.key == "A"
    assert remote(editor)["A"] == "theirs" and "F" not in remote(editor)  # nothing overwritten
    editor.save_button.click()  # undecided: refused
    assert editor.status.kind == "error" and "Decide first" in editor.status.text
    editor.choices[0].choice.value = choice
    editor.save_button.click()
    assert editor.status.kind == "success", editor.status.text
    values = remote(editor)
    assert (values["A"], values["E"], values["F"]) == (expected_a, "e", "f")


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [("1BAD", "x", "invalid name"), ("A", "x", "duplicate name"), ("OK_KEY", "", "empty value")],
)
def test_validation_as_you_type_blocks_saving(
    editor: EnvEditor, key: str, value: str, problem: str
) -> None:
    before = editor.cloud.get_env(editor.tenant_id).hash
    add(editor, key, value)
    assert editor.save_button.disabled
    assert problem in editor.rows.rows[-1].error.value
    editor.save_button.click()  # a click on a disabled button still must not save
    assert editor.status.kind == "error" and problem in editor.status.text
    assert editor.cloud.get_env(editor.tenant_id).hash == before


def test_platform_managed_keys_are_read_only(editor: EnvEditor) -> None:
    managed = row(editor, "HASURA_GRAPHQL_METADATA_DATABASE_URL")
    assert managed.protected and managed.remove.disabled and managed.value_input.disabled
    assert "hcm-protected" in managed.box._dom_classes


def test_api_errors_show_in_the_form(editor: EnvEditor) -> None:
    editor.cloud.delete_tenant(editor.tenant_id)
    row(editor, "A").value_input.value = "9"
    editor.save_button.click()
    assert editor.status.kind == "error" and "not found" in editor.status.text


def test_close_forgets_typed_values(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = SECRET
    row(editor, "B").reveal.value = True
    editor.close()
    assert all(value == "" for value in widget_values(editor))


def test_root_has_a_stable_css_class(editor: EnvEditor) -> None:
    assert "hcm-env-editor" in editor._dom_classes


def test_after_save_the_rollout_is_followed_until_live(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "10"
    editor.save_button.click()
    assert editor.rollout_watch is not None
    editor.rollout_watch.join(timeout=30)
    assert (editor.rollout_status.kind, editor.rollout_status.text) == (
        "success",
        "Env rollout: live on every server.",
    )
    assert editor.status.text.startswith("Saved: 1 changed")


def test_a_hibernated_project_says_the_save_is_not_live(
    emulator: object, editor: EnvEditor
) -> None:
    emulator.admin.hibernate(editor.project_name)  # type: ignore[attr-defined]
    row(editor, "A").value_input.value = "11"
    editor.save_button.click()
    assert editor.rollout_watch is not None
    editor.rollout_watch.join(timeout=30)
    assert editor.rollout_status.kind == "warning"
    assert "the env change is written, but the project is hibernated" in editor.rollout_status.text


# ---------------------------------------------------------------- the UX trial's findings


def widget_state(editor: EnvEditor) -> str:
    """Everything the form's open widgets would sync to the page (and save in a notebook)."""

    def walk(widget: object) -> list[str]:
        found = [str(widget.get_state())] if getattr(widget, "comm", None) else []  # type: ignore[attr-defined]
        for child in getattr(widget, "children", ()) or ():
            found += walk(child)
        return found

    return " ".join(walk(editor))


def someone_sets(editor: EnvEditor, values: dict[str, str]) -> None:
    current = editor.cloud.get_env(editor.tenant_id)
    editor.cloud.update_env(editor.tenant_id, current.hash, values)


def someone_removes(editor: EnvEditor, *keys: str) -> None:
    current = editor.cloud.get_env(editor.tenant_id)
    editor.cloud.delete_env(editor.tenant_id, current.hash, list(keys))


def review_rows(editor: EnvEditor) -> dict[str, str]:
    """What Review lists: key → added / changed / removed."""
    editor.review_button.click()
    cells = re.findall(r"<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>", editor.review.value)
    return dict(cells)


def row_states(editor: EnvEditor) -> dict[str, str]:
    return {r.key: r.state for r in editor.rows.rows if r.state}


def shown(widget: widgets.Widget) -> bool:
    return widget.layout.display != "none"


# M6: Close with unsaved edits asks, and never drops them without a trace


def test_close_without_edits_closes_at_once(editor: EnvEditor) -> None:
    editor.close_button.click()
    assert editor.closed and editor.comm is None
    assert not shown(editor.confirm_box)


def test_close_with_unsaved_edits_asks_then_discard_leaves_a_line(editor: EnvEditor) -> None:
    before = editor.cloud.get_env(editor.tenant_id).hash
    row(editor, "A").value_input.value = SECRET
    editor.close_button.click()
    assert not editor.closed and editor.comm is not None  # still open: it asks first
    assert shown(editor.confirm_box)
    assert editor.confirm_text.value == "1 unsaved change:"
    assert {b.description for b in editor.confirm_box.children[1:]} >= {
        "Save and close",
        "Discard and close",
    }
    row(editor, "B").remove.value = True
    assert editor.confirm_text.value == "2 unsaved changes:"  # kept up to date
    editor.discard_button.click()
    assert editor.closed
    (line,) = editor.children
    assert line.text == "Closed without saving 2 changes." and line.comm is not None
    assert all(value == "" for value in widget_values(editor))
    assert SECRET not in widget_state(editor)
    assert editor.cloud.get_env(editor.tenant_id).hash == before  # nothing sent


def test_close_question_save_saves_then_closes(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "saved-on-close"
    editor.close_button.click()
    editor.confirm_save_button.click()
    assert remote(editor)["A"] == "saved-on-close"
    assert editor.closed
    (line,) = editor.children
    assert line.kind == "success" and line.text.startswith("Saved: 1 changed.")


def test_close_question_save_with_a_conflict_keeps_the_form_open(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "mine"
    someone_sets(editor, {"A": "theirs"})
    editor.close_button.click()
    editor.confirm_save_button.click()
    assert not editor.closed and editor.status.kind == "warning" and len(editor.choices) == 1
    assert not shown(editor.confirm_box)
    assert remote(editor)["A"] == "theirs"


def test_keep_editing_hides_the_question(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "9"
    editor.close_button.click()
    editor.keep_editing_button.click()
    assert not shown(editor.confirm_box) and not editor.closed
    row(editor, "A").undo.click()
    editor.close_button.click()  # nothing left unsaved: closes at once
    assert editor.closed and editor.comm is None


def test_an_undecided_conflict_counts_as_unsaved(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "mine"
    someone_sets(editor, {"A": "theirs"})
    editor.save_button.click()
    assert editor.unsaved_changes() == ["A"]
    editor.close()
    assert editor.children[0].text == "Closed without saving 1 change."


# M7: a conflict choice in plain words, with both values on request


def test_conflict_choice_is_worded_plainly(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "mine"
    row(editor, "B").remove.value = True
    someone_sets(editor, {"A": "theirs", "B": "their-b"})
    editor.save_button.click()
    labels = {c.conflict.key: c.choice.options for c in editor.choices}
    assert labels["A"] == (("Keep my value", MINE), ("Use the value now on the server", THEIRS))
    assert labels["B"][0] == ("Keep my removal", MINE)
    assert labels["B"][1] == ("Use the value now on the server", THEIRS)


def test_conflict_values_are_shown_on_purpose_only(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = SECRET
    someone_sets(editor, {"A": "their-canary-value"})
    editor.save_button.click()
    choice = editor.choices[0]
    state = widget_state(editor)
    assert SECRET not in state and "their-canary-value" not in state  # masked until asked
    choice.show_values.value = True
    assert SECRET in choice.values.value and "their-canary-value" in choice.values.value
    assert choice.show_values.description == "Hide values"
    choice.show_values.value = False
    assert choice.values.value == ""
    choice.show_values.value = True
    choice.choice.value = MINE
    editor.save_button.click()  # saving hides them again
    assert editor.status.kind == "success", editor.status.text
    assert choice.values.value == "" and not choice.show_values.value
    assert remote(editor)["A"] == SECRET


def test_close_hides_revealed_conflict_values(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = SECRET
    someone_sets(editor, {"A": "theirs"})
    editor.save_button.click()
    editor.choices[0].show_values.value = True
    editor.close()
    assert editor.choices[0].values.value == ""
    assert SECRET not in widget_state(editor)


# M8: every row shows what Save would send


def test_rows_show_their_state(editor: EnvEditor) -> None:
    a, b = row(editor, "A"), row(editor, "B")
    assert (a.state, a.state_badge.value) == ("", "")
    a.value_input.value = "9"
    b.remove.value = True
    add(editor, "C", "3")
    assert row_states(editor) == {"A": "changed", "B": "removed", "C": "added"}
    assert "changed" in a.state_badge.value and "removed" in b.state_badge.value
    assert "hcm-removed" in b.box._dom_classes and "hcm-removed" not in a.box._dom_classes
    assert b.value_input.disabled and b.reveal.disabled and not a.value_input.disabled
    assert row_states(editor) == review_rows(editor)
    b.undo.click()
    assert b.state == "" and "hcm-removed" not in b.box._dom_classes
    assert not b.value_input.disabled


def test_removed_rows_are_struck_through() -> None:
    assert ".hcm-removed .hcm-env-key input { text-decoration: line-through; }" in ROWS_CSS


def test_rows_match_review_after_a_conflict(editor: EnvEditor) -> None:
    """The trial: after a conflict, a re-applied edit read "unchanged" while Review said
    "changed"."""
    row(editor, "A").value_input.value = "mine"
    row(editor, "B").value_input.value = "new-b"
    add(editor, "F", "f")
    someone_sets(editor, {"A": "theirs", "E": "e"})
    editor.save_button.click()
    assert row_states(editor) == {"A": "conflict", "B": "changed", "F": "added"}
    assert "new value kept" in row(editor, "B").value_input.placeholder
    editor.choices[0].choice.value = MINE
    assert row_states(editor) == {"A": "changed", "B": "changed", "F": "added"}
    assert row_states(editor) == review_rows(editor)
    editor.choices[0].choice.value = THEIRS
    assert row_states(editor) == {"B": "changed", "F": "added"} == review_rows(editor)
    editor.choices[0].choice.value = MINE
    editor.save_button.click()
    assert editor.status.kind == "success", editor.status.text
    assert (remote(editor)["A"], remote(editor)["B"], remote(editor)["E"]) == ("mine", "new-b", "e")


def test_a_key_removed_on_the_server_comes_back_as_added_if_i_keep_mine(
    editor: EnvEditor,
) -> None:
    row(editor, "A").value_input.value = "mine"
    someone_removes(editor, "A")
    editor.save_button.click()
    assert editor.rows.row("A") is None and len(editor.choices) == 1
    assert editor.choices[0].choice.options[1][0] == "Keep it removed, as on the server now"
    editor.choices[0].choice.value = MINE
    assert row_states(editor) == {"A": "added"} == review_rows(editor)
    editor.choices[0].choice.value = THEIRS
    assert editor.rows.row("A") is None
    editor.save_button.click()  # nothing left to send, nothing left to decide
    assert editor.status.text == "Nothing to save; nothing sent." and editor.choices == []


def test_a_removal_kept_shows_as_removed(editor: EnvEditor) -> None:
    row(editor, "B").remove.value = True
    someone_sets(editor, {"B": "their-b"})
    editor.save_button.click()
    editor.choices[0].choice.value = MINE
    assert row_states(editor) == {"B": "removed"} == review_rows(editor)
    editor.save_button.click()
    assert "B" not in remote(editor)


# M9: full keys, compact buttons


def test_the_key_column_fits_the_longest_key(editor: EnvEditor) -> None:
    longest = max(len(r.key) for r in editor.rows.rows)
    assert longest == len("HASURA_GRAPHQL_METADATA_DATABASE_URL")
    widths = {r.key_input.layout.width for r in editor.rows.rows}
    assert widths == {key_width(longest)}
    chars = int(re.match(r"calc\((\d+)ch", key_width(longest)).group(1))  # type: ignore[union-attr]
    assert chars > longest
    assert all(r.key_input.tooltip.startswith(r.key) for r in editor.rows.rows)
    add(editor, "A_VERY_LONG_KEY_NAME_TYPED_INTO_A_NEW_ROW_OF_THE_FORM", "x")
    new = editor.rows.rows[-1]
    assert new.key_input.tooltip == new.key
    assert {r.key_input.layout.width for r in editor.rows.rows} == {key_width(len(new.key))}


def test_icon_buttons_are_compact(editor: EnvEditor) -> None:
    a = row(editor, "A")
    assert {b.layout.width for b in (a.reveal, a.remove, a.undo)} == {"32px"}
    assert not any(b.description for b in (a.reveal, a.remove, a.undo))


# m10: validation once something is typed, under the row


def test_a_new_row_is_validated_once_typed_into(editor: EnvEditor) -> None:
    editor.rows.add_button.click()
    new = editor.rows.rows[-1]
    assert new.error.value == "" and not shown(new.error)
    assert editor.rows.problems() == []
    new.key_input.value = "new-var"
    assert "invalid name" in new.error.value and shown(new.error)
    assert new.error in new.box.children and new.error not in new.line.children
    new.key_input.value = "A"
    assert "duplicate name" in new.error.value
    new.key_input.value = "NEW_VAR"
    new.value_input.value = "v"
    assert new.error.value == "" and not shown(new.error)


def test_a_blank_new_row_is_left_out(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "9"
    editor.rows.add_button.click()
    editor.save_button.click()
    assert editor.status.kind == "success", editor.status.text
    assert "Saved: 1 changed." in editor.status.text


# m11: controls say what can be done


def test_save_and_review_are_enabled_only_with_something_to_save(editor: EnvEditor) -> None:
    assert editor.save_button.disabled and editor.review_button.disabled
    row(editor, "A").value_input.value = "9"
    assert not editor.save_button.disabled and not editor.review_button.disabled
    row(editor, "A").undo.click()
    assert editor.save_button.disabled and editor.review_button.disabled
    editor.rows.add_button.click()  # a blank row is nothing to save
    assert editor.save_button.disabled


def test_save_waits_for_every_conflict_to_be_decided(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "mine"
    someone_sets(editor, {"A": "theirs"})
    editor.save_button.click()
    assert editor.save_button.disabled
    editor.choices[0].choice.value = THEIRS
    assert not editor.save_button.disabled


def test_a_stale_status_line_is_cleared_on_the_next_edit(editor: EnvEditor) -> None:
    editor.save_button.click()
    assert editor.status.text == "Nothing to save; nothing sent."
    row(editor, "A").value_input.value = "9"
    assert editor.status.text == "" and editor.status.value == ""
    editor.review_button.click()
    assert "<table" in editor.review.value and editor.status.text.startswith("Review:")
    row(editor, "B").remove.value = True  # the review no longer says what Save sends
    assert editor.review.value == "" and editor.status.text == ""
    row(editor, "A").value_input.value = "mine"
    someone_sets(editor, {"A": "theirs"})
    editor.save_button.click()
    editor.save_button.click()
    assert "Decide first" in editor.status.text
    editor.choices[0].choice.value = MINE
    assert editor.status.text == ""


def test_removing_a_new_row_deletes_it(editor: EnvEditor) -> None:
    count = len(editor.rows.rows)
    add(editor, "C", "3")
    editor.rows.rows[-1].remove.value = True
    assert len(editor.rows.rows) == count and editor.rows.row("C") is None
    assert len(editor.rows.list_box.children) == count


def test_managed_rows_say_why_they_are_read_only(editor: EnvEditor) -> None:
    managed = row(editor, "HASURA_GRAPHQL_METADATA_DATABASE_URL")
    for button in (managed.reveal, managed.remove, managed.undo):
        assert button.disabled and "managed by hasura cloud" in button.tooltip.lower()
    assert "managed" in managed.state_badge.value and managed.state == ""
    assert f'title="{MANAGED_TOOLTIP}"' in managed.state_badge.value
    assert "managed by hasura cloud" in managed.key_input.tooltip.lower()


def test_the_reveal_button_shows_its_state(editor: EnvEditor) -> None:
    a = row(editor, "A")
    assert (a.reveal.icon, a.reveal.tooltip) == ("eye", "Reveal the value")
    a.reveal.value = True
    assert (a.reveal.icon, a.reveal.tooltip) == ("eye-slash", "Hide the value")
    a.reveal.value = False
    assert a.reveal.icon == "eye"


# m12: a new value is visible while typing, masked once saved


def test_a_new_value_is_visible_while_typing_and_masked_once_saved(editor: EnvEditor) -> None:
    assert isinstance(row(editor, "A").value_input, widgets.Password)
    add(editor, "C", "typed-value")
    new = editor.rows.rows[-1]
    assert not isinstance(new.value_input, widgets.Password)
    assert isinstance(new.value_input, widgets.Text) and new.value_input.value == "typed-value"
    editor.save_button.click()
    assert editor.status.kind == "success", editor.status.text
    assert isinstance(row(editor, "C").value_input, widgets.Password)
    assert "typed-value" not in widget_state(editor)


# m13: the review table in the notebook's style


def test_the_review_table_is_styled_like_notebook_tables(editor: EnvEditor) -> None:
    row(editor, "A").value_input.value = "9"
    editor.review_button.click()
    assert "hcm-review" in editor.review._dom_classes and "<table" in editor.review.value
    css = editor.children[0].value
    assert css.startswith("<style>") and ".hcm-env-editor .hcm-review td" in css
    assert "padding" in css and "text-align: left" in css
    assert "<style>" not in editor.review.value  # the table itself stays display's


def test_no_box_carries_a_tooltip(editor: EnvEditor) -> None:
    """JupyterLab's Box view fails to render a Box with a tooltip ("Click to show javascript
    error" where a managed row was): tooltips go on inputs, buttons and badges only."""
    row(editor, "A").value_input.value = "mine"
    someone_sets(editor, {"A": "theirs"})
    editor.save_button.click()  # a conflict box too

    def boxes(widget: object) -> list[widgets.Box]:
        found = [widget] if isinstance(widget, widgets.Box) else []
        for child in getattr(widget, "children", ()) or ():
            found += boxes(child)
        return found

    assert [b for b in boxes(editor) if b.tooltip] == []
