"""A live view of a preview app coming up: progress bar, elapsed time, each task's state.

Serves the wizard and ``%hasura preview create|status --wait`` in Jupyter alike. The bar
counts deployment tasks, as the headline's ``[n/6]`` does; once the job has ended, tasks
that never ran read "skipped" rather than "pending".
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from hasura_cloud_magic.display import COLOURS, TASK_MARKS
from hasura_cloud_magic.preview_apps import DEPLOYMENT_TASKS, PreviewProgress
from hasura_cloud_magic.widgets.guard import SecretFreeText

_WAITING = "Waiting for the creation job…"
_SKIPPED_MARK = "-"
# JupyterLab's widget CSS does not style a link inside an HTML widget: say it is one.
_LINK_STYLE = "color:var(--jp-content-link-color,#0969da);text-decoration:underline"


def _shown_state(progress: PreviewProgress, state: str) -> str:
    """A task still ``pending`` when the job has ended never ran: it was skipped."""
    return "skipped" if state == "pending" and progress.finished else state


class ProgressView(SecretFreeText, widgets.VBox):  # type: ignore[misc]
    """Call :meth:`update` with each new state; shows the last one.

    ``show_failure=False`` leaves the failure line to the caller (the wizard says it once,
    in its status line); the failed task is still marked."""

    def __init__(self, *, show_failure: bool = True) -> None:
        self.show_failure = show_failure
        self.headline = widgets.HTML(_WAITING)
        self.bar = widgets.IntProgress(value=0, min=0, max=len(DEPLOYMENT_TASKS))
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
        self.bar.value = min(progress.done_count, self.bar.max)
        self.bar.bar_style = (
            "danger" if progress.error() else ("success" if progress.succeeded else "info")
        )
        self.elapsed.value = f"{progress.elapsed_seconds:.0f} s"
        self.tasks.value = "".join(
            self._task_line(progress, t.name, t.label, t.state) for t in progress.tasks
        )
        self.outcome.value = self._outcome(progress)

    def reset(self) -> None:
        """Back to "waiting", for another app."""
        self.last = None
        self.headline.value = _WAITING
        self.bar.value, self.bar.bar_style = 0, ""
        self.elapsed.value = "0 s"
        self.tasks.value = self.outcome.value = ""

    @staticmethod
    def _task_line(progress: PreviewProgress, name: str, label: str, state: str) -> str:
        shown = _shown_state(progress, state)
        mark = _SKIPPED_MARK if shown == "skipped" else TASK_MARKS.get(shown, "?")
        colour = f" style='color:{COLOURS['error']}'" if shown == "failed" else ""
        return (
            f"<div class='hcm-task hcm-{html.escape(shown)}'{colour}>{mark} "
            f"{html.escape(name)} — {html.escape(label)}: {html.escape(shown)}</div>"
        )

    def _outcome(self, progress: PreviewProgress) -> str:
        error = progress.error()
        if error:
            if not self.show_failure:
                return ""
            return (
                f"<div class='hcm-failed' style='color:{COLOURS['error']}'>"
                f"Failed: {html.escape(error)}</div>"
            )
        if not progress.succeeded:
            return ""
        console = progress.console_url or ""
        link = (  # only a web address goes in an href (never javascript:)
            f"<a href='{html.escape(console)}' target='_blank' rel='noopener noreferrer' "
            f"class='hcm-link' style='{_LINK_STYLE}'>Open the console ↗</a>"
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
