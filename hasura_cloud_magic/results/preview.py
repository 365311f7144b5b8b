"""Preview apps as ``%hasura preview create|status`` return them."""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hasura_cloud_magic.display import TASK_MARKS, CardView, Fields

if TYPE_CHECKING:
    from hasura_cloud_magic.preview_apps import PreviewProgress

__all__ = ["PreviewJob", "PreviewStatus"]


@dataclass(frozen=True, repr=False)
class PreviewStatus:
    """A preview app's progress: a line per task in text, a progress bar in HTML."""

    progress: PreviewProgress

    @property
    def job_id(self) -> uuid.UUID:
        return self.progress.job_id

    @property
    def status(self) -> str:
        p = self.progress
        return p.deployment_status or p.creation.status

    @property
    def project_id(self) -> uuid.UUID | None:
        return self.progress.creation.project_id

    @property
    def graphql_endpoint(self) -> str | None:
        return self.progress.graphql_endpoint

    def facts(self) -> list[tuple[str, str]]:
        p = self.progress
        items = [("creation job", str(p.job_id))]
        if p.creation.deployment_job_id:
            items.append(("deployment job", str(p.creation.deployment_job_id)))
        if p.creation.project_id:
            items.append(("project id", str(p.creation.project_id)))
        if p.graphql_endpoint:
            items += [("GraphQL endpoint", p.graphql_endpoint), ("console", p.console_url or "")]
        error = p.error()
        if error:
            items.append(("error", error))
        return items

    def __repr__(self) -> str:
        tasks = [
            f"  {TASK_MARKS.get(t.state, '?')} {t.name:<26} {t.state}" for t in self.progress.tasks
        ]
        facts = [f"  {name}: {value}" for name, value in self.facts()]
        return "\n".join([f"Preview app: {self.progress.headline()}", *tasks, *facts])

    def _repr_html_(self) -> str:
        p = self.progress
        total = max(len(p.tasks), 1)
        rows = "".join(
            f"<tr class='hcm-task hcm-{t.state}'><td>{TASK_MARKS.get(t.state, '?')}</td>"
            f"<td>{html.escape(t.name)}</td><td>{html.escape(t.label)}</td>"
            f"<td>{html.escape(t.state)}</td></tr>"
            for t in p.tasks
        )
        facts = Fields("", self.facts())._repr_html_()
        return (
            f"<div class='hcm-preview-status'><b>Preview app</b>: {html.escape(p.headline())}"
            f"<br><progress max='{total}' value='{p.done_count}'></progress>"
            f"<table>{rows}</table>{facts}</div>"
        )


@dataclass(frozen=True, repr=False)
class PreviewJob(CardView):
    """A queued preview app: the job id to follow."""

    job_id: uuid.UUID
    name: str

    def card(self) -> Fields:
        return Fields(
            f"Preview app {self.name} queued",
            [
                ("creation job", str(self.job_id)),
                ("follow it", f"%hasura preview status {self.job_id} --wait"),
            ],
        )
