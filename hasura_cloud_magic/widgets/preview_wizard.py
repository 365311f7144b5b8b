"""``%hasura preview wizard``: create a preview app from a GitHub branch, step by step.

Repository → project options → env vars → GitHub token → review → create, then a live view
of the creation job and the deployment job. The GitHub token never stays in widget state:
a typed token (and typed env values) move into Python when leaving their step, Back included;
"use env var" reads the token at create time.

Fields are checked as you type (GitHub's rules for owner and repository, the project-name
rule for the app name); a complaint shown on Next goes away once the field is fixed.
While a job runs the form follows it (one poller per form: each run has a number, and a
poller whose run is no longer current stops without writing anything); it cannot start
another, and "Stop watching" leaves the job running. On failure, Back or "Edit and retry"
go back to the review step with everything kept; after the end, "New app" starts over. An
app name that an existing project has is refused unless "replace the project of that name"
is ticked.
"""

from __future__ import annotations

import html
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable
from enum import IntEnum

import ipywidgets as widgets

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import MASK, Fields, Message
from hasura_cloud_magic.errors import (
    ConfigurationError,
    HasuraCloudError,
    InvalidInputError,
    WaitTimeout,
)
from hasura_cloud_magic.journal import Journal
from hasura_cloud_magic.names import name_problem
from hasura_cloud_magic.preview_apps import PreviewProgress, follow, refuse_silent_replacement
from hasura_cloud_magic.settings import (
    CLOUDS,
    DEFAULT_PREVIEW_PLACEMENT,
    DEFAULT_WAIT_TIMEOUT_SECONDS,
    GITHUB_TOKEN_ENV_VAR,
    PLANS,
    POLL_INTERVAL_SECONDS,
    is_env_var_name,
)
from hasura_cloud_magic.widgets.env_rows import EnvRowsEditor
from hasura_cloud_magic.widgets.guard import Form, FormStatus
from hasura_cloud_magic.widgets.progress_view import ProgressView

Runner = Callable[[Callable[[], None]], None]
log = logging.getLogger("hasura_cloud_magic.widgets")

#: The region chosen when a cloud is picked. A cloud whose default the API does not list
#: leaves the region empty for the person to pick (never silently the first one listed).
DEFAULT_REGIONS = {"aws": DEFAULT_PREVIEW_PLACEMENT.region, "gcp": "us-central1"}
_LABEL_WIDTH = "9em"  # every field's label: inputs and dropdowns start at the same place
_UNDER_INPUT = f"margin-left:calc({_LABEL_WIDTH} + 8px)"
GITHUB_OWNER = re.compile(r"[A-Za-z0-9](?:-?[A-Za-z0-9])*")
GITHUB_REPO = re.compile(r"[A-Za-z0-9._-]+")


def owner_problem(owner: str) -> str | None:
    """Why ``owner`` cannot be a GitHub user or organisation name, or None."""
    if len(owner) > 39 or not GITHUB_OWNER.fullmatch(owner):
        return (
            "letters, digits and single hyphens, not starting or ending with a hyphen, "
            "at most 39 characters"
        )
    return None


def repo_problem(repo: str) -> str | None:
    """Why ``repo`` cannot be a GitHub repository name, or None."""
    if len(repo) > 100 or repo in (".", "..") or not GITHUB_REPO.fullmatch(repo):
        return "letters, digits, '-', '_' and '.', at most 100 characters, not '.' or '..'"
    return None


def branch_problem(branch: str) -> str | None:
    return "a branch name has no spaces" if any(c.isspace() for c in branch) else None


class Step(IntEnum):
    """The wizard's steps, in order (``wizard.step_index`` is one of them)."""

    REPOSITORY = 0
    PROJECT = 1
    ENV_VARS = 2
    GITHUB_TOKEN = 3
    REVIEW = 4
    PROGRESS = 5

    @property
    def title(self) -> str:
        return self.name.replace("_", " ").capitalize().replace("Github", "GitHub")


REVIEW, PROGRESS = Step.REVIEW, Step.PROGRESS
#: ``wizard.job_state``: no job yet, or where the job being followed stands.
NO_JOB, RUNNING, FAILED, SUCCEEDED, STOPPED = "", "running", "failed", "succeeded", "stopped"


class _Superseded(Exception):
    """The poller's run is no longer the form's current one: stop, writing nothing."""


def in_background(work: Callable[[], None]) -> None:
    """Follow the job without blocking the kernel (widget updates still reach the page)."""
    threading.Thread(target=work, name="hcm-preview-follow", daemon=True).start()


def _text(description: str, value: str = "", placeholder: str = "") -> widgets.Text:
    return widgets.Text(
        value=value,
        description=description,
        placeholder=placeholder,
        style={"description_width": _LABEL_WIDTH},
    )


def _dropdown(description: str, options: list[str], value: str | None) -> widgets.Dropdown:
    return widgets.Dropdown(
        options=options,
        value=value,
        description=description,
        style={"description_width": _LABEL_WIDTH},
    )


def _hint(text: str) -> widgets.HTML:
    return widgets.HTML(f"<div style='{_UNDER_INPUT};opacity:0.8'>{html.escape(text)}</div>")


class PreviewWizard(Form, widgets.VBox):  # type: ignore[misc]
    """Drive it with the step widgets' ``.value`` and ``next_button.click()``."""

    def __init__(
        self,
        cloud: HasuraCloud,
        *,
        github_token_env: str = GITHUB_TOKEN_ENV_VAR,
        poll_interval: float = POLL_INTERVAL_SECONDS,
        timeout: float = DEFAULT_WAIT_TIMEOUT_SECONDS,
        runner: Runner = in_background,
        journal: Journal | None = None,
    ) -> None:
        if not is_env_var_name(github_token_env):
            raise ConfigurationError(
                "github_token_env must be the NAME of an env var, not a token (not shown)"
            )
        self.cloud, self.token_env = cloud, github_token_env
        #: Where created apps are recorded (the session's; default: the form's own).
        self.journal = journal if journal is not None else Journal()
        self.poll_interval, self.timeout, self.runner = poll_interval, timeout, runner
        self.status = FormStatus()
        self._github_token: str | None = None
        self._complained: Step | None = None  # the step whose problems the status lists
        self.job_id: uuid.UUID | None = None
        self.result: PreviewProgress | None = None
        #: Where the job being followed stands: NO_JOB, RUNNING, FAILED, SUCCEEDED, STOPPED.
        self.job_state = NO_JOB
        self._run = 0  # the current run; a poller of any other run writes nothing
        self._lock = threading.RLock()  # "is my run current?" and the write, as one
        self._done = threading.Event()
        self.owner = _text("Owner", placeholder="GitHub user or organisation")
        self.repo = _text("Repository", placeholder="repository name")
        self.branch = _text("Branch", "main")
        self.directory = _text("Directory", placeholder="(empty = repository root)")
        self.name = _text("App name", placeholder="e.g. shop-pr-42")
        self.owner_error, self.repo_error, self.branch_error, self.name_error = (
            widgets.HTML() for _ in range(4)
        )
        self._fields: list[tuple[widgets.Text, widgets.HTML, Callable[[str], str | None], Step]]
        self._fields = [
            (self.owner, self.owner_error, owner_problem, Step.REPOSITORY),
            (self.repo, self.repo_error, repo_problem, Step.REPOSITORY),
            (self.branch, self.branch_error, branch_problem, Step.REPOSITORY),
            (self.name, self.name_error, name_problem, Step.PROJECT),
        ]
        self.cloud_choice = _dropdown("Cloud", list(CLOUDS), DEFAULT_PREVIEW_PLACEMENT.cloud)
        self.region = _dropdown("Region", [], None)
        self.plan = _dropdown("Plan", list(PLANS), DEFAULT_PREVIEW_PLACEMENT.plan)
        self.envs = EnvRowsEditor(self._revalidate, self._guarded)
        self.token_input = widgets.Password(
            description="GitHub token",
            placeholder="ghp_…",
            style={"description_width": _LABEL_WIDTH},
        )
        self.use_env_token = widgets.Checkbox(
            description=f"use env var {github_token_env} instead",
            style={"description_width": _LABEL_WIDTH},  # the box lines up with the inputs
            layout=widgets.Layout(width="auto"),  # and its label is never cut off
        )
        self.review = widgets.HTML()
        self.replace_existing = widgets.Checkbox(
            description="replace the project of that name", layout=widgets.Layout(width="auto")
        )
        self.progress = ProgressView(show_failure=False)  # the status line says it, once
        self.back_button = widgets.Button(description="Back", icon="arrow-left")
        self.next_button = widgets.Button(
            description="Next", icon="arrow-right", button_style="primary"
        )
        self.create_button = widgets.Button(
            description="Create", icon="rocket", button_style="success"
        )
        self.retry_button = widgets.Button(
            description="Edit and retry", icon="pencil", layout=widgets.Layout(width="auto")
        )
        self.stop_button = widgets.Button(
            description="Stop watching", icon="eye-slash", layout=widgets.Layout(width="auto")
        )
        self.new_app_button = widgets.Button(
            description="New app", icon="plus", button_style="primary"
        )
        self.steps = widgets.Stack(self._step_boxes(), selected_index=0)
        self.title = widgets.HTML()
        self.cloud_choice.observe(self._guarded(lambda _: self._load_regions()), "value")
        for field, *_ in self._fields:
            field.observe(self._guarded(lambda _, f=field: self._field_changed(f)), "value")
        for control in (self.region, self.token_input, self.use_env_token):
            control.observe(self._guarded(lambda _: self._revalidate()), "value")
        self._wire(
            (self.back_button, self.back),
            (self.next_button, self.next),
            (self.create_button, self.create),
            (self.retry_button, self.retry),
            (self.stop_button, self.stop_watching),
            (self.new_app_button, self.new_app),
        )
        super().__init__(
            [
                self.title,
                self.steps,
                widgets.HBox(
                    [
                        self.back_button,
                        self.next_button,
                        self.create_button,
                        self.retry_button,
                        self.stop_button,
                        self.new_app_button,
                    ]
                ),
                self.status,
            ]
        )
        self.add_class("hcm-preview-wizard")
        self._show(Step.REPOSITORY)

    # ------------------------------------------------------------ navigation

    @property
    def step_index(self) -> Step:
        return Step(self.steps.selected_index or 0)

    def next(self) -> None:
        step = self.step_index
        problems = self._problems(step)
        if problems:
            self._complained = step
            for field, *_ in self._fields:
                self._field_changed(field)
            self.status.error("; ".join(problems))
            return
        self._show(Step(step + 1))

    def back(self) -> None:
        if self.step_index == PROGRESS and self.job_state != FAILED:
            raise InvalidInputError("Back is there once the job has failed")
        self._show(Step(max(self.step_index - 1, Step.REPOSITORY)))

    def retry(self) -> None:
        """After a failure: back to the review step, everything kept."""
        if self.job_state != FAILED:
            raise InvalidInputError("Edit and retry is there once the job has failed")
        self._show(REVIEW)

    def create(self) -> None:
        if self.job_state == RUNNING:
            raise InvalidInputError(
                f"a preview app is being created (creation job {self.job_id}): wait for it "
                "to end, or Stop watching"
            )
        problems = [problem for step in Step if step < REVIEW for problem in self._problems(step)]
        if problems:
            raise InvalidInputError("; ".join(problems))
        token = self._token()
        name = self.name.value.strip()
        refuse_silent_replacement(
            self.cloud,
            name,
            replace=self.replace_existing.value,
            how="tick 'replace the project of that name'",
        )
        envs = self.envs.edits().set_values
        with self.journal.writing("preview create", name, keys=envs) as entry:
            job_id = self.cloud.create_preview_app(
                name=name,
                owner=self.owner.value.strip(),
                repo=self.repo.value.strip(),
                branch=self.branch.value.strip(),
                directory=self.directory.value.strip(),
                github_token=token,
                cloud=self.cloud_choice.value,
                region=self.region.value,
                plan=self.plan.value,
                envs=envs,
            )
            entry.detail = f"creation job {job_id}"
        with self._lock:  # from here on, any earlier poller is stale
            self._run += 1
            run = self._run
            self.job_id, self.result, self.job_state = job_id, None, RUNNING
            self._done.clear()
        self.progress.reset()
        self._show(PROGRESS)
        self.status.show(f"Queued: creation job {job_id}")
        self.runner(lambda: self._follow_run(run, job_id, name))

    def stop_watching(self) -> None:
        """Stop following the job; it goes on (``%hasura preview status JOB --wait``)."""
        if self.job_state != RUNNING:
            raise InvalidInputError("no job is being followed")
        with self._lock:
            self._run += 1
            self.job_state = STOPPED
            self.status.show(
                f"Stopped watching; the job goes on: %hasura preview status {self.job_id} --wait"
            )
            self._buttons()
        self._done.set()

    def new_app(self) -> None:
        """Start over for another app of the same repository: owner, repository, directory,
        placement and the token's source stay; branch, name, env vars and a typed token go."""
        if self.job_state == RUNNING:
            raise InvalidInputError("a preview app is being created: wait, or Stop watching")
        with self._lock:
            self._run += 1
            self.job_state, self.job_id, self.result = NO_JOB, None, None
        self.branch.value, self.name.value = "main", ""
        self.envs.load({})
        self._github_token = None
        self.token_input.value = ""
        self.replace_existing.value = False
        self.review.value = ""
        self.progress.reset()
        self._show(Step.REPOSITORY)

    def close(self) -> None:
        if hasattr(self, "envs"):  # not when __init__ refused its arguments
            with self._lock:
                self._run += 1  # a poller still going stops writing
            self._github_token = None
            self.token_input.value = ""
            self.envs.clear_secrets()
        super().close()

    def __repr__(self) -> str:
        return f"PreviewWizard(step={self.step_index.title!r}; no values shown)"

    # ------------------------------------------------------------ steps

    def _step_boxes(self) -> list[widgets.Widget]:
        return [
            widgets.VBox(
                [
                    self.owner,
                    self.owner_error,
                    self.repo,
                    self.repo_error,
                    self.branch,
                    self.branch_error,
                    self.directory,
                    _hint(
                        "Directory: the folder with config.yaml, metadata/ and migrations/; "
                        "empty for the repository root."
                    ),
                ]
            ),
            widgets.VBox([self.name, self.name_error, self.cloud_choice, self.region, self.plan]),
            widgets.VBox([widgets.HTML("Env vars for the preview app (optional)"), self.envs.box]),
            widgets.VBox(
                [
                    self.token_input,
                    self.use_env_token,
                    _hint("Needs read access to the repository. It is sent once, never stored."),
                ]
            ),
            widgets.VBox([self.review, self.replace_existing]),
            self.progress,
        ]

    def _show(self, step: Step) -> None:
        self._complained = None
        self._leave(self.step_index)  # whichever way the person goes, Back included
        if step == Step.PROJECT and not self.region.options:
            self._load_regions()
        if step == Step.REVIEW:
            self.review.value = self._summary()
        self.steps.selected_index = int(step)
        self.title.value = (
            f"<b>Preview app — step {step + 1} of {len(Step)}: {html.escape(step.title)}</b>"
        )
        self.status.clear()
        for field, *_ in self._fields:
            self._field_changed(field)
        self._buttons()

    def _buttons(self) -> None:
        """Which buttons the step and the job allow (nothing that starts a job while one
        runs; Back and Edit and retry once it has failed; New app once it has ended)."""
        step, state = self.step_index, self.job_state
        shown = {
            self.next_button: step < REVIEW,
            self.create_button: step == REVIEW,
            self.retry_button: step == PROGRESS and state == FAILED,
            self.stop_button: step == PROGRESS and state == RUNNING,
            self.new_app_button: step == PROGRESS and state in (FAILED, SUCCEEDED, STOPPED),
        }
        for button, visible in shown.items():
            button.layout.display = None if visible else "none"
        self.create_button.disabled = state == RUNNING
        self.back_button.disabled = step == Step.REPOSITORY or (
            step == PROGRESS and state != FAILED
        )
        self.back_button.layout.display = "none" if step == PROGRESS and state != FAILED else None

    def _field_problem(self, field: widgets.Text, check: Callable[[str], str | None]) -> str:
        value = field.value.strip()
        if not value:
            return f"{field.description} is required"
        problem = check(value)
        return f"{field.description}: {problem}" if problem else ""

    def _field_changed(self, field: widgets.Text) -> None:
        """As you type: the field's own line says what is wrong with it (an empty field
        only once Next complained), and a complaint in the status line follows the fix."""
        for candidate, error, check, step in self._fields:
            if candidate is field:
                problem = check(field.value.strip()) if field.value.strip() else None
                if problem is None and not field.value.strip() and self._complained == step:
                    problem = "required"
                error.value = (
                    f"<div style='{_UNDER_INPUT}'>{Message(problem, 'error')._repr_html_()}</div>"
                    if problem
                    else ""
                )
        self._revalidate()

    def _revalidate(self) -> None:
        if self._complained is not None and self._complained == self.step_index:
            problems = self._problems(self._complained)
            if problems:
                self.status.error("; ".join(problems))
            else:
                self.status.clear()

    def _problems(self, step: Step) -> list[str]:
        found = [
            problem
            for field, _, check, field_step in self._fields
            if field_step == step
            for problem in [self._field_problem(field, check)]
            if problem
        ]
        if step == Step.PROJECT and not self.region.value:
            found.append("choose a region")
        if step == Step.ENV_VARS:
            found += self.envs.problems()
        if (
            step == Step.GITHUB_TOKEN
            and not self.use_env_token.value
            and not (self.token_input.value.strip() or self._github_token)
        ):
            found.append(f"type a GitHub token or tick 'use env var {self.token_env}'")
        if (
            step == Step.GITHUB_TOKEN
            and self.use_env_token.value
            and not os.environ.get(self.token_env)
        ):
            found.append(
                f"env var {self.token_env} is not set: set it before starting Jupyter (or "
                f"%env {self.token_env}=… in a cell, which stays in the notebook — prefer "
                "pasting the token here)"
            )
        return found

    def _leave(self, step: Step) -> None:
        """Typed secrets move into Python when their step is left: widget state (saved
        with the notebook) keeps none of them."""
        if step == Step.GITHUB_TOKEN and self.token_input.value.strip():
            self._github_token = self.token_input.value.strip()  # keep it in Python only
            self.token_input.value = ""
        if step == Step.ENV_VARS:
            self.envs.clear_secrets()

    def _load_regions(self) -> None:
        """The cloud's regions from the API; its default region chosen, or none when the
        API does not list it (the person picks one; Next says so)."""
        regions = [r.name for r in self.cloud.list_regions(self.cloud_choice.value)]
        preferred = DEFAULT_REGIONS.get(self.cloud_choice.value)
        self.region.options = regions
        self.region.value = preferred if preferred in regions else None

    def _token(self) -> str:
        token = (
            os.environ.get(self.token_env, "")
            if self.use_env_token.value
            else (self._github_token or "")
        )
        if not token.strip():
            raise ConfigurationError("no GitHub token: go back to the GitHub token step")
        return token.strip()

    def _summary(self) -> str:
        envs = self.envs.edits().set_values
        items = [
            ("repository", f"{self.owner.value}/{self.repo.value}@{self.branch.value}"),
            ("directory", self.directory.value.strip() or "(repository root)"),
            ("app name", self.name.value),
            ("where", f"{self.cloud_choice.value} {self.region.value}, {self.plan.value}"),
            ("env vars", ", ".join(f"{k}={MASK}" for k in sorted(envs)) or "none"),
            (
                "GitHub token",
                f"from env var {self.token_env}" if self.use_env_token.value else "typed (hidden)",
            ),
        ]
        return f"<div class='hcm-review'>{Fields('Review', items)._repr_html_()}</div>"

    # ------------------------------------------------------------ following the job

    def wait(self, timeout: float | None = None) -> PreviewProgress | None:
        """Block until the job being followed has ended (for scripts and notebooks)."""
        self._done.wait(timeout)
        return self.result

    def _follow_run(self, run: int, job_id: uuid.UUID, name: str) -> None:
        """The poller of one run: every write checks, under the lock, that the run is still
        the form's current one; a stale poller stops at its next update or nap."""
        try:
            self._check_current(run)
            result = follow(
                self.cloud,
                job_id,
                wait=True,
                timeout=self.timeout,
                interval=self.poll_interval,
                on_update=lambda progress: self._update(run, name, progress),
                sleep=lambda seconds: self._nap(run, seconds),
            )
        except _Superseded:
            return
        except WaitTimeout as error:  # the job goes on: nothing to retry yet
            self._end(run, STOPPED, str(error), "warning")
        except HasuraCloudError as error:
            self._end(run, FAILED, f"Preview app {name}: {error}", "error")
        except Exception as error:  # a bug: say so in the form, log the type only
            log.error("unexpected %s following a preview app", type(error).__name__)
            self._end(
                run,
                FAILED,
                f"Unexpected error ({type(error).__name__}) following the job; it may go on: "
                f"%hasura preview status {job_id} --wait",
                "error",
            )
        else:
            if result.succeeded:
                self._end(run, SUCCEEDED, f"Ready: {result.graphql_endpoint}", "success", result)
            else:
                self._end(run, FAILED, f"Preview app {result.error()}", "error", result)

    def _check_current(self, run: int) -> None:
        if run != self._run:
            raise _Superseded

    def _nap(self, run: int, seconds: float) -> None:
        self._check_current(run)
        time.sleep(seconds)
        self._check_current(run)

    def _update(self, run: int, name: str, progress: PreviewProgress) -> None:
        with self._lock:
            self._check_current(run)
            self.progress.update(progress)
            self._check_current(run)  # (the lock is re-entrant: an update's own callback)
            if not progress.finished:  # the end gets its own line
                self.status.show(f"Creating {name}: {progress.headline()}")

    def _end(
        self,
        run: int,
        state: str,
        text: str,
        kind: str,
        result: PreviewProgress | None = None,
    ) -> None:
        with self._lock:
            if run != self._run:
                return
            self.result, self.job_state = result, state
            self.status.show(text, kind)
            self._buttons()
            self._done.set()
