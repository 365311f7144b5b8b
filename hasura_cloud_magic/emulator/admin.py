"""State controls for tests and demos: put a project in maintenance, hibernate or suspend it,
take its endpoint down, add users, point DNS records. None of this is reachable with a user's
token; see ``admin_http.py`` and ``team_admin_http.py`` for the HTTP routes and
``RunningEmulator.admin`` for the Python object.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from . import accounts, dns, tenant_state
from .auth import TokenRegistry
from .metrics import recording
from .projects import tenant_of_project
from .store import Store

Row = dict[str, Any]
MAX_REASON_LENGTH = 100


class UnknownProject(LookupError):
    """No project of that name, for any user."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown project"


class StateControls:
    """Reads and changes a project's state, by name across all users, one transaction each.

    Thread-safe: every call holds the store's lock.
    """

    def __init__(self, store: Store, tokens: TokenRegistry | None = None) -> None:
        self._store = store
        self._tokens = tokens

    def __repr__(self) -> str:
        return "StateControls()"

    def state(self, name: str) -> dict[str, Any]:
        """``{name, active, active_status_reason, maintenance_mode, endpoint}``."""
        with self._store.transaction():
            return self._state(self._tenant(name))

    def set_state(
        self,
        name: str,
        *,
        maintenance: bool | None = None,
        active: bool | None = None,
        reason: str | None = None,
        endpoint: str | None = None,
    ) -> dict[str, Any]:
        """Change what is given (None: leave it). ``active=False`` without a reason means
        ``hibernated``; a reason needs the project to be (or become) inactive."""
        _check(maintenance, active, reason, endpoint)
        with self._store.transaction():
            tenant = self._tenant(name)
            if reason is not None and active is None and tenant["active"]:
                raise ValueError(f"project {name} is active: a reason needs active=False")
            self._apply(tenant, maintenance, active, reason, endpoint)
            return self._state(self._tenant(name))

    def hibernate(self, name: str) -> dict[str, Any]:
        return self.set_state(name, active=False, reason=tenant_state.HIBERNATED)

    def suspend(self, name: str, reason: str = tenant_state.SUSPENDED) -> dict[str, Any]:
        return self.set_state(name, active=False, reason=reason)

    # ------------------------------------------------------------ Metrics API traffic

    def record_requests(
        self,
        project_id: str,
        *,
        operation_name: str,
        at: datetime.datetime | str,
        count: int = 1,
        operation_type: str = "query",
        role: str = "user",
        client: str = "web-app",
        transport: str = "http",
        latency_ms: float = 20.0,
        error_code: str | None = None,
    ) -> dict[str, Any]:
        """Add ``count`` identical requests at ``at`` (a naive datetime is UTC) to the project's
        Metrics API traffic, on top of the invented traffic; returns what was recorded.
        ``LookupError`` for an unknown project id, ``ValueError`` for a wrong value."""
        with self._store.transaction():
            return recording.record(
                self._store,
                project_id,
                operation_name=operation_name,
                at=at,
                count=count,
                operation_type=operation_type,
                role=role,
                client=client,
                transport=transport,
                latency_ms=latency_ms,
                error_code=error_code,
            )

    def quiet(self, project_id: str, quiet: bool = True) -> None:
        """Turn the project's invented Metrics API traffic off (``quiet=False``: back on);
        recorded requests stay."""
        with self._store.transaction():
            recording.set_quiet(self._store, project_id, quiet)

    # ------------------------------------------------------------ users

    def add_user(self, email: str) -> str:
        """Create a user with this e-mail and a new accepted token; returns the token.

        ``ValueError`` for an invalid e-mail, ``accounts.EmailTaken`` (a ``ValueError``) for one
        another user has (case-insensitively). The token is stored only as its SHA-256, so with
        ``--db`` the user and the token survive a restart."""
        if self._tokens is None:
            raise RuntimeError("these state controls have no token registry to add users to")
        token = secrets.token_urlsafe(32)
        with self._store.transaction():
            user_id = accounts.add_user(self._store, email, token)
        self._tokens.add(accounts.token_digest(token), user_id)
        return token

    # ------------------------------------------------------------ DNS

    def point_dns(
        self, fqdn: str, *, project: str | None = None, host: str | None = None
    ) -> dict[str, Any]:
        """Set the DNS record of ``fqdn`` (a CNAME, as far as the emulator cares) to ``host``,
        or to the tenant fqdn of the project named ``project`` (exactly one of the two); returns
        ``{fqdn, target, set_at}``. It may be set before the domain is added. ``LookupError``
        for an unknown project, ``ValueError`` for a wrong value."""
        if (project is None) == (host is None):
            raise ValueError("give exactly one of project (a project's name) or host")
        for label, value in (("fqdn", fqdn), ("project", project), ("host", host)):
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ValueError(f"{label} must be a non-empty string")
        with self._store.transaction():
            target = host if project is None else self._tenant(project)["fqdn"]
            assert target is not None
            return dns.set_dns_record(self._store, fqdn, target)

    def dns(self, fqdn: str) -> dict[str, Any] | None:
        """The DNS record of ``fqdn`` (``{fqdn, target, set_at}``), or None."""
        if not isinstance(fqdn, str):
            raise ValueError("fqdn must be a string")
        with self._store.transaction():
            return dns.dns_record(self._store, fqdn)

    # ------------------------------------------------------------ inside the transaction

    def _tenant(self, name: str) -> Row:
        project = self._store.row("SELECT id FROM projects WHERE name = ?", (name,))
        tenant = None if project is None else tenant_of_project(self._store, project["id"])
        if tenant is None:
            raise UnknownProject(f"no project named {name!r}")
        return tenant

    def _apply(
        self,
        tenant: Row,
        maintenance: bool | None,
        active: bool | None,
        reason: str | None,
        endpoint: str | None,
    ) -> None:
        store = self._store
        if maintenance is not None and maintenance != tenant["maintenance_mode"]:
            tenant_state.set_maintenance(store, tenant, maintenance)
        if active is True and not tenant["active"]:
            tenant_state.reactivate(store, tenant)
        elif active is False or (reason is not None and not tenant["active"]):
            wanted = reason or tenant_state.HIBERNATED
            if tenant["active"] or wanted != tenant["active_status_reason"]:
                tenant_state.deactivate(store, tenant, wanted)
        if endpoint is not None:
            tenant_state.set_endpoint(store, tenant, endpoint)

    def _state(self, tenant: Row) -> dict[str, Any]:
        return {
            "name": tenant["slug"],
            "active": tenant["active"],
            "active_status_reason": tenant["active_status_reason"],
            "maintenance_mode": tenant["maintenance_mode"],
            "endpoint": tenant_state.endpoint_state(self._store, tenant["id"]),
        }


def _check(maintenance: object, active: object, reason: object, endpoint: object) -> None:
    """Refuse wrong values before touching anything (the HTTP route passes JSON values)."""
    for label, value in (("maintenance", maintenance), ("active", active)):
        if value is not None and not isinstance(value, bool):
            raise ValueError(f"{label} must be true or false, not {value!r}")
    if reason is not None:
        if not isinstance(reason, str) or not reason.strip() or not reason.isprintable():
            raise ValueError("reason must be a non-empty line of text")
        if len(reason) > MAX_REASON_LENGTH:
            raise ValueError(f"reason must be at most {MAX_REASON_LENGTH} characters")
        if active is True:
            raise ValueError("a reason is for an inactive project; it cannot go with active=True")
    if endpoint is not None and endpoint not in tenant_state.ENDPOINT_STATES:
        choices = ", ".join(tenant_state.ENDPOINT_STATES)
        raise ValueError(f"endpoint must be one of {choices}, not {endpoint!r}")
