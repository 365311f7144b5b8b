"""A live view of a preview app coming up: progress bar, elapsed time, each task's state.

Serves the wizard and ``%hasura preview create|status --wait`` in Jupyter alike.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from hasura_cloud_magic.display import COLOURS, TASK_MARKS
from hasura_cloud_magic.preview_apps import DEPLOYMENT_TASKS, PreviewProgress
from hasura_cloud_magic.widgets.guard import SecretFreeText

_CREATION_STEPS = 2  # the creation job: running, then success


def _steps_done(progress: PreviewProgress) -> int:
    creation = {"running": 1, "success": 2}.get(progress.creation.status, 0)
    return creation + progress.done_count


class ProgressView(SecretFreeText, widgets.VBox):  # type: ignore[misc]
    """Call :meth:`update` with each new state; shows the last one."""

    def __init__(self) -> None:
        self.headline = widgets.HTML("Waiting for the creation job…")
        self.bar = widgets.IntProgress(value=0, min=0, max=_CREATION_STEPS + len(DEPLOYMENT_TASKS))
        self.elapsed = widgets.Label("0 s")
        self.tasks = widgets.HTML()
        self.outcome = widgets.HTML()
        self.last: PreviewProgress | None = None
        super().__init__(
            [self.headline, widgets.HBox([self.bar, self.elapsed]), self.tasks, self.outcome]
        )
        self.add_class("hcm-progress")

    def update(self, progress: PreviewProgress) -> None:
        self.last = progress
        self.headline.value = f"<b>Preview app</b> — job {progress.job_id}: " + html.escape(
            progress.headline()
        )
        self.bar.value = _steps_done(progress)
        self.bar.bar_style = (
            "danger" if progress.error() else ("success" if progress.succeeded else "info")
        )
        self.elapsed.value = f"{progress.elapsed_seconds:.0f} s"
        self.tasks.value = "".join(
            f"<div class='hcm-task hcm-{t.state}'>{TASK_MARKS.get(t.state, '?')} "
            f"{html.escape(t.name)} — {html.escape(t.label)}: {html.escape(t.state)}</div>"
            for t in progress.tasks
        )
        self.outcome.value = self._outcome(progress)

    @staticmethod
    def _outcome(progress: PreviewProgress) -> str:
        error = progress.error()
        if error:
            return (
                f"<div class='hcm-failed' style='color:{COLOURS['error']}'>"
                f"Failed: {html.escape(error)}</div>"
            )
        if not progress.succeeded:
            return ""
        console = progress.console_url or ""
        link = (  # only a web address goes in an href (never javascript:)
            f"<a href='{html.escape(console)}' target='_blank'>Open the console</a>"
            if console.startswith(("https://", "http://"))
            else ""
        )
        return (
            "<div class='hcm-success'>"
            f"Project id: {progress.creation.project_id}<br>"
            f"GraphQL endpoint: <code>{html.escape(progress.graphql_endpoint or '')}</code><br>"
            f"{link}</div>"
        )

    def __repr__(self) -> str:
        return f"ProgressView({self.last.headline() if self.last else 'live'})"
