"""The env editor form, driven like a person would (values and clicks) against the emulator."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.widgets import EnvEditor
from hasura_cloud_magic.widgets.env_editor import MINE, THEIRS

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
