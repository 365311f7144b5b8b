"""The preview-app wizard, step by step, against the emulator (polling runs inline here)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.widgets import PreviewWizard
from hasura_cloud_magic.widgets.preview_wizard import PROGRESS, REVIEW

GOOD_TOKEN = "ghp_" + "W" * 36


@pytest.fixture
def wizard(cloud: HasuraCloud) -> Iterator[PreviewWizard]:
    form = PreviewWizard(cloud, poll_interval=0.01, timeout=30, runner=lambda work: work())
    yield form
    name = form.name.value
    found = cloud.find_project_by_name(name) if name else None
    if found is not None and found.tenant is not None:
        cloud.delete_tenant(found.tenant.id)


def fill_until_review(wizard: PreviewWizard, token: str, name: str | None = None) -> None:
    wizard.owner.value, wizard.repo.value = "my-org", "my-repo"
    wizard.next_button.click()
    wizard.name.value = name or f"wiz-{uuid.uuid4().hex[:8]}"
    wizard.next_button.click()
    wizard.envs.add_button.click()
    wizard.envs.rows[-1].key_input.value = "HOOK_URL"
    wizard.envs.rows[-1].value_input.value = "https://example.test/hook"
    wizard.next_button.click()
    wizard.token_input.value = token
    wizard.next_button.click()
    assert wizard.step_index == REVIEW, wizard.status.text


def test_success_shows_endpoint_and_keeps_no_token(wizard: PreviewWizard) -> None:
    fill_until_review(wizard, GOOD_TOKEN)
    assert wizard.token_input.value == ""  # moved out of widget state on leaving the step
    assert (
        GOOD_TOKEN not in wizard.review.value and "https://example.test" not in wizard.review.value
    )
    wizard.create_button.click()
    assert wizard.step_index == PROGRESS
    assert wizard.result is not None and wizard.result.succeeded, wizard.status.text
    endpoint = f"https://{wizard.name.value}.hasura.app/v1/graphql"
    assert wizard.status.kind == "success" and endpoint in wizard.status.text
    assert endpoint in wizard.progress.outcome.value
    assert wizard.progress.bar.value == wizard.progress.bar.max
    assert [t.state for t in wizard.result.tasks] == ["success"] * 6
    env = wizard.cloud.get_env(
        wizard.cloud.get_project(wizard.result.creation.project_id).tenant.id
    )  # type: ignore[union-attr]
    assert env.values["HOOK_URL"] == "https://example.test/hook"
    assert GOOD_TOKEN not in repr(wizard) + str(wizard._repr_mimebundle_())


def test_bad_github_token_fails_validation_and_retry_keeps_everything(
    wizard: PreviewWizard,
) -> None:
    fill_until_review(wizard, "not-a-github-token")
    name = wizard.name.value
    wizard.create_button.click()
    assert wizard.result is not None and not wizard.result.succeeded
    assert wizard.status.kind == "error" and "gh-validation failed" in wizard.status.text
    assert "gh-validation" in wizard.progress.outcome.value
    assert wizard.retry_button.layout.display is None  # shown
    wizard.retry_button.click()
    assert wizard.step_index == REVIEW
    assert (wizard.name.value, wizard.owner.value) == (name, "my-org")
    assert "HOOK_URL" in wizard.review.value


def test_each_step_validates_before_moving_on(wizard: PreviewWizard) -> None:
    wizard.next_button.click()
    assert wizard.step_index == 0 and "Owner is required" in wizard.status.text
    wizard.owner.value, wizard.repo.value = "o", "r"
    wizard.next_button.click()
    wizard.name.value = "Bad_Name"
    wizard.next_button.click()
    assert wizard.step_index == 1 and "lowercase letters" in wizard.status.text
    wizard.name.value = "good-name"
    wizard.next_button.click()
    wizard.envs.add_button.click()
    wizard.envs.rows[-1].key_input.value = "1BAD"
    wizard.next_button.click()
    assert wizard.step_index == 2 and "invalid name" in wizard.status.text
    wizard.envs.rows[-1].undo.click()
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.step_index == 3 and "type a GitHub token" in wizard.status.text


def test_regions_come_from_the_api(wizard: PreviewWizard) -> None:
    wizard.owner.value, wizard.repo.value = "o", "r"
    wizard.next_button.click()
    assert "us-east-2" in wizard.region.options and wizard.region.value == "us-east-2"
    wizard.cloud_choice.value = "gcp"
    assert "us-central1" in wizard.region.options and "us-east-2" not in wizard.region.options


def test_token_from_env_var(wizard: PreviewWizard, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    fill_until_review(wizard, GOOD_TOKEN)
    wizard.back_button.click()
    wizard.use_env_token.value = True
    wizard.next_button.click()
    assert wizard.step_index == 3 and "GITHUB_TOKEN is not set" in wizard.status.text
    monkeypatch.setenv("GITHUB_TOKEN", GOOD_TOKEN)
    wizard.next_button.click()
    assert "from env var GITHUB_TOKEN" in wizard.review.value
    wizard.create_button.click()
    assert wizard.result is not None and wizard.result.succeeded


def test_root_has_a_stable_css_class(wizard: PreviewWizard) -> None:
    assert "hcm-preview-wizard" in wizard._dom_classes


def test_following_in_the_background_and_waiting(cloud: HasuraCloud) -> None:
    """The default runner: a thread, so the kernel stays responsive; wait() joins it."""
    wizard = PreviewWizard(cloud, poll_interval=0.01, timeout=30)
    try:
        fill_until_review(wizard, GOOD_TOKEN)
        wizard.create_button.click()
        result = wizard.wait(timeout=30)
        assert result is not None and result.succeeded
        assert wizard.status.kind == "success"
    finally:
        found = cloud.find_project_by_name(wizard.name.value)
        if found is not None and found.tenant is not None:
            cloud.delete_tenant(found.tenant.id)


def all_widget_state(form: object) -> str:
    """Every value the form's widgets would save in the notebook, as one string."""
    import ipywidgets as widgets

    def walk(widget: object) -> list[str]:
        found = [str(getattr(widget, name, "")) for name in ("value", "description", "placeholder")]
        for child in getattr(widget, "children", ()) or ():
            found += walk(child)
        return found

    assert isinstance(form, widgets.Widget)
    return " ".join(walk(form))


def test_typed_secrets_leave_widget_state_on_any_step_change(
    wizard: PreviewWizard, cloud: HasuraCloud
) -> None:
    """The trial's M2: Back used to leave the token in the Password widget's state."""
    wizard.owner.value, wizard.repo.value = "my-org", "my-repo"
    wizard.next_button.click()
    wizard.name.value = f"wiz-{uuid.uuid4().hex[:8]}"
    wizard.next_button.click()
    wizard.envs.add_button.click()
    wizard.envs.rows[-1].key_input.value = "HOOK_SECRET"
    wizard.envs.rows[-1].value_input.value = "env-value-canary"
    wizard.next_button.click()
    assert "env-value-canary" not in all_widget_state(wizard)
    assert wizard.envs.edits().set_values == {"HOOK_SECRET": "env-value-canary"}
    assert "(hidden)" in wizard.envs.rows[-1].value_input.placeholder
    wizard.token_input.value = GOOD_TOKEN
    wizard.back_button.click()
    assert GOOD_TOKEN not in all_widget_state(wizard)
    wizard.next_button.click()  # back on the token step: the typed token was kept
    wizard.next_button.click()
    assert wizard.step_index == REVIEW, wizard.status.text
    wizard.create_button.click()
    assert wizard.wait(30) is not None and wizard.result is not None and wizard.result.succeeded
    found = cloud.find_project_by_name(wizard.name.value)
    assert found is not None and found.tenant is not None
    assert cloud.get_env(found.tenant.id).values["HOOK_SECRET"] == "env-value-canary"


def test_the_console_link_is_only_ever_a_web_address() -> None:
    """The trial's L16: a server-made console URL went into href unchecked."""
    from hasura_cloud_magic.preview_apps import CreationOutcome, PreviewProgress
    from hasura_cloud_magic.widgets import ProgressView

    class Hostile(PreviewProgress):
        @property
        def console_url(self) -> str | None:
            return "javascript:alert(1)"

    creation = CreationOutcome("success", project_id=uuid.uuid4())
    view = ProgressView()
    view.update(Hostile(uuid.uuid4(), creation, "success", (), 1.0, "https://x/v1/graphql"))
    assert "javascript:" not in view.outcome.value and "href" not in view.outcome.value
    view.update(PreviewProgress(uuid.uuid4(), creation, "success", (), 1.0, "https://x/v1/graphql"))
    assert "href='https://cloud.hasura.io/project/" in view.outcome.value
