"""The emulator's state: one SQLite database, one connection, one lock.

Requests run in a threadpool, so every access holds ``Store.lock``. Each write runs inside one
transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), so a crash never leaves half a write behind.
Timestamps are integer microseconds since the epoch, strictly increasing across the database so
that ordering by ``created_at`` is always deterministic.

Tables added after the first release (``tenant_endpoint``, ``config_writes``, ``metrics_*``,
``users``, ``user_tokens``, ``project_collaborator*``, ``custom_domain``, ``dns_records``)
are created with ``IF NOT EXISTS`` and read with defaults for missing rows, so an older ``--db``
file keeps working.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Clock = Callable[[], float]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, name TEXT NOT NULL UNIQUE,
  endpoint TEXT NOT NULL, plan_name TEXT, billing_plan_name TEXT,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tenant (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,
  slug TEXT NOT NULL, cloud TEXT NOT NULL, region TEXT NOT NULL, fqdn TEXT NOT NULL,
  active INTEGER NOT NULL, active_status_reason TEXT, maintenance_mode INTEGER NOT NULL,
  major_version INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tenant_env (
  tenant_id TEXT PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
  environment TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, job_type TEXT NOT NULL, status TEXT NOT NULL,
  input TEXT NOT NULL, spec TEXT NOT NULL, project_id TEXT, project_name TEXT,
  steps_done INTEGER NOT NULL DEFAULT 0, scheduled_from INTEGER NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, cloud TEXT NOT NULL, region TEXT NOT NULL, max_retry INTEGER NOT NULL,
  payload TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  UNIQUE (job_id, name));
CREATE TABLE IF NOT EXISTS task_event (
  id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  event_type TEXT NOT NULL, error TEXT, public_event_data TEXT, event_data TEXT,
  github_detail TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tenant_endpoint (
  tenant_id TEXT PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
  state TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS config_writes (
  seq INTEGER PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, hash TEXT NOT NULL, written_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS config_writes_by_tenant ON config_writes (tenant_id, seq);
CREATE TABLE IF NOT EXISTS metrics_recorded (
  seq INTEGER PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  at_us INTEGER NOT NULL, operation_name TEXT NOT NULL, operation_type TEXT NOT NULL,
  operation_id TEXT NOT NULL, user_role TEXT NOT NULL, client_name TEXT NOT NULL,
  transport TEXT NOT NULL, latency_ms REAL NOT NULL, error_code TEXT,
  response_size INTEGER NOT NULL, count INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS metrics_recorded_by_project ON metrics_recorded (project_id, at_us);
CREATE TABLE IF NOT EXISTS metrics_quiet (
  project_id TEXT PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS projects_by_owner ON projects (owner_id);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS user_tokens (
  token_sha256 TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS project_collaborators (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  collaborator_id TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL,
  UNIQUE (collaborator_id, project_id));
CREATE INDEX IF NOT EXISTS project_collaborators_by_project
  ON project_collaborators (project_id, created_at);
CREATE TABLE IF NOT EXISTS project_collaborator_privileges (
  project_collaborator_id TEXT NOT NULL
    REFERENCES project_collaborators(id) ON DELETE CASCADE,
  privilege_slug TEXT NOT NULL, granted_at INTEGER NOT NULL, granted_by TEXT NOT NULL,
  PRIMARY KEY (project_collaborator_id, privilege_slug));
CREATE TABLE IF NOT EXISTS project_collaborator_invitations (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  collaborator_email TEXT NOT NULL, email_key TEXT NOT NULL, privileges TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE, invited_at INTEGER NOT NULL, invited_by TEXT NOT NULL,
  accepted_at INTEGER, declined_at INTEGER, resend_invitation_count INTEGER NOT NULL,
  project_collaborator_id TEXT);
CREATE INDEX IF NOT EXISTS invitations_by_project
  ON project_collaborator_invitations (project_id, invited_at);
CREATE INDEX IF NOT EXISTS invitations_by_email
  ON project_collaborator_invitations (email_key);
CREATE TABLE IF NOT EXISTS custom_domain (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
  fqdn TEXT NOT NULL UNIQUE, cert TEXT NOT NULL, dns_validation TEXT NOT NULL,
  added_us INTEGER NOT NULL, dns_decided_us INTEGER,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS custom_domain_by_tenant ON custom_domain (tenant_id, created_at);
CREATE TABLE IF NOT EXISTS dns_records (
  fqdn TEXT PRIMARY KEY, target TEXT NOT NULL, set_at INTEGER NOT NULL);
"""


def _private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (it holds the token and env values), or
    fail with one line when it cannot be opened."""
    try:
        if path.is_dir():
            raise IsADirectoryError("it is a folder")
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(descriptor)
        os.chmod(path, 0o600)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ValueError(f"cannot open --db {path}: {reason}") from None


class Store:
    """SQLite access with a re-entrant lock and explicit transactions."""

    def __init__(self, path: str | Path | None, clock: Clock) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self._path = ":memory:" if path is None else str(path)
        if path is not None:
            _private_file(Path(path))
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction spans
        # exactly what we say. check_same_thread=False: the lock serializes all access.
        self._db = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            self._db.execute("PRAGMA journal_mode = WAL")
            # FULL (not NORMAL): a commit is on disk before the response leaves, so an
            # acknowledged write survives a power cut too, not only a killed process.
            self._db.execute("PRAGMA synchronous = FULL")
        self._db.executescript(_SCHEMA)

    def __repr__(self) -> str:
        return f"Store({self._path!r})"

    def close(self) -> None:
        with self.lock:
            self._db.close()

    # ------------------------------------------------------------ transactions

    def begin(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        self._db.execute("ROLLBACK")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock and run the block as one transaction; roll back if it raises."""
        with self.lock:
            self.begin()
            try:
                yield
            except BaseException:
                self.rollback()
                raise
            self.commit()

    # ------------------------------------------------------------ statements

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self._db.execute(sql, params).fetchall()]

    def row(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self._db.execute(sql, params).fetchone()
        return None if found is None else dict(found)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run a write statement; returns the number of rows it changed."""
        return self._db.execute(sql, params).rowcount

    def insert(self, table: str, values: Mapping[str, Any]) -> None:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self._db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))

    def update(self, table: str, row_id: str, values: Mapping[str, Any]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in values)
        self._db.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
        )

    # ------------------------------------------------------------ meta and time

    def get_meta(self, key: str) -> str | None:
        found = self.row("SELECT value FROM meta WHERE key = ?", (key,))
        return None if found is None else str(found["value"])

    def set_meta(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def now_us(self) -> int:
        return int(self.clock() * 1_000_000)

    def timestamp(self, at_us: int | None = None) -> int:
        """A timestamp at ``at_us`` (default: now), later than every one issued before."""
        wanted = self.now_us() if at_us is None else at_us
        last = int(self.get_meta("last_timestamp_us") or 0)
        issued = max(wanted, last + 1)
        self.set_meta("last_timestamp_us", str(issued))
        return issued
