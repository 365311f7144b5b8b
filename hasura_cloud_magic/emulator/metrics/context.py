"""What every Metrics API resolver gets: who asks, at which host, and the traffic it may see.

A token sees the projects it owns or may read the metrics of (``view_metrics`` or ``admin``,
``access.metrics_projects``), and a metrics host answers only for projects whose region
has that host as ``metrics_fqdn``. Any other project id a request names is dropped silently:
its answer is empty, exactly as for an id that does not exist.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLResolveInfo

from .. import access
from ..regions import find_region
from ..store import Store
from . import recording
from .traffic import CELL_US, DAY_US, HISTORY_DAYS, DailyTable, daily_table


@dataclass
class MetricsContext:
    store: Store
    owner_id: str
    host: str
    seed: int
    _visible: dict[str, str] | None = field(default=None, repr=False)

    @functools.cached_property
    def now_us(self) -> int:
        return self.store.now_us()

    @property
    def history_cells(self) -> tuple[int, int]:
        """Absolute cells with invented traffic: the 30 days before the last whole cell."""
        end = self.now_us // CELL_US
        return end - HISTORY_DAYS * (DAY_US // CELL_US), end

    def visible(self) -> dict[str, str]:
        """id -> name of the projects whose metrics the caller may read, served at this host."""
        if self._visible is None:
            with self.store.lock:  # the Metrics API runs outside the store's lock (service.py)
                rows = access.metrics_projects(self.store, self.owner_id)
            self._visible = {row["id"]: row["name"] for row in rows if _host_of(row) == self.host}
        return self._visible

    def projects(self, wanted: Iterable[str] | None) -> dict[str, str]:
        """The visible projects among ``wanted`` (None: all of them)."""
        visible = self.visible()
        if wanted is None:
            return dict(visible)
        return {pid: visible[pid] for pid in sorted(set(wanted)) if pid in visible}

    def tables(self, projects: dict[str, str]) -> dict[str, DailyTable]:
        """The invented traffic of each project whose traffic is not turned off."""
        with self.store.lock:
            quiet = recording.quiet_projects(self.store, projects)
        return {
            pid: daily_table(self.seed, name) for pid, name in projects.items() if pid not in quiet
        }

    def recorded(
        self, projects: Iterable[str], from_us: int | None = None, to_us: int | None = None
    ) -> list[dict[str, Any]]:
        with self.store.lock:
            return recording.recorded_rows(self.store, list(projects), from_us, to_us)


def _host_of(row: dict[str, str]) -> str | None:
    region = find_region(row["cloud"], row["region"])
    return None if region is None else region.metrics_fqdn


def metrics_context(info: GraphQLResolveInfo) -> MetricsContext:
    context = info.context
    assert isinstance(context, MetricsContext)
    return context
