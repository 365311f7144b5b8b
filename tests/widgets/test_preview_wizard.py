"""The preview-app wizard, step by step, against the emulator (polling runs inline here)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator

import pytest
from widget_support import no_callback_errors  # noqa: F401  (autouse fixture)

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.emulator import start
from hasura_cloud_magic.preview_apps import PreviewProgress
from hasura_cloud_magic.settings import ClientSettings
from hasura_cloud_magic.widgets import PreviewWizard
from hasura_cloud_magic.widgets.preview_wizard import (
    DEFAULT_REGIONS,
    FAILED,
    PROGRESS,
    REVIEW,
    RUNNING,
    STOPPED,
    SUCCEEDED,
    Step,
)

GOOD_TOKEN = "ghp_" + "W" * 36


@pytest.fixture(scope="module")
def slow_cloud() -> Iterator[HasuraCloud]:
    """An emulator whose preview-app steps take 0.1 s each, so a job is seen under way."""
    with (
        start(step_seconds=0.1) as slow,
        HasuraCloud(ClientSettings(endpoint=slow.endpoint, token=slow.token)) as client,
    ):
        yield client


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
    assert wizard.job_state == FAILED
    assert wizard.status.kind == "error" and "gh-validation failed" in wizard.status.text
    assert "gh-validation — Fetching metadata: failed" in wizard.progress.tasks.value
    assert wizard.retry_button.layout.display is None  # shown
    assert wizard.retry_button.description == "Edit and retry"
    wizard.retry_button.click()
    assert wizard.step_index == REVIEW
    assert (wizard.name.value, wizard.owner.value) == (name, "my-org")
    assert "HOOK_URL" in wizard.review.value


def test_after_a_failure_back_works_the_failure_is_said_once_and_unrun_tasks_are_skipped(
    wizard: PreviewWizard,
) -> None:
    """The trial's m17: Back was disabled, the failure was shown twice in red, and tasks
    that never ran stayed "pending"."""
    fill_until_review(wizard, "not-a-github-token")
    wizard.create_button.click()
    assert wizard.job_state == FAILED and "gh-validation failed" in wizard.status.text
    shown = wizard.progress.outcome.value + wizard.progress.headline.value
    assert "gh-validation failed:" not in shown and "hcm-failed" not in shown  # once: status
    tasks = wizard.progress.tasks.value
    assert "pending" not in tasks and tasks.count(": skipped</div>") == 5
    assert not wizard.back_button.disabled
    assert wizard.new_app_button.layout.display is None
    wizard.back_button.click()
    assert wizard.step_index == REVIEW and "HOOK_URL" in wizard.review.value
    assert wizard.create_button.layout.display is None and not wizard.create_button.disabled


def test_the_status_line_and_the_bar_follow_the_job(slow_cloud: HasuraCloud) -> None:
    """The trial's m17: the status stayed on "Queued: creation job …" and the bar's fill
    did not match the headline's [n/6]."""
    wizard = PreviewWizard(slow_cloud, poll_interval=0.02, timeout=30, runner=lambda w: w())
    statuses: list[str] = []
    wizard.status.observe(lambda _: statuses.append(wizard.status.text), "value")
    seen: list[tuple[str, int, int]] = []
    update = wizard.progress.update

    def recording(progress: PreviewProgress) -> None:
        update(progress)
        seen.append((progress.headline(), wizard.progress.bar.value, wizard.progress.bar.max))

    wizard.progress.update = recording  # type: ignore[method-assign]
    fill_until_review(wizard, GOOD_TOKEN)
    name = wizard.name.value
    wizard.create_button.click()
    assert wizard.status.text.startswith("Ready:")
    counted = [(re.search(r"\[(\d)/6\]", h), value, top) for h, value, top in seen]
    assert len({m.group(1) for m, _, _ in counted if m}) >= 3, seen  # seen under way
    for found, value, top in counted:
        assert top == 6 and value == (int(found.group(1)) if found else 0), seen
    following = [t for t in statuses if t.startswith(f"Creating {name}: deployment ")]
    assert len(set(following)) >= 2, statuses  # the line moved on with the job
    queued = next(i for i, t in enumerate(statuses) if t.startswith("Queued"))
    assert statuses.index(following[0]) > queued
    delete_if_there(slow_cloud, name)


def test_after_success_the_console_is_a_link_and_new_app_starts_over(
    wizard: PreviewWizard, cloud: HasuraCloud
) -> None:
    fill_until_review(wizard, GOOD_TOKEN)
    first = wizard.name.value
    wizard.create_button.click()
    assert wizard.job_state == SUCCEEDED
    assert "text-decoration:underline" in wizard.progress.outcome.value  # looks like a link
    assert wizard.new_app_button.layout.display is None
    assert wizard.back_button.layout.display == "none"  # nothing to go back to
    assert (
        wizard.retry_button.layout.display == "none" and wizard.stop_button.layout.display == "none"
    )
    wizard.new_app_button.click()
    assert wizard.step_index == Step.REPOSITORY and wizard.status.text == ""
    assert (wizard.owner.value, wizard.repo.value, wizard.branch.value) == (
        "my-org",
        "my-repo",
        "main",
    )
    assert wizard.name.value == "" and wizard.envs.rows == [] and wizard.job_id is None
    assert wizard.progress.tasks.value == "" and wizard.progress.bar.value == 0
    assert wizard._github_token is None  # a typed token is not carried to the next app
    fill_until_review(wizard, GOOD_TOKEN)
    wizard.create_button.click()
    assert wizard.job_state == SUCCEEDED and wizard.name.value in wizard.status.text
    assert {first, wizard.name.value} <= wizard.journal.created_names()
    delete_if_there(cloud, first)


def delete_if_there(cloud: HasuraCloud, name: str) -> None:
    found = cloud.find_project_by_name(name)
    if found is not None and found.tenant is not None:
        cloud.delete_tenant(found.tenant.id)


def test_one_job_at_a_time_and_a_stale_poller_writes_nothing(cloud: HasuraCloud) -> None:
    """The trial's M10: Retry was enabled while the job ran, a second Create started a
    second job, and the first job's poller then wrote its failure into the status."""
    held: list[Callable[[], None]] = []  # pollers, run when the test says (as slow threads)
    wizard = PreviewWizard(cloud, poll_interval=0.01, timeout=30, runner=held.append)
    fill_until_review(wizard, GOOD_TOKEN)
    first = wizard.name.value
    wizard.create_button.click()
    job = wizard.job_id
    assert wizard.step_index == PROGRESS and wizard.job_state == RUNNING
    assert wizard.retry_button.layout.display == "none" and wizard.back_button.disabled
    assert wizard.create_button.layout.display == "none" and wizard.create_button.disabled
    assert wizard.stop_button.layout.display is None
    for button in (wizard.retry_button, wizard.back_button, wizard.create_button):
        button.click()  # as code (or a stale page) could
    assert wizard.step_index == PROGRESS and wizard.job_id == job
    assert len(held) == 1 and wizard.journal.created_names() == {first}
    assert wizard.status.kind == "error"  # said why, nothing started

    wizard.stop_button.click()
    assert f"the job goes on: %hasura preview status {job} --wait" in wizard.status.text
    wizard.new_app_button.click()
    fill_until_review(wizard, GOOD_TOKEN)
    second = wizard.name.value
    wizard.create_button.click()
    assert len(held) == 2
    held[1]()  # the current run's poller
    assert wizard.status.text == f"Ready: https://{second}.hasura.app/v1/graphql"
    shown = (wizard.status.value, wizard.progress.headline.value, wizard.progress.tasks.value)
    held[0]()  # the first run's poller, late: it stops and writes nothing
    assert (
        wizard.status.value,
        wizard.progress.headline.value,
        wizard.progress.tasks.value,
    ) == shown
    assert wizard.result is not None and wizard.result.job_id == wizard.job_id != job
    assert wizard.job_state == SUCCEEDED
    for name in (first, second):
        delete_if_there(cloud, name)


def test_a_poller_superseded_mid_run_stops_at_its_next_poll(
    slow_cloud: HasuraCloud, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check is made around every nap and before every write, not only at the start."""
    from hasura_cloud_magic.widgets import preview_wizard

    wizard = PreviewWizard(slow_cloud, poll_interval=0.02, timeout=30, runner=lambda w: w())
    writes: list[str] = []
    update = wizard.progress.update

    def counting(progress: PreviewProgress) -> None:
        update(progress)
        writes.append(progress.headline())

    def nap(seconds: float) -> None:  # between two polls, someone clicks Stop watching
        if wizard.job_state == RUNNING:
            wizard.stop_button.click()

    wizard.progress.update = counting  # type: ignore[method-assign]
    monkeypatch.setattr(preview_wizard, "time", type("FakeTime", (), {"sleep": staticmethod(nap)}))
    fill_until_review(wizard, GOOD_TOKEN)
    wizard.create_button.click()
    assert len(writes) == 1 and wizard.job_state == STOPPED, writes
    assert "the job goes on" in wizard.status.text and wizard.status.kind == "info"
    assert wizard.new_app_button.layout.display is None
    assert wizard.retry_button.layout.display == "none"  # it has not failed
    delete_if_there(slow_cloud, wizard.name.value)


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


def test_repository_fields_are_checked_as_you_type(wizard: PreviewWizard) -> None:
    """The trial's m14: a default-looking Directory, no GitHub-name checks, and an
    "is required" that stayed after the field was filled."""
    assert (
        wizard.directory.value == "" and "(empty = repository root)" in wizard.directory.placeholder
    )
    step_one = wizard.steps.children[Step.REPOSITORY].children
    assert any("Directory: the folder" in getattr(w, "value", "") for w in step_one)
    for bad in ("My Org!", "-acme", "acme-", "ac--me", "a" * 40):
        wizard.owner.value = bad
        assert "single hyphens" in wizard.owner_error.value, bad
    for good in ("acme", "my-org", "A1-b2", "a" * 39):
        wizard.owner.value = good
        assert wizard.owner_error.value == "", good
    for bad in ("shop repo", ".", "..", "x" * 101, "shop/repo"):
        wizard.repo.value = bad
        assert "at most 100 characters" in wizard.repo_error.value, bad
    for good in ("shop", "shop.js_v-2", ".github"):
        wizard.repo.value = good
        assert wizard.repo_error.value == "", good
    assert wizard.status.text == ""  # as you type: no Next needed

    wizard.owner.value, wizard.repo.value = "My Org!", "shop repo"
    wizard.next_button.click()
    assert wizard.step_index == Step.REPOSITORY
    assert "Owner: letters" in wizard.status.text and "Repository: letters" in wizard.status.text

    wizard.owner.value = wizard.repo.value = ""
    wizard.next_button.click()
    assert "Owner is required" in wizard.status.text and "required" in wizard.owner_error.value
    wizard.owner.value = "acme"
    assert "Owner" not in wizard.status.text and "Repository is required" in wizard.status.text
    assert wizard.owner_error.value == ""
    wizard.repo.value = "shop"
    assert wizard.status.text == "" and wizard.status.kind == "info"
    wizard.next_button.click()
    assert wizard.step_index == Step.PROJECT


def test_app_name_is_checked_as_you_type_and_labels_line_up(wizard: PreviewWizard) -> None:
    """The trial's m15: the name was checked only on Next; the name input started right of
    the dropdowns."""
    wizard.owner.value, wizard.repo.value = "o", "r"
    wizard.next_button.click()
    wizard.name.value = "Bad Name!"
    assert "lowercase letters" in wizard.name_error.value and wizard.step_index == Step.PROJECT
    wizard.name.value = "good-name"
    assert wizard.name_error.value == ""
    labelled = (wizard.owner, wizard.directory, wizard.name, wizard.cloud_choice, wizard.region)
    widths = {w.style.description_width for w in (*labelled, wizard.plan, wizard.token_input)}
    assert len(widths) == 1 and widths != {""}


def test_switching_cloud_picks_its_default_region_never_the_first_listed(
    wizard: PreviewWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard.owner.value, wizard.repo.value = "o", "r"
    wizard.next_button.click()
    assert wizard.region.value == DEFAULT_REGIONS["aws"] == "us-east-2"
    wizard.cloud_choice.value = "gcp"
    assert wizard.region.value == DEFAULT_REGIONS["gcp"] != sorted(wizard.region.options)[0]
    wizard.cloud_choice.value = "aws"
    assert wizard.region.value == "us-east-2"
    # a cloud whose default the API does not list: nothing chosen for the person
    monkeypatch.setitem(DEFAULT_REGIONS, "gcp", "nowhere-1")
    wizard.cloud_choice.value = "gcp"
    assert wizard.region.value is None and wizard.region.options
    wizard.name.value = "good-name"
    wizard.next_button.click()
    assert wizard.step_index == Step.PROJECT and "choose a region" in wizard.status.text
    wizard.region.value = wizard.region.options[-1]
    assert wizard.status.text == ""
    wizard.next_button.click()
    assert wizard.step_index == Step.ENV_VARS


def test_the_token_step_labels_are_whole_and_an_unset_env_var_says_what_to_do(
    wizard: PreviewWizard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trial's m16: the label read "GitHub to…" and the unset env var had no next step."""
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert wizard.token_input.style.description_width == wizard.owner.style.description_width
    assert wizard.use_env_token.description == "use env var GITHUB_TOKEN instead"
    assert wizard.use_env_token.layout.width == "auto"
    fill_until_review(wizard, GOOD_TOKEN)
    wizard.back_button.click()
    wizard.use_env_token.value = True
    wizard.next_button.click()
    assert wizard.step_index == Step.GITHUB_TOKEN
    text = wizard.status.text
    assert text.startswith("env var GITHUB_TOKEN is not set: set it before starting Jupyter")
    assert "%env GITHUB_TOKEN=…" in text and "prefer pasting the token here" in text
    assert GOOD_TOKEN not in text and "\n" not in text
    wizard.use_env_token.value = False  # the typed token is still kept: the complaint goes
    assert wizard.status.text == ""
