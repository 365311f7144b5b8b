"""Users (the token's own row, a project's owner or collaborator) and what a project's plan
entitles it to.

Users live in the ``users`` table (id, e-mail unique case-insensitively). A token given at start
is a user whose e-mail is invented from its id (``user-<8 hex>@emulator.invalid``); a user added
with ``StateControls.add_user`` has the e-mail it was given and a token stored as its SHA-256.
The entitlements per plan are a plausible guess (a free plan gets a few limits, paid and newer
plans more features).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

from .store import Store

Row = dict[str, Any]
#: What the emulator accepts as an e-mail address (documented; the real rules are unknown).
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_EMAIL_LENGTH = 254
# Fixed so an entitlement's id is the same in every emulator and across restarts.
_ENTITLEMENT_NAMESPACE = uuid.UUID("0b7c4e2a-9f1d-5a36-8e4b-2d6c1f0a9e37")

_FREE = (
    "collaborator_limit",
    "custom_domain_limit",
    "data_passthrough_limit",
    "db_limit",
    "vanilla_pg_db",
)
_PAID = (
    *_FREE,
    "apm_integration_datadog",
    "apm_integration_newrelic",
    "apm_integration_opentelemetry",
    "apm_integration_prometheus",
    "collaborator_privilege_admin",
    "collaborator_privilege_graphql_admin",
    "collaborator_privilege_view_metrics",
    "console_metrics_tab",
    "gql_allow_lists",
    "multiple_admin_secrets",
    "multiple_jwt",
    "non_pg_db",
    "read_replicas",
    "region_migration",
    "server_metrics_endpoint",
)
ENTITLEMENTS: dict[str, tuple[str, ...]] = {
    "cloud_free": _FREE,
    "cloud_payg": _PAID,
    "cloud_free_v2": _PAID,
}


class EmailTaken(ValueError):
    """``add_user`` with an e-mail another user already has."""


def default_email(user_id: str) -> str:
    return f"user-{uuid.UUID(user_id).hex[:8]}@emulator.invalid"


def email_key(email: str) -> str:
    """How e-mails compare (citext): case-insensitively."""
    return email.lower()


def valid_email(email: object) -> bool:
    return (
        isinstance(email, str)
        and len(email) <= MAX_EMAIL_LENGTH
        and EMAIL_PATTERN.match(email) is not None
    )


def shown(value: str, limit: int = 80) -> str:
    """A value quoted for a one-line message (newlines escaped, long values cut)."""
    text = value if len(value) <= limit else value[:limit] + "..."
    return repr(text)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def ensure_user(store: Store, user_id: str) -> None:
    """Give a start-time token's user its row (default e-mail) if it has none yet."""
    if store.row("SELECT 1 AS found FROM users WHERE id = ?", (user_id,)) is not None:
        return
    email = default_email(user_id)
    if _email_holder(store, email) is not None:
        email = f"user-{uuid.UUID(user_id).hex}@emulator.invalid"  # taken by add_user: longer
    _insert_user(store, user_id, email)


def _insert_user(store: Store, user_id: str, email: str) -> None:
    row = {"id": user_id, "email": email, "email_key": email_key(email)}
    store.insert("users", {**row, "created_at": store.timestamp()})


def add_user(store: Store, email: str, token: str) -> str:
    """Insert a user with this e-mail and token (stored as its SHA-256); returns its id."""
    if not valid_email(email):
        raise ValueError(f"invalid e-mail address {shown(str(email))}")
    if _email_holder(store, email) is not None:
        raise EmailTaken(f"the e-mail address {shown(email)} is already in use")
    user_id = str(uuid.uuid4())
    _insert_user(store, user_id, email)
    store.insert("user_tokens", {"token_sha256": token_digest(token), "user_id": user_id})
    return user_id


def token_users(store: Store) -> dict[str, str]:
    """SHA-256 of each added token -> its user id."""
    rows = store.rows("SELECT token_sha256, user_id FROM user_tokens")
    return {row["token_sha256"]: row["user_id"] for row in rows}


def _email_holder(store: Store, email: str) -> str | None:
    found = store.row("SELECT id FROM users WHERE email_key = ?", (email_key(email),))
    return None if found is None else str(found["id"])


def user_by_email(store: Store, email: str) -> str | None:
    """The id of the user with this e-mail (case-insensitive), if any."""
    return _email_holder(store, email)


def email_of(store: Store, user_id: str) -> str:
    found = store.row("SELECT email FROM users WHERE id = ?", (user_id,))
    return default_email(user_id) if found is None else str(found["email"])


def user_row(store: Store, user_id: str) -> Row:
    """A ``users`` row (a user without a stored row gets the default e-mail); never an
    enterprise user."""
    return {"id": user_id, "email": email_of(store, user_id), "enterprise_user": None}


def entitlement_rows(plan: str | None) -> list[Row]:
    """``projects.entitlements`` for a plan (an unknown plan gets the free plan's)."""
    plan_name = plan or "cloud_free"
    types = ENTITLEMENTS.get(plan_name, _FREE)
    return [
        {
            "id": str(uuid.uuid5(_ENTITLEMENT_NAMESPACE, f"{plan_name}:{kind}")),
            "entitlement": {"type": kind, "config_is_enabled": True},
        }
        for kind in types
    ]
