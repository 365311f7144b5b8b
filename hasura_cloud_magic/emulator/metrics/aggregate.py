"""Sums over invented and recorded traffic: per time bucket, or per group of columns.

Invented traffic repeats daily, so a window is reduced to how many times each cell of the day
occurs in it (``cell_weights``) or walked cell by cell (at most 30 days, 8640 cells) for time
buckets; recorded requests are added one row at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from operator import mul
from typing import Any

from ..errors import DataException
from .context import MetricsContext
from .traffic import CELL_US, CELLS_PER_DAY, VariantDay

DIMENSIONS = (
    "operation_id",
    "operation_name",
    "operation_type",
    "user_role",
    "client_name",
    "transport",
)


@dataclass(frozen=True)
class Filter:
    """Values each column must have (None: any), and the error codes that count."""

    columns: Mapping[str, frozenset[str] | None] = field(default_factory=dict)
    error_codes: frozenset[str] | None = None

    def admits(self, dimensions: Mapping[str, Any]) -> bool:
        return all(wanted is None or dimensions[c] in wanted for c, wanted in self.columns.items())

    def counts_code(self, code: str) -> bool:
        return self.error_codes is None or code in self.error_codes


@dataclass(frozen=True)
class Window:
    """``[from_us, to_us)`` and the absolute cells of invented traffic starting inside it."""

    from_us: int
    to_us: int
    first_cell: int
    end_cell: int

    @classmethod
    def of(cls, context: MetricsContext, from_us: int, to_us: int) -> Window:
        low, high = context.history_cells
        first = max(low, -(-from_us // CELL_US))
        end = min(high, -(-to_us // CELL_US))
        return cls(from_us, to_us, first, max(first, end))

    @property
    def minutes(self) -> float:
        return max(0, self.to_us - self.from_us) / 60_000_000


@dataclass
class Totals:
    requests: int = 0
    errors: int = 0
    latency_sum: float = 0.0
    latency_max: float = 0.0
    size_sum: int = 0

    def add(self, other: Totals) -> None:
        self.requests += other.requests
        self.errors += other.errors
        self.latency_sum += other.latency_sum
        self.latency_max = max(self.latency_max, other.latency_max)
        self.size_sum += other.size_sum

    @property
    def average_latency(self) -> float:
        return round(self.latency_sum / self.requests, 3) if self.requests else 0.0


@dataclass
class Contribution:
    """Some requests that share every column: a variant over a window, or a recorded call."""

    project_id: str
    dimensions: Mapping[str, Any]
    totals: Totals
    errors_by_code: dict[str, int]


def cell_weights(window: Window) -> list[int]:
    """How many cells of the window fall on each cell of the day."""
    cells = window.end_cell - window.first_cell
    weights = [cells // CELLS_PER_DAY] * CELLS_PER_DAY
    for offset in range(cells % CELLS_PER_DAY):
        weights[(window.first_cell + offset) % CELLS_PER_DAY] += 1
    return weights


def contributions(
    context: MetricsContext, projects: dict[str, str], window: Window, where: Filter
) -> Iterator[Contribution]:
    """Every admitted variant's totals over the window, then every recorded call in it."""
    weights = cell_weights(window)
    if window.first_cell < window.end_cell:
        for project_id, table in context.tables(projects).items():
            for day in table.variants:
                dimensions = day.variant.dimensions()
                if where.admits(dimensions):
                    yield _variant_totals(project_id, dimensions, day, weights)
    for row in context.recorded(projects, window.from_us, window.to_us):
        if where.admits(row):
            yield recorded_contribution(row)


def _variant_totals(
    project_id: str, dimensions: Mapping[str, Any], day: VariantDay, weights: list[int]
) -> Contribution:
    by_code = {code: sum(map(mul, weights, cells)) for code, cells in day.errors.items()}
    totals = Totals(
        requests=sum(map(mul, weights, day.counts)),
        errors=sum(by_code.values()),
        latency_sum=sum(map(mul, weights, day.latency_sum)),
        latency_max=max(
            (m for m, w in zip(day.latency_max, weights, strict=True) if w), default=0.0
        ),
        size_sum=sum(map(mul, weights, day.size_sum)),
    )
    return Contribution(project_id, dimensions, totals, {c: n for c, n in by_code.items() if n})


def recorded_contribution(row: Mapping[str, Any]) -> Contribution:
    count, code = row["count"], row["error_code"]
    totals = Totals(
        requests=count,
        errors=count if code else 0,
        latency_sum=row["latency_ms"] * count,
        latency_max=row["latency_ms"],
        size_sum=row["response_size"] * count,
    )
    dimensions = {column: row[column] for column in DIMENSIONS}
    return Contribution(row["project_id"], dimensions, totals, {code: count} if code else {})


# ---------------------------------------------------------------- time buckets

MAX_BUCKETS = 50_000


@dataclass
class Series:
    """Per bucket: requests, counted errors and latency sums; ``starts`` are the buckets."""

    starts: list[int]
    requests: list[int]
    errors: list[int]
    latency_sum: list[float]

    @classmethod
    def empty(cls, starts: list[int]) -> Series:
        size = len(starts)
        return cls(starts, [0] * size, [0] * size, [0.0] * size)


def bucket_starts(from_us: int, to_us: int, interval_us: int) -> list[int]:
    """Every bucket (``floor(t, interval)`` from the epoch) overlapping ``[from_us, to_us)``."""
    if from_us >= to_us:
        return []
    first = from_us - from_us % interval_us
    count = -(-(to_us - first) // interval_us)
    if count > MAX_BUCKETS:
        raise DataException(f"too many time buckets ({count}); use a longer time_interval")
    return [first + i * interval_us for i in range(count)]


def series_by_project(
    context: MetricsContext,
    projects: dict[str, str],
    window: Window,
    interval_us: int,
    where: Filter,
) -> dict[str, Series]:
    """One series per project, zero-filled over every bucket of the window."""
    starts = bucket_starts(window.from_us, window.to_us, interval_us)
    result = {project_id: Series.empty(starts) for project_id in projects}
    if not starts:
        return result
    tables = context.tables(projects) if window.first_cell < window.end_cell else {}
    for project_id, table in tables.items():
        _add_cells(result[project_id], table.variants, window, interval_us, where)
    for row in context.recorded(projects, window.from_us, window.to_us):
        if where.admits(row):
            series = result[row["project_id"]]
            index = (row["at_us"] - starts[0]) // interval_us
            counted = (
                row["count"] if row["error_code"] and where.counts_code(row["error_code"]) else 0
            )
            series.requests[index] += row["count"]
            series.errors[index] += counted
            series.latency_sum[index] += row["latency_ms"] * row["count"]
    return result


def _add_cells(
    series: Series, days: tuple[VariantDay, ...], window: Window, interval_us: int, where: Filter
) -> None:
    admitted = [day for day in days if where.admits(day.variant.dimensions())]
    requests = [sum(cells) for cells in zip(*(d.counts for d in admitted), strict=True)] or [
        0
    ] * CELLS_PER_DAY
    latency = [sum(cells) for cells in zip(*(d.latency_sum for d in admitted), strict=True)] or [
        0.0
    ] * CELLS_PER_DAY
    error_lists = [
        cells for d in admitted for code, cells in d.errors.items() if where.counts_code(code)
    ]
    errors = [sum(cells) for cells in zip(*error_lists, strict=True)] or [0] * CELLS_PER_DAY
    first = series.starts[0]
    for cell in range(window.first_cell, window.end_cell):
        index = (cell * CELL_US - first) // interval_us
        of_day = cell % CELLS_PER_DAY
        series.requests[index] += requests[of_day]
        series.errors[index] += errors[of_day]
        series.latency_sum[index] += latency[of_day]


def total_series(per_project: dict[str, Series], starts: list[int]) -> Series:
    total = Series.empty(starts)
    for series in per_project.values():
        for i in range(len(starts)):
            total.requests[i] += series.requests[i]
            total.errors[i] += series.errors[i]
            total.latency_sum[i] += series.latency_sum[i]
    return total
