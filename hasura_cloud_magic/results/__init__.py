"""What ``%hasura`` commands return: typed, assignable, with text and HTML views.

``t = %hasura tenant <id>`` then ``t.project.endpoint``; lists behave as sequences and offer
``.to_dataframe()`` when pandas is installed. Env values appear only in an ``EnvView`` made
with ``--reveal``.

One module per domain (``projects``, ``env``, ``preview``, ``graphql``, ``metrics``,
``access``, ``domains``); every
name is also here, imported on first use, so a command loads only the results it returns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hasura_cloud_magic.results.access import (
        FleetAccess,
        MyInvitation,
        MyInvitations,
        ProjectAccess,
    )
    from hasura_cloud_magic.results.domains import CustomDomain, DomainList
    from hasura_cloud_magic.results.env import EnvComparison, EnvView
    from hasura_cloud_magic.results.graphql import GraphQLResult
    from hasura_cloud_magic.results.metrics import (
        ErrorReport,
        OperationLogs,
        OperationStats,
        Traffic,
    )
    from hasura_cloud_magic.results.preview import PreviewJob, PreviewStatus
    from hasura_cloud_magic.results.projects import (
        CreatedProject,
        Project,
        ProjectDetails,
        ProjectList,
        Region,
        RegionList,
        Tenant,
        TenantProject,
    )

__all__ = [
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
]

_MODULES = {
    "CreatedProject": "projects",
    "CustomDomain": "domains",
    "DomainList": "domains",
    "EnvComparison": "env",
    "EnvView": "env",
    "ErrorReport": "metrics",
    "FleetAccess": "access",
    "GraphQLResult": "graphql",
    "MyInvitation": "access",
    "MyInvitations": "access",
    "OperationLogs": "metrics",
    "OperationStats": "metrics",
    "PreviewJob": "preview",
    "PreviewStatus": "preview",
    "Project": "projects",
    "ProjectAccess": "access",
    "ProjectDetails": "projects",
    "ProjectList": "projects",
    "Region": "projects",
    "RegionList": "projects",
    "Tenant": "projects",
    "TenantProject": "projects",
    "Traffic": "metrics",
}


def __getattr__(name: str) -> Any:
    """Each result class, from its module on first use (PEP 562)."""
    if name not in _MODULES:
        raise AttributeError(f"module 'hasura_cloud_magic.results' has no attribute {name!r}")
    module = importlib.import_module(f"hasura_cloud_magic.results.{_MODULES[name]}")
    return getattr(module, name)
