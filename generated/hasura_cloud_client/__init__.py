import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base_client import BaseClient
    from .base_model import BaseModel
    from .check_db_latency import CheckDBLatency, CheckDBLatencyCheckDbLatency
    from .client import HasuraCloudClient
    from .create_git_hub_preview_app import (
        CreateGitHubPreviewApp,
        CreateGitHubPreviewAppCreateGitHubPreviewApp,
    )
    from .create_tenant import CreateTenant, CreateTenantCreateTenant
    from .delete_tenant import DeleteTenant, DeleteTenantDeleteTenant
    from .delete_tenant_env import DeleteTenantEnv, DeleteTenantEnvDeleteTenantEnv
    from .enums import cloud_enum, project_entitlement_types_enum
    from .exceptions import (
        GraphQLClientError,
        GraphQLClientGraphQLError,
        GraphQLClientGraphQLMultiError,
        GraphQLClientHttpError,
        GraphQLClientInvalidResponseError,
    )
    from .fragments import (
        ProjectStatus,
        ProjectStatusOwner,
        ProjectStatusTenant,
        ProjectStatusTenantConfig,
        ProjectStatusTenantConfigStatus,
        ProjectStatusTenantRegionInfo,
        ProjectSummary,
        ProjectSummaryTenant,
        TenantEnvFields,
    )
    from .get_db_latency_job import (
        GetDBLatencyJob,
        GetDBLatencyJobJobsByPk,
        GetDBLatencyJobJobsByPkTasks,
        GetDBLatencyJobJobsByPkTasksTaskEvents,
    )
    from .get_deployment_job_status import (
        GetDeploymentJobStatus,
        GetDeploymentJobStatusJobsByPk,
        GetDeploymentJobStatusJobsByPkProject,
        GetDeploymentJobStatusJobsByPkTasks,
        GetDeploymentJobStatusJobsByPkTasksTaskEvents,
    )
    from .get_env_rollout import (
        GetEnvRollout,
        GetEnvRolloutConfigStatus,
        GetEnvRolloutTenantByPk,
        GetEnvRolloutTenantByPkConfig,
    )
    from .get_preview_app_creation_status import (
        GetPreviewAppCreationStatus,
        GetPreviewAppCreationStatusJobsByPk,
        GetPreviewAppCreationStatusJobsByPkTasks,
        GetPreviewAppCreationStatusJobsByPkTasksTaskEvents,
    )
    from .get_project_by_name import GetProjectByName, GetProjectByNameProjects
    from .get_project_entitlements import (
        GetProjectEntitlements,
        GetProjectEntitlementsProjectsByPk,
        GetProjectEntitlementsProjectsByPkEntitlements,
        GetProjectEntitlementsProjectsByPkEntitlementsEntitlement,
    )
    from .get_project_status import GetProjectStatus, GetProjectStatusProjects
    from .get_project_tenant_id import (
        GetProjectTenantId,
        GetProjectTenantIdProjectsByPk,
    )
    from .get_tenant_details import (
        GetTenantDetails,
        GetTenantDetailsTenantByPk,
        GetTenantDetailsTenantByPkProject,
    )
    from .get_tenant_env import GetTenantEnv, GetTenantEnvGetTenantEnv
    from .input_types import (
        CreateGithubPreviewAppInputPayload,
        GithubRepoDetails,
        ProjectOptions,
        String_comparison_exp,
        UpdateEnvObject,
        UpdateEnvsObject,
        cloud_enum_comparison_exp,
    )
    from .list_projects import ListProjects, ListProjectsProjects
    from .list_regions import ListRegions, ListRegionsRegion
    from .reactivate_suspended_project import (
        ReactivateSuspendedProject,
        ReactivateSuspendedProjectReactivateSuspendedProject,
    )
    from .resolve_target import (
        ResolveTarget,
        ResolveTargetProjectsByPk,
        ResolveTargetProjectsByPkTenant,
        ResolveTargetTenantByPk,
        ResolveTargetTenantByPkProject,
    )
    from .update_tenant_env import UpdateTenantEnv, UpdateTenantEnvUpdateTenantEnv
    from .update_tenant_name import (
        UpdateTenantName,
        UpdateTenantNameUpdateTenantName,
        UpdateTenantNameUpdateTenantNameTenant,
        UpdateTenantNameUpdateTenantNameTenantProject,
    )
_LAZY_IMPORTS = {
    "BaseClient": ".base_client",
    "BaseModel": ".base_model",
    "CheckDBLatency": ".check_db_latency",
    "CheckDBLatencyCheckDbLatency": ".check_db_latency",
    "CreateGitHubPreviewApp": ".create_git_hub_preview_app",
    "CreateGitHubPreviewAppCreateGitHubPreviewApp": ".create_git_hub_preview_app",
    "CreateGithubPreviewAppInputPayload": ".input_types",
    "CreateTenant": ".create_tenant",
    "CreateTenantCreateTenant": ".create_tenant",
    "DeleteTenant": ".delete_tenant",
    "DeleteTenantDeleteTenant": ".delete_tenant",
    "DeleteTenantEnv": ".delete_tenant_env",
    "DeleteTenantEnvDeleteTenantEnv": ".delete_tenant_env",
    "GetDBLatencyJob": ".get_db_latency_job",
    "GetDBLatencyJobJobsByPk": ".get_db_latency_job",
    "GetDBLatencyJobJobsByPkTasks": ".get_db_latency_job",
    "GetDBLatencyJobJobsByPkTasksTaskEvents": ".get_db_latency_job",
    "GetDeploymentJobStatus": ".get_deployment_job_status",
    "GetDeploymentJobStatusJobsByPk": ".get_deployment_job_status",
    "GetDeploymentJobStatusJobsByPkProject": ".get_deployment_job_status",
    "GetDeploymentJobStatusJobsByPkTasks": ".get_deployment_job_status",
    "GetDeploymentJobStatusJobsByPkTasksTaskEvents": ".get_deployment_job_status",
    "GetEnvRollout": ".get_env_rollout",
    "GetEnvRolloutConfigStatus": ".get_env_rollout",
    "GetEnvRolloutTenantByPk": ".get_env_rollout",
    "GetEnvRolloutTenantByPkConfig": ".get_env_rollout",
    "GetPreviewAppCreationStatus": ".get_preview_app_creation_status",
    "GetPreviewAppCreationStatusJobsByPk": ".get_preview_app_creation_status",
    "GetPreviewAppCreationStatusJobsByPkTasks": ".get_preview_app_creation_status",
    "GetPreviewAppCreationStatusJobsByPkTasksTaskEvents": ".get_preview_app_creation_status",
    "GetProjectByName": ".get_project_by_name",
    "GetProjectByNameProjects": ".get_project_by_name",
    "GetProjectEntitlements": ".get_project_entitlements",
    "GetProjectEntitlementsProjectsByPk": ".get_project_entitlements",
    "GetProjectEntitlementsProjectsByPkEntitlements": ".get_project_entitlements",
    "GetProjectEntitlementsProjectsByPkEntitlementsEntitlement": ".get_project_entitlements",
    "GetProjectStatus": ".get_project_status",
    "GetProjectStatusProjects": ".get_project_status",
    "GetProjectTenantId": ".get_project_tenant_id",
    "GetProjectTenantIdProjectsByPk": ".get_project_tenant_id",
    "GetTenantDetails": ".get_tenant_details",
    "GetTenantDetailsTenantByPk": ".get_tenant_details",
    "GetTenantDetailsTenantByPkProject": ".get_tenant_details",
    "GetTenantEnv": ".get_tenant_env",
    "GetTenantEnvGetTenantEnv": ".get_tenant_env",
    "GithubRepoDetails": ".input_types",
    "GraphQLClientError": ".exceptions",
    "GraphQLClientGraphQLError": ".exceptions",
    "GraphQLClientGraphQLMultiError": ".exceptions",
    "GraphQLClientHttpError": ".exceptions",
    "GraphQLClientInvalidResponseError": ".exceptions",
    "HasuraCloudClient": ".client",
    "ListProjects": ".list_projects",
    "ListProjectsProjects": ".list_projects",
    "ListRegions": ".list_regions",
    "ListRegionsRegion": ".list_regions",
    "ProjectOptions": ".input_types",
    "ProjectStatus": ".fragments",
    "ProjectStatusOwner": ".fragments",
    "ProjectStatusTenant": ".fragments",
    "ProjectStatusTenantConfig": ".fragments",
    "ProjectStatusTenantConfigStatus": ".fragments",
    "ProjectStatusTenantRegionInfo": ".fragments",
    "ProjectSummary": ".fragments",
    "ProjectSummaryTenant": ".fragments",
    "ReactivateSuspendedProject": ".reactivate_suspended_project",
    "ReactivateSuspendedProjectReactivateSuspendedProject": ".reactivate_suspended_project",
    "ResolveTarget": ".resolve_target",
    "ResolveTargetProjectsByPk": ".resolve_target",
    "ResolveTargetProjectsByPkTenant": ".resolve_target",
    "ResolveTargetTenantByPk": ".resolve_target",
    "ResolveTargetTenantByPkProject": ".resolve_target",
    "String_comparison_exp": ".input_types",
    "TenantEnvFields": ".fragments",
    "UpdateEnvObject": ".input_types",
    "UpdateEnvsObject": ".input_types",
    "UpdateTenantEnv": ".update_tenant_env",
    "UpdateTenantEnvUpdateTenantEnv": ".update_tenant_env",
    "UpdateTenantName": ".update_tenant_name",
    "UpdateTenantNameUpdateTenantName": ".update_tenant_name",
    "UpdateTenantNameUpdateTenantNameTenant": ".update_tenant_name",
    "UpdateTenantNameUpdateTenantNameTenantProject": ".update_tenant_name",
    "cloud_enum": ".enums",
    "cloud_enum_comparison_exp": ".input_types",
    "project_entitlement_types_enum": ".enums",
}


def __getattr__(name):
    """Import the module a generated name lives in, the first time it is used."""
    module_name = _LAZY_IMPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(__all__)


__all__ = [
    "BaseClient",
    "BaseModel",
    "CheckDBLatency",
    "CheckDBLatencyCheckDbLatency",
    "CreateGitHubPreviewApp",
    "CreateGitHubPreviewAppCreateGitHubPreviewApp",
    "CreateGithubPreviewAppInputPayload",
    "CreateTenant",
    "CreateTenantCreateTenant",
    "DeleteTenant",
    "DeleteTenantDeleteTenant",
    "DeleteTenantEnv",
    "DeleteTenantEnvDeleteTenantEnv",
    "GetDBLatencyJob",
    "GetDBLatencyJobJobsByPk",
    "GetDBLatencyJobJobsByPkTasks",
    "GetDBLatencyJobJobsByPkTasksTaskEvents",
    "GetDeploymentJobStatus",
    "GetDeploymentJobStatusJobsByPk",
    "GetDeploymentJobStatusJobsByPkProject",
    "GetDeploymentJobStatusJobsByPkTasks",
    "GetDeploymentJobStatusJobsByPkTasksTaskEvents",
    "GetEnvRollout",
    "GetEnvRolloutConfigStatus",
    "GetEnvRolloutTenantByPk",
    "GetEnvRolloutTenantByPkConfig",
    "GetPreviewAppCreationStatus",
    "GetPreviewAppCreationStatusJobsByPk",
    "GetPreviewAppCreationStatusJobsByPkTasks",
    "GetPreviewAppCreationStatusJobsByPkTasksTaskEvents",
    "GetProjectByName",
    "GetProjectByNameProjects",
    "GetProjectEntitlements",
    "GetProjectEntitlementsProjectsByPk",
    "GetProjectEntitlementsProjectsByPkEntitlements",
    "GetProjectEntitlementsProjectsByPkEntitlementsEntitlement",
    "GetProjectStatus",
    "GetProjectStatusProjects",
    "GetProjectTenantId",
    "GetProjectTenantIdProjectsByPk",
    "GetTenantDetails",
    "GetTenantDetailsTenantByPk",
    "GetTenantDetailsTenantByPkProject",
    "GetTenantEnv",
    "GetTenantEnvGetTenantEnv",
    "GithubRepoDetails",
    "GraphQLClientError",
    "GraphQLClientGraphQLError",
    "GraphQLClientGraphQLMultiError",
    "GraphQLClientHttpError",
    "GraphQLClientInvalidResponseError",
    "HasuraCloudClient",
    "ListProjects",
    "ListProjectsProjects",
    "ListRegions",
    "ListRegionsRegion",
    "ProjectOptions",
    "ProjectStatus",
    "ProjectStatusOwner",
    "ProjectStatusTenant",
    "ProjectStatusTenantConfig",
    "ProjectStatusTenantConfigStatus",
    "ProjectStatusTenantRegionInfo",
    "ProjectSummary",
    "ProjectSummaryTenant",
    "ReactivateSuspendedProject",
    "ReactivateSuspendedProjectReactivateSuspendedProject",
    "ResolveTarget",
    "ResolveTargetProjectsByPk",
    "ResolveTargetProjectsByPkTenant",
    "ResolveTargetTenantByPk",
    "ResolveTargetTenantByPkProject",
    "String_comparison_exp",
    "TenantEnvFields",
    "UpdateEnvObject",
    "UpdateEnvsObject",
    "UpdateTenantEnv",
    "UpdateTenantEnvUpdateTenantEnv",
    "UpdateTenantName",
    "UpdateTenantNameUpdateTenantName",
    "UpdateTenantNameUpdateTenantNameTenant",
    "UpdateTenantNameUpdateTenantNameTenantProject",
    "cloud_enum",
    "cloud_enum_comparison_exp",
    "project_entitlement_types_enum",
]
