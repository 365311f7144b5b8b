"""Project health: is each project up, which plan and region, is its last env change live,
does its endpoint answer — for one project or a fleet.

>>> report = check_health(cloud, [project.id for project in cloud.list_projects()])
>>> report.unhealthy          # the rows that need a look
>>> report.to_dataframe()     # pandas, when installed

One round trip reads every project's status (``GetProjectStatus``); then each project's
``/healthz`` is fetched, ``concurrency`` at a time, each with a short timeout, so a project
whose endpoint hangs is marked ``unreachable`` and never holds up the run beyond
``deadline_seconds``. A project that cannot be probed in time is ``not checked``.
"""

from __future__ import annotations

import concurrent.futures
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hasura_cloud_magic import charts
from hasura_cloud_magic.api import EndpointAnswer, HasuraCloud, Id
from hasura_cloud_magic.display import COLOURS, Chart, Table
from hasura_cloud_magic.errors import InvalidInputError
from hasura_cloud_magic.results.base import Rows, text
from hasura_cloud_magic.rollout import EnvRollout
from hasura_cloud_magic.settings import DEFAULT_HEALTH_CONCURRENCY, HEALTHZ_TIMEOUT_SECONDS

if TYPE_CHECKING:
    from hasura_cloud_client import ProjectStatus, ProjectStatusTenant

__all__ = [
    "ACTIVE",
    "MAINTENANCE",
    "HealthReport",
    "ProjectHealth",
    "check_health",
    "endpoint_state",
    "project_state",
]

ACTIVE, MAINTENANCE, NO_TENANT = "active", "maintenance", "no tenant"
UP, DOWN, UNREACHABLE, NOT_CHECKED = "up", "down", "unreachable", "not checked"


def project_state(tenant: ProjectStatusTenant | None) -> str:
    """``active``, ``maintenance``, or why it is inactive (``hibernated``, ``suspended``...)."""
    if tenant is None:
        return NO_TENANT
    if not tenant.active:
        return tenant.active_status_reason or "inactive"
    return MAINTENANCE if tenant.maintenance_mode else ACTIVE


def endpoint_state(answer: EndpointAnswer) -> tuple[str, str]:
    """``up`` (HTTP 200), ``down`` (another status) or ``unreachable``, and why."""
    if answer.status_code is None:
        return UNREACHABLE, answer.problem or "no answer"
    if answer.status_code == 200:
        return UP, ""
    return DOWN, f"HTTP {answer.status_code}"


@dataclass(frozen=True)
class ProjectHealth:
    """One project's row: status, plan, region, env rollout and endpoint."""

    name: str
    project_id: uuid.UUID
    tenant_id: uuid.UUID | None
    state: str
    plan: str | None
    cloud: str | None
    region: str | None
    env_rollout: str
    env_live: bool
    endpoint: str
    endpoint_detail: str
    #: How long ``/healthz`` took to answer (None: it did not).
    endpoint_ms: float | None
    nat_ips: tuple[str, ...]
    owner: str

    @property
    def healthy(self) -> bool:
        return self.state == ACTIVE and self.endpoint == UP and self.env_live

    @property
    def kind(self) -> str:
        """How the row reads at a glance: success, warning (busy, maintenance) or error."""
        if self.healthy:
            return "success"
        if self.state in (ACTIVE, MAINTENANCE) and self.endpoint in (UP, NOT_CHECKED):
            return "warning"
        return "error"

    def row(self) -> list[str]:
        return [
            self.name,
            self.state,
            self.env_rollout,
            text(self.plan),
            f"{text(self.cloud)}/{text(self.region)}",
            f"{self.endpoint} ({self.endpoint_detail})" if self.endpoint_detail else self.endpoint,
        ]


class HealthReport(Rows):
    """One row per project, coloured by health in Jupyter; ``.unhealthy`` lists the rest."""

    columns = ("project", "status", "env rollout", "plan", "region", "endpoint")

    @property
    def unhealthy(self) -> list[ProjectHealth]:
        return [row for row in self._items if not row.healthy]

    def summary(self) -> str:
        bad = len(self.unhealthy)
        return f"{len(self) - bad} healthy, {bad} need a look" if bad else f"{len(self)} healthy"

    def table(self) -> Table:
        rows = [[_MARKS[item.kind], *item.row()] for item in self._items]
        kinds = [item.kind for item in self._items]
        return Table(("", *self.columns), rows, self.summary(), self._limit, row_kinds=kinds)

    def chart(self, by: str = "state") -> Chart:
        """How many projects per ``state``, ``plan``, ``region`` or ``endpoint``, as bars
        (a table where no chart can be drawn)."""
        if by not in _CHARTABLE:
            raise InvalidInputError(f"chart by one of {', '.join(_CHARTABLE)}, not {by!r}")
        counts = Counter(text(getattr(row, by)) for row in self._items).most_common()
        title = f"Projects by {by}"
        rows = [{by: label, "projects": n} for label, n in counts]
        colors = {label: _BAR_COLOURS[_CHARTABLE[by](label)] for label, _ in counts}
        table = Table((by, "projects"), [[label, str(n)] for label, n in counts], title)
        return Chart(
            lambda: charts.bars(
                rows,
                category=by,
                value="projects",
                title=title,
                value_title="projects",
                colors=colors,
            ),
            table,
        )

    def to_dataframe(self) -> Any:
        frame = super().to_dataframe()
        frame["healthy"] = [row.healthy for row in self._items]
        return frame


_MARKS = {"success": "✔", "warning": "⚠", "error": "✘"}


def _state_kind(state: str) -> str:
    return {ACTIVE: "success", MAINTENANCE: "warning"}.get(state, "error")


def _endpoint_kind(endpoint: str) -> str:
    return {UP: "success", NOT_CHECKED: "warning"}.get(endpoint, "error")


#: A bar's colour by kind (COLOURS["info"] inherits the text colour, which a bar cannot).
_BAR_COLOURS = {**COLOURS, "info": "#0969da"}
#: What a report can be charted by, and how each bar is coloured.
_CHARTABLE: dict[str, Callable[[str], str]] = {
    "state": _state_kind,
    "endpoint": _endpoint_kind,
    "plan": lambda label: "info",
    "region": lambda label: "info",
}


def project_health(status: ProjectStatus, answer: EndpointAnswer | None) -> ProjectHealth:
    """A row from the project's status and what its ``/healthz`` answered (None: not
    checked)."""
    tenant = status.tenant
    config = tenant.config if tenant else None
    rollout = EnvRollout(
        config.hash if config else None, tuple(s.hash for s in config.status) if config else ()
    )
    state, detail = endpoint_state(answer) if answer else (NOT_CHECKED, "out of time")
    region = tenant.region_info if tenant else None
    return ProjectHealth(
        name=status.name,
        project_id=status.id,
        tenant_id=tenant.id if tenant else None,
        state=project_state(tenant),
        plan=status.plan_name,
        cloud=tenant.cloud if tenant else None,
        region=tenant.region if tenant else None,
        env_rollout=rollout.describe(),
        env_live=rollout.live,
        endpoint=state,
        endpoint_detail=detail,
        endpoint_ms=answer.seconds * 1000 if answer and answer.status_code else None,
        nat_ips=nat_ips(region.nat_ip, region.nat_ips) if region else (),
        owner=status.owner.email,
    )


def nat_ips(nat_ip: str | None, listed: object) -> tuple[str, ...]:
    """The region's egress IPs: the ``nat_ips`` JSON list, else the single ``nat_ip``."""
    if isinstance(listed, list) and all(isinstance(ip, str) for ip in listed):
        return tuple(listed)
    return (nat_ip,) if nat_ip else ()


def healthz_url(endpoint: str) -> str:
    return f"{endpoint.rstrip('/')}/healthz"


def check_health(
    cloud: HasuraCloud,
    project_ids: Sequence[Id],
    *,
    concurrency: int = DEFAULT_HEALTH_CONCURRENCY,
    probe_timeout: float = HEALTHZ_TIMEOUT_SECONDS,
    deadline_seconds: float = 60.0,
    on_result: Callable[[ProjectHealth], None] = lambda row: None,
) -> HealthReport:
    """Every project's health (see the module docstring); one row per visible project."""
    if concurrency < 1:
        raise InvalidInputError(f"concurrency must be >= 1, got {concurrency}")
    statuses = cloud.project_status(project_ids)
    rows: dict[uuid.UUID, ProjectHealth] = {}
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="hcm-health")
    try:
        futures = {
            pool.submit(cloud.get_project_url, healthz_url(s.endpoint), probe_timeout): s
            for s in statuses
        }
        for future in as_completed(futures, timeout=deadline_seconds):
            status = futures[future]
            rows[status.id] = project_health(status, future.result())
            on_result(rows[status.id])
    except concurrent.futures.TimeoutError:
        pass  # the rest are "not checked"
    finally:
        # A probe still running past the deadline ends by its own timeout; nobody waits.
        pool.shutdown(wait=False, cancel_futures=True)
    ordered = [rows.get(s.id) or project_health(s, None) for s in statuses]
    return HealthReport(ordered, title="Health")
