"""Users (the token's own row, a project's owner) and what a project's plan entitles it to.

Both are invented: a user's email is derived from its id, and the entitlements per plan are a
plausible guess (a free plan gets a few limits, paid and newer plans more features).
"""

from __future__ import annotations

import uuid
from typing import Any

Row = dict[str, Any]
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


def user_row(user_id: str) -> Row:
    """A ``users`` row: the email is invented from the id; never an enterprise user."""
    return {
        "id": user_id,
        "email": f"owner-{uuid.UUID(user_id).hex[:8]}@emulator.invalid",
        "enterprise_user": None,
    }


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
