import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .accept_invite import AcceptInvite, AcceptInviteAcceptInvite
    from .add_custom_domain import AddCustomDomain, AddCustomDomainInsertCustomDomainOne
    from .base_client import BaseClient
    from .base_model import BaseModel
    from .check_db_latency import CheckDBLatency, CheckDBLatencyCheckDbLatency
    from .client import HasuraCloudClient
    from .create_git_hub_preview_app import (
        CreateGitHubPreviewApp,
        CreateGitHubPreviewAppCreateGitHubPreviewApp,
    )
    from .create_tenant import CreateTenant, CreateTenantCreateTenant
    from .decline_invite import DeclineInvite, DeclineInviteDeclineInvite
    from .delete_custom_domain import (
        DeleteCustomDomain,
        DeleteCustomDomainDeleteCustomDomainByPk,
    )
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
        CustomDomain,
        InvitationResult,
        ProjectAccess,
        ProjectAccessCollaborators,
        ProjectAccessCollaboratorsCollaborator,
        ProjectAccessCollaboratorsProjectCollaboratorPrivileges,
        ProjectAccessInvitations,
        ProjectAccessOwner,
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
    from .get_custom_domain import GetCustomDomain, GetCustomDomainCustomDomainByPk
    from .get_custom_domains import (
        GetCustomDomains,
        GetCustomDomainsTenantByPk,
        GetCustomDomainsTenantByPkCustomDomains,
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
    from .get_pending_invitations import (
        GetPendingInvitations,
        GetPendingInvitationsFetchPendingInvitations,
    )
    from .get_preview_app_creation_status import (
        GetPreviewAppCreationStatus,
        GetPreviewAppCreationStatusJobsByPk,
        GetPreviewAppCreationStatusJobsByPkTasks,
        GetPreviewAppCreationStatusJobsByPkTasksTaskEvents,
    )
    from .get_project_access import GetProjectAccess, GetProjectAccessProjects
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
        InviteColloboratorRequest,
        ProjectOptions,
        ResendInvitationRequest,
        String_comparison_exp,
        UpdateEnvObject,
        UpdateEnvsObject,
        cloud_enum_comparison_exp,
        project_collaborator_privileges_insert_input,
    )
    from .invite_collaborator import (
        InviteCollaborator,
        InviteCollaboratorInviteCollaborator,
    )
    from .list_projects import ListProjects, ListProjectsProjects
    from .list_regions import ListRegions, ListRegionsRegion
    from .reactivate_suspended_project import (
        ReactivateSuspendedProject,
        ReactivateSuspendedProjectReactivateSuspendedProject,
    )
    from .remove_collaborator import (
        RemoveCollaborator,
        RemoveCollaboratorDeleteProjectCollaboratorsByPk,
    )
    from .resend_invite import ResendInvite, ResendInviteResendInvite
    from .resolve_target import (
        ResolveTarget,
        ResolveTargetProjectsByPk,
        ResolveTargetProjectsByPkTenant,
        ResolveTargetTenantByPk,
        ResolveTargetTenantByPkProject,
    )
    from .revoke_invitation import (
        RevokeInvitation,
        RevokeInvitationDeleteProjectCollaboratorInvitationsByPk,
    )
    from .set_collaborator_privileges import (
        SetCollaboratorPrivileges,
        SetCollaboratorPrivilegesDeleteProjectCollaboratorPrivileges,
        SetCollaboratorPrivilegesInsertProjectCollaboratorPrivileges,
    )
    from .update_tenant_env import UpdateTenantEnv, UpdateTenantEnvUpdateTenantEnv
    from .update_tenant_name import (
        UpdateTenantName,
        UpdateTenantNameUpdateTenantName,
        UpdateTenantNameUpdateTenantNameTenant,
        UpdateTenantNameUpdateTenantNameTenantProject,
    )
_LAZY_IMPORTS = {
    "AcceptInvite": ".accept_invite",
    "AcceptInviteAcceptInvite": ".accept_invite",
    "AddCustomDomain": ".add_custom_domain",
    "AddCustomDomainInsertCustomDomainOne": ".add_custom_domain",
    "BaseClient": ".base_client",
    "BaseModel": ".base_model",
    "CheckDBLatency": ".check_db_latency",
    "CheckDBLatencyCheckDbLatency": ".check_db_latency",
    "CreateGitHubPreviewApp": ".create_git_hub_preview_app",
    "CreateGitHubPreviewAppCreateGitHubPreviewApp": ".create_git_hub_preview_app",
    "CreateGithubPreviewAppInputPayload": ".input_types",
    "CreateTenant": ".create_tenant",
    "CreateTenantCreateTenant": ".create_tenant",
    "CustomDomain": ".fragments",
    "DeclineInvite": ".decline_invite",
    "DeclineInviteDeclineInvite": ".decline_invite",
    "DeleteCustomDomain": ".delete_custom_domain",
    "DeleteCustomDomainDeleteCustomDomainByPk": ".delete_custom_domain",
    "DeleteTenant": ".delete_tenant",
    "DeleteTenantDeleteTenant": ".delete_tenant",
    "DeleteTenantEnv": ".delete_tenant_env",
    "DeleteTenantEnvDeleteTenantEnv": ".delete_tenant_env",
    "GetCustomDomain": ".get_custom_domain",
    "GetCustomDomainCustomDomainByPk": ".get_custom_domain",
    "GetCustomDomains": ".get_custom_domains",
    "GetCustomDomainsTenantByPk": ".get_custom_domains",
    "GetCustomDomainsTenantByPkCustomDomains": ".get_custom_domains",
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
    "GetPendingInvitations": ".get_pending_invitations",
    "GetPendingInvitationsFetchPendingInvitations": ".get_pending_invitations",
    "GetPreviewAppCreationStatus": ".get_preview_app_creation_status",
    "GetPreviewAppCreationStatusJobsByPk": ".get_preview_app_creation_status",
    "GetPreviewAppCreationStatusJobsByPkTasks": ".get_preview_app_creation_status",
    "GetPreviewAppCreationStatusJobsByPkTasksTaskEvents": ".get_preview_app_creation_status",
    "GetProjectAccess": ".get_project_access",
    "GetProjectAccessProjects": ".get_project_access",
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
    "InvitationResult": ".fragments",
    "InviteCollaborator": ".invite_collaborator",
    "InviteCollaboratorInviteCollaborator": ".invite_collaborator",
    "InviteColloboratorRequest": ".input_types",
    "ListProjects": ".list_projects",
    "ListProjectsProjects": ".list_projects",
    "ListRegions": ".list_regions",
    "ListRegionsRegion": ".list_regions",
    "ProjectAccess": ".fragments",
    "ProjectAccessCollaborators": ".fragments",
    "ProjectAccessCollaboratorsCollaborator": ".fragments",
    "ProjectAccessCollaboratorsProjectCollaboratorPrivileges": ".fragments",
    "ProjectAccessInvitations": ".fragments",
    "ProjectAccessOwner": ".fragments",
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
    "RemoveCollaborator": ".remove_collaborator",
    "RemoveCollaboratorDeleteProjectCollaboratorsByPk": ".remove_collaborator",
    "ResendInvitationRequest": ".input_types",
    "ResendInvite": ".resend_invite",
    "ResendInviteResendInvite": ".resend_invite",
    "ResolveTarget": ".resolve_target",
    "ResolveTargetProjectsByPk": ".resolve_target",
    "ResolveTargetProjectsByPkTenant": ".resolve_target",
    "ResolveTargetTenantByPk": ".resolve_target",
    "ResolveTargetTenantByPkProject": ".resolve_target",
    "RevokeInvitation": ".revoke_invitation",
    "RevokeInvitationDeleteProjectCollaboratorInvitationsByPk": ".revoke_invitation",
    "SetCollaboratorPrivileges": ".set_collaborator_privileges",
    "SetCollaboratorPrivilegesDeleteProjectCollaboratorPrivileges": ".set_collaborator_privileges",
    "SetCollaboratorPrivilegesInsertProjectCollaboratorPrivileges": ".set_collaborator_privileges",
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
    "project_collaborator_privileges_insert_input": ".input_types",
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
    "AcceptInvite",
    "AcceptInviteAcceptInvite",
    "AddCustomDomain",
    "AddCustomDomainInsertCustomDomainOne",
    "BaseClient",
    "BaseModel",
    "CheckDBLatency",
    "CheckDBLatencyCheckDbLatency",
    "CreateGitHubPreviewApp",
    "CreateGitHubPreviewAppCreateGitHubPreviewApp",
    "CreateGithubPreviewAppInputPayload",
    "CreateTenant",
    "CreateTenantCreateTenant",
    "CustomDomain",
    "DeclineInvite",
    "DeclineInviteDeclineInvite",
    "DeleteCustomDomain",
    "DeleteCustomDomainDeleteCustomDomainByPk",
    "DeleteTenant",
    "DeleteTenantDeleteTenant",
    "DeleteTenantEnv",
    "DeleteTenantEnvDeleteTenantEnv",
    "GetCustomDomain",
    "GetCustomDomainCustomDomainByPk",
    "GetCustomDomains",
    "GetCustomDomainsTenantByPk",
    "GetCustomDomainsTenantByPkCustomDomains",
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
    "GetPendingInvitations",
    "GetPendingInvitationsFetchPendingInvitations",
    "GetPreviewAppCreationStatus",
    "GetPreviewAppCreationStatusJobsByPk",
    "GetPreviewAppCreationStatusJobsByPkTasks",
    "GetPreviewAppCreationStatusJobsByPkTasksTaskEvents",
    "GetProjectAccess",
    "GetProjectAccessProjects",
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
    "InvitationResult",
    "InviteCollaborator",
    "InviteCollaboratorInviteCollaborator",
    "InviteColloboratorRequest",
    "ListProjects",
    "ListProjectsProjects",
    "ListRegions",
    "ListRegionsRegion",
    "ProjectAccess",
    "ProjectAccessCollaborators",
    "ProjectAccessCollaboratorsCollaborator",
    "ProjectAccessCollaboratorsProjectCollaboratorPrivileges",
    "ProjectAccessInvitations",
    "ProjectAccessOwner",
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
    "RemoveCollaborator",
    "RemoveCollaboratorDeleteProjectCollaboratorsByPk",
    "ResendInvitationRequest",
    "ResendInvite",
    "ResendInviteResendInvite",
    "ResolveTarget",
    "ResolveTargetProjectsByPk",
    "ResolveTargetProjectsByPkTenant",
    "ResolveTargetTenantByPk",
    "ResolveTargetTenantByPkProject",
    "RevokeInvitation",
    "RevokeInvitationDeleteProjectCollaboratorInvitationsByPk",
    "SetCollaboratorPrivileges",
    "SetCollaboratorPrivilegesDeleteProjectCollaboratorPrivileges",
    "SetCollaboratorPrivilegesInsertProjectCollaboratorPrivileges",
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
    "project_collaborator_privileges_insert_input",
    "project_entitlement_types_enum",
]
