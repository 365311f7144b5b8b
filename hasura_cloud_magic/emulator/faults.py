"""Fault injection rules: what to break, for which requests, how many times.

A rule names a target (a GraphQL root field such as ``createTenant``, an operation name, or
``*`` for every request), a kind (see ``FaultKind``) and how many matching requests it applies
to. ``FaultRegistry`` holds the armed rules; the proxy (``proxy.py``) asks it, per request, what
to do. It is thread-safe: tests change it from their own thread while the emulator serves.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

ANY_TARGET = "*"
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


class FaultKind(str, Enum):
    """What happens to a matching request; ``processed``: whether the request reaches the API."""

    LATENCY = "latency"
    HTTP500 = "http500"
    HTTP502 = "http502"
    HTTP503 = "http503"
    RESET_BEFORE = "reset-before"
    RESET_AFTER = "reset-after"
    TRUNCATED = "truncated"
    NOT_JSON = "not-json"
    GRAPHQL_ERROR = "graphql-error"
    TIMEOUT = "timeout"
    TIMEOUT_AFTER = "timeout-after"

    @property
    def processed(self) -> bool:
        return self in _PROCESSED

    @property
    def default_seconds(self) -> float:
        return _DEFAULT_SECONDS.get(self, 0.0)


_PROCESSED = frozenset(
    {
        FaultKind.LATENCY,
        FaultKind.RESET_AFTER,
        FaultKind.TRUNCATED,
        FaultKind.NOT_JSON,
        FaultKind.TIMEOUT_AFTER,
    }
)
_DEFAULT_SECONDS = {
    FaultKind.LATENCY: 1.0,
    FaultKind.TIMEOUT: 30.0,
    FaultKind.TIMEOUT_AFTER: 30.0,
}
_TIMED = frozenset(_DEFAULT_SECONDS)


@dataclass(frozen=True)
class Fault:
    """One rule. ``times=None`` means every matching request, forever (``always``)."""

    target: str
    kind: FaultKind
    seconds: float = 0.0
    times: int | None = 1

    def __post_init__(self) -> None:
        if self.target != ANY_TARGET and not _NAME.fullmatch(self.target):
            raise ValueError(f"fault target must be a GraphQL name or '*', not {self.target!r}")
        if self.seconds < 0:
            raise ValueError("fault seconds must not be negative")
        if self.seconds and self.kind not in _TIMED:
            raise ValueError(f"fault kind {self.kind.value} takes no seconds")
        if self.times is not None and self.times < 1:
            raise ValueError("fault times must be at least 1 (or None for always)")

    @classmethod
    def make(
        cls,
        target: str,
        kind: FaultKind | str,
        seconds: float | None = None,
        times: int | None = 1,
    ) -> Fault:
        """A rule, with the kind's default duration when ``seconds`` is not given."""
        fault_kind = FaultKind(kind)
        duration = fault_kind.default_seconds if seconds is None else float(seconds)
        return cls(target, fault_kind, duration, times)

    def __str__(self) -> str:
        kind = self.kind.value
        if self.kind in _TIMED:
            kind = f"{kind}={self.seconds:g}"
        count = "always" if self.times is None else f"times={self.times}"
        return f"{self.target}:{kind}:{count}"

    def matches(self, fields: Iterable[str], operation_name: str | None) -> bool:
        if self.target == ANY_TARGET:
            return True
        return self.target == operation_name or self.target in fields


def parse_fault(spec: str) -> Fault:
    """``TARGET:KIND[=SECONDS][:times=N|:always]``, e.g. ``updateTenantEnv:http503:times=2``."""
    parts = spec.split(":")
    if len(parts) not in (2, 3):
        raise ValueError(f"fault spec {spec!r} is not TARGET:KIND[=SECONDS][:times=N|:always]")
    target, kind_part = parts[0].strip(), parts[1].strip()
    kind_name, _, seconds_text = kind_part.partition("=")
    try:
        kind = FaultKind(kind_name)
    except ValueError:
        known = ", ".join(k.value for k in FaultKind)
        raise ValueError(f"unknown fault kind {kind_name!r} (known: {known})") from None
    seconds = _number(seconds_text, spec) if seconds_text else None
    times: int | None = 1
    if len(parts) == 3:
        count = parts[2].strip()
        if count == "always":
            times = None
        elif count.startswith("times=") and count[6:].isdigit():
            times = int(count[6:])
        else:
            raise ValueError(f"fault spec {spec!r}: expected times=N or always, not {count!r}")
    return Fault.make(target, kind, seconds, times)


def _number(text: str, spec: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"fault spec {spec!r}: {text!r} is not a number of seconds") from None


def request_operation(body: bytes) -> tuple[tuple[str, ...], str | None]:
    """The root field names and operation name of a GraphQL request body (empty if unreadable)."""
    # Imported here so importing the package stays cheap (graphql-core loads on first use).
    from graphql import GraphQLError, parse

    from .document import pick_operation, root_field_names

    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return (), None
    if not isinstance(payload, dict):
        return (), None
    name = payload.get("operationName")
    operation_name = name if isinstance(name, str) else None
    query = payload.get("query")
    if not isinstance(query, str):
        return (), operation_name
    try:
        document = parse(query)
    except GraphQLError:
        return (), operation_name
    operation = pick_operation(document, operation_name)
    if operation is None:
        return (), operation_name
    if operation_name is None and operation.name is not None:
        operation_name = operation.name.value
    return tuple(root_field_names(document, operation)), operation_name


@dataclass(frozen=True)
class FaultPlan:
    """What to do with one request: wait ``latency`` seconds, then apply ``fault`` (if any)."""

    latency: float = 0.0
    fault: Fault | None = None


NO_FAULT = FaultPlan()


@dataclass(frozen=True)
class FaultHit:
    """A fault that was applied, and to which request."""

    fault: Fault
    fields: tuple[str, ...]
    operation_name: str | None


@dataclass
class PendingFault:
    fault: Fault
    remaining: int | None  # None: always


class FaultRegistry:
    """The armed faults of one emulator; changeable at any time from any thread.

    Each request consumes one use of every matching ``latency`` rule (their delays add up) and
    of the first matching rule of any other kind, in the order the rules were added.
    """

    def __init__(self, faults: Iterable[Fault | str] = ()) -> None:
        self._lock = threading.Lock()
        self._pending: list[PendingFault] = []
        self._hits: list[FaultHit] = []
        for fault in faults:
            self.add(fault)

    def __repr__(self) -> str:
        return f"FaultRegistry({[str(p.fault) for p in self.pending()]})"

    def add(
        self,
        fault: Fault | str,
        kind: FaultKind | str | None = None,
        *,
        seconds: float | None = None,
        times: int | None = 1,
    ) -> Fault:
        """Arm a fault: ``add("createTenant", "reset-after")``, ``add("*", "latency",
        seconds=0.05, times=None)``, a spec ``add("updateTenantEnv:http503:times=2")`` or a
        ``Fault``. Returns the armed rule."""
        if isinstance(fault, Fault):
            rule = fault
        elif kind is None:
            rule = parse_fault(fault)
        else:
            rule = Fault.make(fault, kind, seconds, times)
        with self._lock:
            self._pending.append(PendingFault(rule, rule.times))
        return rule

    def clear(self) -> None:
        """Disarm every fault and forget the hits."""
        with self._lock:
            self._pending.clear()
            self._hits.clear()

    def pending(self) -> list[PendingFault]:
        """The armed faults with their remaining uses (copies)."""
        with self._lock:
            return [PendingFault(p.fault, p.remaining) for p in self._pending]

    def hits(self) -> list[FaultHit]:
        """The faults applied so far, oldest first."""
        with self._lock:
            return list(self._hits)

    def plan(self, body: bytes) -> FaultPlan:
        """Consume the faults that apply to the request with this body."""
        # Read without the lock: a stale answer only delays a just-added fault by one request.
        if not self._pending:
            return NO_FAULT
        fields, operation_name = request_operation(body)
        latency = 0.0
        chosen: Fault | None = None
        with self._lock:
            for pending in list(self._pending):
                rule = pending.fault
                if not rule.matches(fields, operation_name):
                    continue
                if rule.kind is FaultKind.LATENCY:
                    latency += rule.seconds
                elif chosen is None:
                    chosen = rule
                else:
                    continue
                self._hits.append(FaultHit(rule, fields, operation_name))
                if pending.remaining is not None:
                    pending.remaining -= 1
                    if pending.remaining == 0:
                        self._pending.remove(pending)
        return FaultPlan(latency, chosen)
