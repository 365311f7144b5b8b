"""The public surface, pinned: each public module's ``__all__`` (as httpx pins its own).

A name added or removed here is a decision about the public API, made on purpose. Every
name listed must exist, and the packages ship ``py.typed`` so users' type checkers see the
annotations.
"""

from __future__ import annotations

import importlib

import pytest
from paths import GENERATED, ROOT

PUBLIC = {
    "hasura_cloud_magic": [
        "ClientSettings",
        "HasuraCloud",
        "__version__",
        "load_ipython_extension",
        "unload_ipython_extension",
    ],
    "hasura_cloud_magic.api": ["Caller", "EndpointAnswer", "HasuraCloud", "Id", "parse_id"],
    "hasura_cloud_magic.access_api": ["ProjectAccessApi", "check_email", "check_privileges"],
    "hasura_cloud_magic.domains_api": ["CustomDomains", "check_fqdn", "wait_until_settled"],
    "hasura_cloud_magic.team": [
        "INVITE",
        "REMOVE",
        "RESEND",
        "SET",
        "AccessChange",
        "AccessEdits",
        "AccessPlan",
        "AccessStep",
        "ProjectSteps",
        "SaveNote",
        "SavePlan",
        "apply_access",
        "apply_steps",
        "plan_access",
        "plan_save",
        "steps_for",
    ],
    "hasura_cloud_magic.results.access": [
        "ADMIN",
        "COLLABORATOR",
        "INVITED",
        "OWNER",
        "PRIVILEGES",
        "FleetAccess",
        "Member",
        "MyInvitation",
        "MyInvitations",
        "ProjectAccess",
        "privileges_in_order",
    ],
    "hasura_cloud_magic.results.domains": ["CustomDomain", "DomainList"],
    "hasura_cloud_magic.health": [
        "ACTIVE",
        "MAINTENANCE",
        "HealthReport",
        "ProjectHealth",
        "check_health",
        "endpoint_state",
        "project_state",
    ],
    "hasura_cloud_magic.rollout": ["EnvRollout", "read_rollout", "wait_until_live"],
    "hasura_cloud_magic.polling": ["poll"],
    "hasura_cloud_magic.times": [
        "INTERVALS",
        "Interval",
        "TimeWindow",
        "local_time",
        "parse_since",
        "time_window",
    ],
    "hasura_cloud_magic.metrics_api": [
        "REPORT_MISMATCH",
        "MetricsApi",
        "MetricsTarget",
        "postgres_array",
    ],
    "hasura_cloud_magic.monitoring": [
        "BY",
        "SORTS",
        "error_report",
        "metrics_targets",
        "operation_logs",
        "operation_stats",
        "traffic",
    ],
    "hasura_cloud_magic.results.metrics": [
        "ErrorPoint",
        "ErrorReport",
        "ErrorStat",
        "LogEntry",
        "OperationLogs",
        "OperationStat",
        "OperationStats",
        "Traffic",
        "TrafficPoint",
    ],
    "hasura_cloud_magic.charts": ["Measure", "altair", "bars", "scatter", "time_series"],
    "hasura_cloud_magic.journal": [
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
    ],
    "hasura_cloud_magic.db_latency": ["DBLatency", "SourceLatency", "follow_db_latency"],
    "hasura_cloud_magic.settings": [
        "CLOUDS",
        "ClientSettings",
        "DEFAULT_DISPLAY_LIMIT",
        "DEFAULT_ENDPOINT",
        "DEFAULT_FLEET_CONCURRENCY",
        "DEFAULT_FLEET_DEADLINE_SECONDS",
        "DEFAULT_HEALTH_CONCURRENCY",
        "DEFAULT_LOG_LIMIT",
        "DEFAULT_METRICS_GROUPS",
        "DEFAULT_METRICS_SINCE",
        "DEFAULT_PREVIEW_PLACEMENT",
        "DEFAULT_TIMEOUT_SECONDS",
        "DEFAULT_TOP_OPERATIONS",
        "DEFAULT_WAIT_TIMEOUT_SECONDS",
        "ENDPOINT_ENV_VAR",
        "FLEET_TRANSPORT_FAILURES_TO_STOP",
        "GITHUB_TOKEN_ENV_VAR",
        "HEALTHZ_TIMEOUT_SECONDS",
        "MAX_LOG_LIMIT",
        "MAX_METRICS_BUCKETS",
        "PLANS",
        "POLL_INTERVAL_SECONDS",
        "Placement",
        "TOKEN_ENV_VAR",
        "is_env_var_name",
    ],
    "hasura_cloud_magic.errors": [
        "ApiError",
        "AuthenticationError",
        "ConfigurationError",
        "Cancelled",
        "ConfirmationRequired",
        "EnvConflictError",
        "EnvNotLiveError",
        "FleetIncompleteError",
        "HashConflictError",
        "HasuraCloudError",
        "Interrupted",
        "InvalidInputError",
        "JobFailed",
        "NotFoundError",
        "PartiallyAppliedError",
        "PermissionDeniedError",
        "PreviewAppFailed",
        "ServerError",
        "TransportError",
        "UsageError",
        "WaitTimeout",
    ],
    "hasura_cloud_magic.results": [
        "CreatedProject",
        "CustomDomain",
        "DomainList",
        "EnvComparison",
        "EnvView",
        "ErrorReport",
        "FleetAccess",
        "GraphQLResult",
        "MyInvitation",
        "MyInvitations",
        "OperationLogs",
        "OperationStats",
        "PreviewJob",
        "PreviewStatus",
        "Project",
        "ProjectAccess",
        "ProjectDetails",
        "ProjectList",
        "Region",
        "RegionList",
        "Tenant",
        "TenantProject",
        "Traffic",
    ],
    "hasura_cloud_magic.display": [
        "COLOURS",
        "Chart",
        "CardView",
        "Fields",
        "JsonView",
        "MASK",
        "Message",
        "NORMAL",
        "Preformatted",
        "QUIET",
        "TASK_MARKS",
        "Table",
        "VEGA_LITE_MIME",
        "TableView",
        "VERBOSE",
        "did_you_mean",
        "plural",
    ],
    "hasura_cloud_magic.redaction": [
        "SECRET_SHOWN_AS",
        "looks_like_secret",
        "mask_secrets",
        "quoted",
    ],
    "hasura_cloud_magic.documents": ["Operation"],
    "hasura_cloud_magic.env_plan": [
        "Conflict",
        "EnvDiff",
        "EnvEdits",
        "plan_change",
        "rebase",
        "resolve",
    ],
    "hasura_cloud_magic.env_writer": [
        "ASK",
        "ConflictSafeWriter",
        "REPORT",
        "WriteOutcome",
        "apply_edits",
    ],
    "hasura_cloud_magic.fleet": [
        "APPLIED",
        "CONFLICT",
        "FAILED",
        "FleetPlan",
        "FleetResult",
        "NOT_ATTEMPTED",
        "ProjectPlan",
        "ProjectResult",
        "UNCHANGED",
        "apply_fleet",
        "plan_fleet",
        "run_each",
    ],
    "hasura_cloud_magic.magics": ["HasuraMagics", "register", "unregister"],
    "hasura_cloud_magic.widgets": ["AccessEditor", "EnvEditor", "PreviewWizard", "ProgressView"],
    "hasura_cloud_magic.emulator": [
        "DEFAULT_STEP_SECONDS",
        "Fault",
        "FaultKind",
        "FaultRegistry",
        "RunningEmulator",
        "parse_fault",
        "start",
    ],
}


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_exported_members(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(module.__all__) == sorted(PUBLIC[module_name])
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []


def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    import hasura_cloud_magic

    assert hasura_cloud_magic.__version__ == version("hasura-cloud-magic")
    assert '__version__ = "' not in (ROOT / "hasura_cloud_magic" / "__init__.py").read_text()


def test_every_package_ships_py_typed() -> None:
    assert (ROOT / "hasura_cloud_magic" / "py.typed").is_file()
    assert (GENERATED / "hasura_cloud_client" / "py.typed").is_file()
    assert (GENERATED / "hasura_metrics_client" / "py.typed").is_file()
