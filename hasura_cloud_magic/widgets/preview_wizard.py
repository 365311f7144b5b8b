"""``%hasura preview wizard``: create a preview app from a GitHub branch, step by step.

Repository → project options → env vars → GitHub token → review → create, then a live view
of the creation job and the deployment job. The GitHub token never stays in widget state:
a typed token (and typed env values) move into Python when leaving their step, Back included;
"use env var" reads the token at create time.
On failure, "Retry" goes back to the review step with everything kept. An app name that an
existing project has is refused unless "replace the project of that name" is ticked.
"""

from __future__ import annotations

import html
import os
import threading
import uuid
from collections.abc import Callable
from enum import IntEnum

import ipywidgets as widgets

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import MASK, Fields
from hasura_cloud_magic.errors import ConfigurationError
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


def in_background(work: Callable[[], None]) -> None:
    """Follow the job without blocking the kernel (widget updates still reach the page)."""
    threading.Thread(target=work, name="hcm-preview-follow", daemon=True).start()


def _text(description: str, value: str = "", placeholder: str = "") -> widgets.Text:
    return widgets.Text(
        value=value,
        description=description,
        placeholder=placeholder,
        style={"description_width": "9em"},
    )


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
        self.job_id: uuid.UUID | None = None
        self.result: PreviewProgress | None = None
        self._done = threading.Event()
        self.owner, self.repo = _text("Owner", placeholder="my-org"), _text("Repository")
        self.branch, self.directory = _text("Branch", "main"), _text("Directory", "", "hasura")
        self.name = _text("App name", placeholder="my-app-pr-1")
        self.cloud_choice = widgets.Dropdown(
            options=list(CLOUDS), value=DEFAULT_PREVIEW_PLACEMENT.cloud, description="Cloud"
        )
        self.region = widgets.Dropdown(options=[], description="Region")
        self.plan = widgets.Dropdown(
            options=list(PLANS), value=DEFAULT_PREVIEW_PLACEMENT.plan, description="Plan"
        )
        self.envs = EnvRowsEditor(lambda: None, self._guarded)
        self.token_input = widgets.Password(description="GitHub token", placeholder="ghp_…")
        self.use_env_token = widgets.Checkbox(description=f"use env var {github_token_env}")
        self.review = widgets.HTML()
        self.replace_existing = widgets.Checkbox(description="replace the project of that name")
        self.progress = ProgressView()
        self.back_button = widgets.Button(description="Back", icon="arrow-left")
        self.next_button = widgets.Button(
            description="Next", icon="arrow-right", button_style="primary"
        )
        self.create_button = widgets.Button(
            description="Create", icon="rocket", button_style="success"
        )
        self.retry_button = widgets.Button(description="Retry", icon="repeat")
        self.steps = widgets.Stack(self._step_boxes(), selected_index=0)
        self.title = widgets.HTML()
        self.cloud_choice.observe(self._guarded(lambda _: self._load_regions()), "value")
        self._wire(
            (self.back_button, self.back),
            (self.next_button, self.next),
            (self.create_button, self.create),
            (self.retry_button, self.retry),
        )
        super().__init__(
            [
                self.title,
                self.steps,
                widgets.HBox(
                    [self.back_button, self.next_button, self.create_button, self.retry_button]
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
        problems = self._problems(self.step_index)
        if problems:
            self.status.error("; ".join(problems))
            return
        self._show(Step(self.step_index + 1))

    def back(self) -> None:
        self._show(Step(max(self.step_index - 1, Step.REPOSITORY)))

    def retry(self) -> None:
        """After a failure: back to the review step, everything kept."""
        self._show(REVIEW)

    def create(self) -> None:
        token = self._token()
        refuse_silent_replacement(
            self.cloud,
            self.name.value.strip(),
            replace=self.replace_existing.value,
            how="tick 'replace the project of that name'",
        )
        name, envs = self.name.value.strip(), self.envs.edits().set_values
        with self.journal.writing("preview create", name, keys=envs) as entry:
            self.job_id = self.cloud.create_preview_app(
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
            entry.detail = f"creation job {self.job_id}"
        self.result = None
        self._done.clear()
        self._show(PROGRESS)
        self.status.show(f"Queued: creation job {self.job_id}")
        self.runner(self._guarded(self._follow_then_signal))

    def close(self) -> None:
        if hasattr(self, "envs"):  # not when __init__ refused its arguments
            self._github_token = None
            self.token_input.value = ""
            self.envs.clear_secrets()
        super().close()

    def __repr__(self) -> str:
        return f"PreviewWizard(step={self.step_index.title!r}; no values shown)"

    # ------------------------------------------------------------ steps

    def _step_boxes(self) -> list[widgets.Widget]:
        return [
            widgets.VBox([self.owner, self.repo, self.branch, self.directory]),
            widgets.VBox([self.name, self.cloud_choice, self.region, self.plan]),
            widgets.VBox([widgets.HTML("Env vars for the preview app (optional)"), self.envs.box]),
            widgets.VBox(
                [
                    self.token_input,
                    self.use_env_token,
                    widgets.HTML(
                        "Needs read access to the repository. It is sent once and never stored."
                    ),
                ]
            ),
            widgets.VBox([self.review, self.replace_existing]),
            self.progress,
        ]

    def _show(self, step: Step) -> None:
        self._leave(self.step_index)  # whichever way the person goes, Back included
        if step == Step.PROJECT and not self.region.options:
            self._load_regions()
        if step == Step.REVIEW:
            self.review.value = self._summary()
        self.steps.selected_index = int(step)
        self.title.value = (
            f"<b>Preview app — step {step + 1} of {len(Step)}: {html.escape(step.title)}</b>"
        )
        self.back_button.disabled = step in (Step.REPOSITORY, Step.PROGRESS)
        self.next_button.layout.display = None if step < Step.REVIEW else "none"
        self.create_button.layout.display = None if step == Step.REVIEW else "none"
        self.retry_button.layout.display = "none"
        self.status.clear()

    def _problems(self, step: Step) -> list[str]:
        required = {
            Step.REPOSITORY: [self.owner, self.repo, self.branch],
            Step.PROJECT: [self.name],
        }.get(step, [])
        found = [f"{w.description} is required" for w in required if not w.value.strip()]
        if step == Step.PROJECT and self.name.value.strip():
            problem = name_problem(self.name.value.strip())
            found += [f"App name: {problem}"] if problem else []
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
            found.append(f"env var {self.token_env} is not set")
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
        regions = [r.name for r in self.cloud.list_regions(self.cloud_choice.value)]
        self.region.options = regions
        preferred = DEFAULT_PREVIEW_PLACEMENT.region
        self.region.value = preferred if preferred in regions else next(iter(regions), None)

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
            ("directory", self.directory.value or "(repository root)"),
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

    def _follow_then_signal(self) -> None:
        try:
            self._follow()
        finally:
            self._done.set()

    def _follow(self) -> None:
        assert self.job_id is not None
        self.retry_button.layout.display = None  # until it succeeds (errors land in status)
        self.result = follow(
            self.cloud,
            self.job_id,
            wait=True,
            timeout=self.timeout,
            interval=self.poll_interval,
            on_update=self.progress.update,
        )
        if self.result.succeeded:
            self.retry_button.layout.display = "none"
            self.status.show(f"Ready: {self.result.graphql_endpoint}", "success")
        else:
            self.status.error(f"Preview app {self.result.error()}")
