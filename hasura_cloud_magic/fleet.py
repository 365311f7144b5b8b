"""One env change across many projects: plan it, then apply it with bounded concurrency.

>>> plan = plan_fleet(api, targets, EnvEdits({"API_KEY": key}))  # reads every env
>>> print(plan)                                          # masked, per project
>>> result = apply_fleet(api, plan, concurrency=8)       # hash-checked writes
>>> print(result)                                        # applied, unchanged, conflict, failed

Each project is written by the rule of ``env_writer`` (a ConflictSafeWriter seeded with the
env the plan read), so a failure in one project never stops or corrupts the others, a key
someone else changed meanwhile is reported as ``conflict`` (never overwritten), and running
the same change again converges: projects already done come out "unchanged". When the API
stops answering (several transport failures in a row) or the deadline passes, projects not
started yet are reported ``not attempted`` instead of waiting out a timeout each.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TypeVar

from hasura_cloud_magic.api import HasuraCloud
from hasura_cloud_magic.display import Table, TableView, plural
from hasura_cloud_magic.env_plan import EnvDiff, EnvEdits, plan_change
from hasura_cloud_magic.env_vars import TenantEnv
from hasura_cloud_magic.env_writer import ConflictSafeWriter
from hasura_cloud_magic.errors import HasuraCloudError, InvalidInputError, TransportError
from hasura_cloud_magic.journal import APPLIED, CONFLICT, FAILED, UNCHANGED
from hasura_cloud_magic.settings import (
    DEFAULT_FLEET_CONCURRENCY,
    DEFAULT_FLEET_DEADLINE_SECONDS,
    FLEET_TRANSPORT_FAILURES_TO_STOP,
)
from hasura_cloud_magic.targets import Target

__all__ = [
    "APPLIED",
    "CONFLICT",
    "FAILED",
    "NOT_ATTEMPTED",
    "UNCHANGED",
    "FleetPlan",
    "FleetResult",
    "ProjectPlan",
    "ProjectResult",
    "apply_fleet",
    "plan_fleet",
    "run_each",
]

# A project's outcome is the outcome its journal entry records: one vocabulary.
NOT_ATTEMPTED = "not attempted"


@dataclass(frozen=True)
class ProjectPlan:
    """One project's part of the change: its env as read, and what would change."""

    target: Target
    env: TenantEnv | None = None
    diff: EnvDiff | None = None
    error: str | None = None


@dataclass(frozen=True, repr=False)
class FleetPlan(TableView):
    """What one env change would do to each project (values masked)."""

    edits: EnvEdits
    projects: tuple[ProjectPlan, ...]

    @property
    def to_change(self) -> list[ProjectPlan]:
        return [p for p in self.projects if p.diff is not None and not p.diff.empty]

    def table(self) -> Table:
        rows = [
            [p.target.name, p.error or (p.diff.by_key() if p.diff else "")] for p in self.projects
        ]
        return Table(("project", "what would change (values masked)"), rows, self.caption())

    def caption(self) -> str:
        """``Set LOG_LEVEL on 2 projects`` / ``Unset OLD_KEY on 3 projects``."""
        verb, keys = (
            ("Set", sorted(self.edits.set_values))
            if self.edits.set_values
            else ("Unset", sorted(self.edits.removed))
        )
        count = len(self.projects)
        return f"{verb} {', '.join(keys)} on {plural(count, 'project')}"

    def without_values(self) -> FleetPlan:
        """The same plan holding no env value (what a dry run returns to the notebook)."""
        return FleetPlan(EnvEdits(), tuple(replace(p, env=None) for p in self.projects))


@dataclass(frozen=True)
class ProjectResult:
    """One project's outcome: applied, unchanged, conflict or failed, and why."""

    name: str
    status: str
    detail: str = ""
    #: Applied: the tenant and the env hash written, to wait for it to go live.
    tenant_id: uuid.UUID | None = field(default=None, compare=False)
    env_hash: str | None = field(default=None, compare=False)


@dataclass(repr=False)
class FleetResult(TableView):
    """Every project's outcome, with a one-line summary of the counts."""

    results: list[ProjectResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(result.status == status for result in self.results)

    @property
    def complete(self) -> bool:
        """Every project is as asked (applied or unchanged)."""
        return all(result.status in (APPLIED, UNCHANGED) for result in self.results)

    def summary(self) -> str:
        counts = [f"{self.count(s)} {s}" for s in (APPLIED, UNCHANGED, CONFLICT, FAILED)]
        if self.count(NOT_ATTEMPTED):
            counts.append(f"{self.count(NOT_ATTEMPTED)} {NOT_ATTEMPTED}")
        return ", ".join(counts)

    def table(self) -> Table:
        rows = [[r.name, r.status, r.detail] for r in sorted(self.results, key=lambda r: r.name)]
        return Table(("project", "result", "detail"), rows, self.summary())


def _pool(concurrency: int) -> ThreadPoolExecutor:
    if concurrency < 1:
        raise InvalidInputError(f"concurrency must be >= 1, got {concurrency}")
    return ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="hcm-fleet")


def plan_fleet(
    cloud: HasuraCloud,
    targets: Sequence[Target],
    edits: EnvEdits,
    *,
    concurrency: int = DEFAULT_FLEET_CONCURRENCY,
) -> FleetPlan:
    """Read every target's env (concurrently) and work out what the change would do."""

    def plan_one(target: Target) -> ProjectPlan:
        try:
            env = cloud.get_env(target.tenant_id)
        except HasuraCloudError as error:
            return ProjectPlan(target, error=str(error))
        diff = plan_change(env, edits.set_values, edits.removed)
        return ProjectPlan(target, env, diff.without_values(target.name))

    with _pool(concurrency) as pool:
        return FleetPlan(edits, tuple(pool.map(plan_one, targets)))


class _Breaker:
    """Stops a fleet run that cannot succeed: the API stopped answering, or time is up."""

    def __init__(self, deadline_seconds: float, failures_to_stop: int) -> None:
        self.ends = time.monotonic() + deadline_seconds
        self.failures_to_stop = failures_to_stop
        self.failures_in_a_row = 0
        self.lock = threading.Lock()

    def why_stop(self) -> str | None:
        with self.lock:
            if self.failures_in_a_row >= self.failures_to_stop:
                return f"the API stopped answering ({self.failures_in_a_row} failures in a row)"
        if time.monotonic() > self.ends:
            return "the run's deadline passed"
        return None

    def record(self, error: HasuraCloudError | None) -> None:
        with self.lock:
            transport = isinstance(error, TransportError)
            self.failures_in_a_row = self.failures_in_a_row + 1 if transport else 0


def apply_fleet(
    cloud: HasuraCloud,
    plan: FleetPlan,
    *,
    concurrency: int = DEFAULT_FLEET_CONCURRENCY,
    deadline_seconds: float = DEFAULT_FLEET_DEADLINE_SECONDS,
    on_result: Callable[[ProjectResult], None] = lambda result: None,
) -> FleetResult:
    """Apply the plan project by project (concurrently); one failure never stops the rest,
    but a dead API or the deadline stops projects from starting (``not attempted``)."""
    return run_each(
        plan.projects,
        lambda project: project.target.name,
        lambda project: _apply_one(cloud, project, plan.edits),
        concurrency=concurrency,
        deadline_seconds=deadline_seconds,
        on_result=on_result,
    )


Item = TypeVar("Item")


def run_each(
    items: Sequence[Item],
    name_of: Callable[[Item], str],
    apply_one: Callable[[Item], tuple[ProjectResult, HasuraCloudError | None]],
    *,
    concurrency: int = DEFAULT_FLEET_CONCURRENCY,
    deadline_seconds: float = DEFAULT_FLEET_DEADLINE_SECONDS,
    on_result: Callable[[ProjectResult], None] = lambda result: None,
) -> FleetResult:
    """Any per-project change across a fleet: ``apply_one`` gives each project's result and
    the error that failed it; a dead API or the deadline marks the rest ``not attempted``."""
    breaker = _Breaker(deadline_seconds, FLEET_TRANSPORT_FAILURES_TO_STOP)

    def run_one(item: Item) -> ProjectResult:
        stop = breaker.why_stop()
        if stop is not None:
            result = ProjectResult(name_of(item), NOT_ATTEMPTED, stop)
        else:
            result, error = apply_one(item)
            breaker.record(error)
        on_result(result)
        return result

    with _pool(concurrency) as pool:
        return FleetResult(list(pool.map(run_one, items)))


def _apply_one(
    cloud: HasuraCloud, project: ProjectPlan, edits: EnvEdits
) -> tuple[ProjectResult, HasuraCloudError | None]:
    """One project's result, and the error that failed it (if any)."""
    name = project.target.name
    if project.env is None or project.diff is None:
        return ProjectResult(name, FAILED, project.error or "not read"), None
    if project.diff.empty:
        return ProjectResult(name, UNCHANGED, "already as asked"), None
    writer = ConflictSafeWriter(cloud, project.target.tenant_id, edits, base=project.env)
    try:
        outcome = writer.run()
    except HasuraCloudError as error:
        return ProjectResult(name, FAILED, str(error)), error
    if outcome.lost:
        return ProjectResult(name, CONFLICT, outcome.summary()), None
    if not outcome.written:
        return ProjectResult(name, UNCHANGED, "already as asked (by someone else)"), None
    applied = ProjectResult(
        name, APPLIED, project.diff.summary(), project.target.tenant_id, outcome.final_hash
    )
    return applied, None
