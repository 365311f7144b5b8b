"""Invented traffic: one day of requests per project, the same every day.

The atom is a 5-minute cell; a UTC day has ``CELLS_PER_DAY`` of them, and the cell of a moment
is ``t // CELL_US`` (its cell of the day ``% CELLS_PER_DAY``). Everything is drawn from one
``random.Random`` seeded with the seed and the project's *name*, in a fixed order, so a project
name has the same traffic in every run whatever its id. Each day repeats the table, so a window
of whole days (or 24 whole hours) holds the same totals whatever the day.

The table holds every request of the day (offset in its cell, latency, error code, response
size), so aggregates and ``operation_logs`` agree exactly. ``daily_table`` builds it once per
(seed, name) and caches it.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass, field

from .catalogue import (
    BURST_CODES,
    CATALOGUE,
    CLIENTS,
    EARLY_CODES,
    HTTP,
    ROLES,
    SUBSCRIPTION,
    WS,
    Operation,
)

CELL_US = 300_000_000
CELLS_PER_DAY = 288
DAY_US = CELL_US * CELLS_PER_DAY
HISTORY_DAYS = 30
#: The default seed of invented traffic (``start(metrics_seed=...)``, ``--metrics-seed``).
DEFAULT_METRICS_SEED = 20240611

#: One request: (microseconds into its cell, latency in ms, error code or None, response bytes).
Request = tuple[int, float, str | None, int]


@dataclass(frozen=True)
class Variant:
    """One kind of caller of one operation."""

    operation: Operation
    role: str
    client: str
    transport: str

    def dimensions(self) -> dict[str, str]:
        return {
            "operation_id": self.operation.operation_id,
            "operation_name": self.operation.name,
            "operation_type": self.operation.type,
            "user_role": self.role,
            "client_name": self.client,
            "transport": self.transport,
        }


@dataclass
class VariantDay:
    """A variant's requests per cell of the day, and their sums (so queries never loop twice)."""

    variant: Variant
    requests: list[list[Request]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    latency_sum: list[float] = field(default_factory=list)
    latency_max: list[float] = field(default_factory=list)
    size_sum: list[int] = field(default_factory=list)
    #: error code -> failed requests per cell of the day
    errors: dict[str, list[int]] = field(default_factory=dict)

    def add_cell(self, cell_requests: list[Request]) -> None:
        cell = len(self.counts)
        self.requests.append(cell_requests)
        self.counts.append(len(cell_requests))
        self.latency_sum.append(sum(r[1] for r in cell_requests))
        self.latency_max.append(max((r[1] for r in cell_requests), default=0.0))
        self.size_sum.append(sum(r[3] for r in cell_requests))
        for request in cell_requests:
            if request[2] is not None:
                per_cell = self.errors.setdefault(request[2], [0] * CELLS_PER_DAY)
                per_cell[cell] += 1


@dataclass(frozen=True)
class Burst:
    """One window a day in which one operation fails often with one code."""

    operation: str
    code: str
    first_cell: int
    cells: int
    rate: float

    def covers(self, cell: int) -> bool:
        return (cell - self.first_cell) % CELLS_PER_DAY < self.cells


@dataclass(frozen=True)
class DailyTable:
    variants: tuple[VariantDay, ...]
    burst: Burst | None
    #: The share of the day's peak traffic in each cell (the daily curve).
    curve: tuple[float, ...]


@functools.lru_cache(maxsize=256)
def daily_table(seed: int, project_name: str) -> DailyTable:
    rng = random.Random(f"{seed}:{project_name}")
    operations = _pick_operations(rng)
    variants = [(v, share) for op in operations for v, share in _variants_of(rng, op)]
    total_share = sum(share for _, share in variants)
    curve = _daily_curve(rng)
    peak = rng.uniform(150, 350)
    burst = _burst(rng, operations)
    background = {op.name: rng.uniform(0.002, 0.015) for op in operations}
    days = []
    for variant, share in variants:
        day = VariantDay(variant)
        mean_scale = peak * share / total_share
        for cell in range(CELLS_PER_DAY):
            day.add_cell(_cell(rng, variant, mean_scale * curve[cell], cell, burst, background))
        days.append(day)
    return DailyTable(tuple(days), burst, curve)


def _pick_operations(rng: random.Random) -> list[Operation]:
    queries = [op for op in CATALOGUE if op.type == "query"]
    others = [op for op in CATALOGUE if op.type != "query"]
    picked = rng.sample(queries, rng.randint(3, 4)) + rng.sample(others, rng.randint(2, 4))
    return sorted(picked, key=lambda op: op.name)


def _variants_of(rng: random.Random, operation: Operation) -> list[tuple[Variant, float]]:
    roles = rng.sample(ROLES[:3], rng.randint(1, 2)) + (["manager"] if rng.random() < 0.3 else [])
    clients = rng.sample(CLIENTS[:3], rng.randint(1, 3))
    if rng.random() < 0.25:
        clients.append("hasura-console")  # somebody trying it out in the console
    found = []
    for role in roles:
        for client in clients:
            transport = operation.transport
            if transport == HTTP and rng.random() < 0.1:
                transport = WS  # a query sent over the websocket link
            weight = rng.uniform(0.2, 1.0) * (0.1 if client == "hasura-console" else 1.0)
            found.append((Variant(operation, role, client, transport), operation.weight * weight))
    return found


def _daily_curve(rng: random.Random) -> tuple[float, ...]:
    """Quiet at night, a peak in the (UTC) afternoon."""
    peak_hour = rng.uniform(13, 17)
    night = rng.uniform(0.08, 0.2)
    curve = []
    for cell in range(CELLS_PER_DAY):
        hours = cell / 12
        distance = min(abs(hours - peak_hour), 24 - abs(hours - peak_hour))
        curve.append(night + (1 - night) * math.exp(-0.5 * (distance / 4) ** 2))
    return tuple(curve)


def _burst(rng: random.Random, operations: list[Operation]) -> Burst | None:
    if rng.random() >= 0.8:
        return None  # a few projects have a quiet day
    candidates = [op for op in operations if op.type != SUBSCRIPTION]
    return Burst(
        operation=rng.choice(candidates).name,
        code=rng.choice(BURST_CODES),
        first_cell=rng.randrange(CELLS_PER_DAY),
        cells=rng.randint(3, 6),  # 15 to 30 minutes
        rate=rng.uniform(0.3, 0.6),
    )


def _cell(
    rng: random.Random,
    variant: Variant,
    mean: float,
    cell: int,
    burst: Burst | None,
    background: dict[str, float],
) -> list[Request]:
    operation = variant.operation
    count = max(0, int(mean + rng.gauss(0, math.sqrt(mean)) + 0.5))
    bursting = burst is not None and burst.operation == operation.name and burst.covers(cell)
    requests = []
    for _ in range(count):
        code = None
        if bursting and burst is not None and rng.random() < burst.rate:
            code = burst.code
        elif rng.random() < background[operation.name]:
            code = rng.choice(operation.error_codes)
        latency = rng.lognormvariate(math.log(operation.median_ms), operation.sigma)
        if code in EARLY_CODES:
            latency *= 0.15
        size = 160 if code else int(operation.response_bytes * rng.uniform(0.7, 1.3))
        requests.append((rng.randrange(CELL_US), round(latency, 2), code, size))
    requests.sort()
    return requests
