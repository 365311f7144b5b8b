"""The audit record of a session: every write, when, to which project, with what outcome.

Each entry holds the kind of change, the project, the env keys it touched (never a value),
the env hash before and after where there is one, and the outcome: ``applied``,
``unchanged``, ``conflict``, ``failed``, ``may have applied`` (a request whose answer was
lost), ``partly applied`` or ``not attempted``. An executed runbook that ends with
``%hasura journal`` carries its own audit trail; :meth:`Journal.save` writes it as JSON lines.

>>> with journal.writing("delete", "shop-old") as entry:
...     cloud.delete_tenant(tenant_id)            # an error is journaled, then raised
>>> journal.entries()                            # a JournalView (table, to_dataframe)
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from hasura_cloud_magic.errors import (
    ConfigurationError,
    EnvConflictError,
    HasuraCloudError,
    PartiallyAppliedError,
    ServerError,
    TransportError,
)
from hasura_cloud_magic.results.base import Rows, text

__all__ = [
    "APPLIED",
    "CONFLICT",
    "FAILED",
    "MAY_HAVE_APPLIED",
    "PARTLY_APPLIED",
    "UNCHANGED",
    "Journal",
    "JournalEntry",
    "JournalView",
    "PendingEntry",
]

APPLIED, UNCHANGED, CONFLICT, FAILED = "applied", "unchanged", "conflict", "failed"
MAY_HAVE_APPLIED, PARTLY_APPLIED = "may have applied", "partly applied"


@dataclass(frozen=True)
class JournalEntry:
    """One write: when (UTC), what kind, which project, which keys, hashes, outcome."""

    at: datetime
    action: str
    project: str
    keys: tuple[str, ...] = ()
    hash_before: str | None = None
    hash_after: str | None = None
    outcome: str = APPLIED
    detail: str = ""

    def row(self) -> list[str]:
        return [
            self.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            self.action,
            self.project,
            ", ".join(self.keys),
            _short(self.hash_before),
            _short(self.hash_after),
            self.outcome,
            self.detail,
        ]

    def as_json(self) -> str:
        record = {**asdict(self), "at": self.at.isoformat(), "keys": list(self.keys)}
        return json.dumps(record, sort_keys=True)


def _short(env_hash: str | None) -> str:
    return text(env_hash[:12] if env_hash else None)


@dataclass
class PendingEntry:
    """A write under way: the code doing it fills in what it learns (keys, hashes, outcome)."""

    action: str
    project: str
    keys: tuple[str, ...] = ()
    hash_before: str | None = None
    hash_after: str | None = None
    outcome: str = APPLIED
    detail: str = ""

    def done(self, at: datetime) -> JournalEntry:
        return JournalEntry(at, **asdict(self))


class JournalView(Rows):
    """Journal entries, as a table; ``.to_dataframe()`` for pandas."""

    columns = ("time", "action", "project", "keys", "hash before", "hash after", "outcome", "")
    empty = "No writes yet in this session."


@dataclass
class Journal:
    """A session's writes, in order. Thread-safe: fleet commands record from workers."""

    _entries: list[JournalEntry] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, entry: PendingEntry) -> JournalEntry:
        done = entry.done(datetime.now(timezone.utc))
        with self._lock:
            self._entries.append(done)
        return done

    @contextmanager
    def writing(
        self,
        action: str,
        project: str,
        *,
        keys: Iterable[str] = (),
        hash_before: str | None = None,
    ) -> Iterator[PendingEntry]:
        """Journal the write done in the block: as it was filled in, or, if the block raises
        one of our errors, as ``failed``, ``conflict`` or ``may have applied`` (then raised)."""
        pending = PendingEntry(action, project, tuple(keys), hash_before)
        try:
            yield pending
        except HasuraCloudError as error:
            self.record(replace(pending, outcome=outcome_of(error), detail=str(error)))
            raise
        self.record(pending)

    def created_names(self) -> set[str]:
        """Projects this journal saw created (``create``, ``preview create``) by name."""
        with self._lock:
            return {
                e.project
                for e in self._entries
                if e.action in ("create", "preview create") and e.outcome == APPLIED
            }

    def applied_keys(self, action: str, project: str) -> set[str]:
        """The keys (lower case) of this project's ``action`` entries that applied: e.g. the
        domains this run added, or the people it invited."""
        with self._lock:
            return {
                key.casefold()
                for e in self._entries
                if e.action == action and e.project == project and e.outcome == APPLIED
                for key in e.keys
            }

    def entries(self, since: datetime | None = None) -> JournalView:
        with self._lock:
            kept = [e for e in self._entries if since is None or e.at >= since]
        return JournalView(kept, title="Journal of this session's writes")

    def save(self, path: str | Path, since: datetime | None = None) -> int:
        """Append the entries to ``path`` as JSON lines; returns how many were written."""
        view = self.entries(since)
        try:
            with Path(path).open("a", encoding="utf-8") as sink:
                sink.writelines(f"{entry.as_json()}\n" for entry in view)
        except OSError as error:
            raise ConfigurationError(
                f"cannot write the journal to {path}: {error.strerror}"
            ) from None
        return len(view)


def outcome_of(error: HasuraCloudError) -> str:
    """How a write that raised ``error`` ended, as far as anyone can tell."""
    if isinstance(error, EnvConflictError):
        return CONFLICT
    if isinstance(error, PartiallyAppliedError):
        return PARTLY_APPLIED
    if isinstance(error, ServerError | TransportError) and error.may_have_applied:
        return MAY_HAVE_APPLIED
    return FAILED
