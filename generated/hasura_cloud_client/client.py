from typing import TYPE_CHECKING, Any, Optional, Union
from uuid import UUID

from .base_client import BaseClient
from .base_model import UNSET

if TYPE_CHECKING:
    from .accept_invite import AcceptInvite
    from .add_custom_domain import AddCustomDomain
    from .base_model import UnsetType
    from .check_db_latency import CheckDBLatency
    from .create_git_hub_preview_app import CreateGitHubPreviewApp
    from .create_tenant import CreateTenant
    from .decline_invite import DeclineInvite
    from .delete_custom_domain import DeleteCustomDomain
    from .delete_tenant import DeleteTenant
    from .delete_tenant_env import DeleteTenantEnv
    from .get_custom_domain import GetCustomDomain
    from .get_custom_domains import GetCustomDomains
    from .get_db_latency_job import GetDBLatencyJob
    from .get_deployment_job_status import GetDeploymentJobStatus
    from .get_env_rollout import GetEnvRollout
    from .get_pending_invitations import GetPendingInvitations
    from .get_preview_app_creation_status import GetPreviewAppCreationStatus
    from .get_project_access import GetProjectAccess
    from .get_project_by_name import GetProjectByName
    from .get_project_entitlements import GetProjectEntitlements
    from .get_project_status import GetProjectStatus
    from .get_project_tenant_id import GetProjectTenantId
    from .get_tenant_details import GetTenantDetails
    from .get_tenant_env import GetTenantEnv
    from .input_types import (
        CreateGithubPreviewAppInputPayload,
        InviteColloboratorRequest,
        ResendInvitationRequest,
        String_comparison_exp,
        UpdateEnvObject,
        UpdateEnvsObject,
        cloud_enum_comparison_exp,
        project_collaborator_privileges_insert_input,
    )
    from .invite_collaborator import InviteCollaborator
    from .list_projects import ListProjects
    from .list_regions import ListRegions
    from .reactivate_suspended_project import ReactivateSuspendedProject
    from .remove_collaborator import RemoveCollaborator
    from .resend_invite import ResendInvite
    from .resolve_target import ResolveTarget
    from .revoke_invitation import RevokeInvitation
    from .set_collaborator_privileges import SetCollaboratorPrivileges
    from .update_tenant_env import UpdateTenantEnv
    from .update_tenant_name import UpdateTenantName


def gql(q: str) -> str:
    return q


class HasuraCloudClient(BaseClient):
    def accept_invite(self, invite_key: str, **kwargs: Any) -> "AcceptInvite":
        from .accept_invite import AcceptInvite

        query = gql("""
            mutation AcceptInvite($inviteKey: String!) {
              acceptInvite(inviteKey: $inviteKey) {
                ...InvitationResult
              }
            }

            fragment InvitationResult on ProjectCollaboratorInvitation {
              id
              project_id
              collaborator_email
              invited_at
              privileges
            }
            """)
        variables: dict[str, object] = {"inviteKey": invite_key}
        response = self.execute(
            query=query, operation_name="AcceptInvite", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AcceptInvite.model_validate(data)

    def add_custom_domain(
        self, tenant_id: UUID, fqdn: str, **kwargs: Any
    ) -> "AddCustomDomain":
        from .add_custom_domain import AddCustomDomain

        query = gql("""
            mutation AddCustomDomain($tenantId: uuid!, $fqdn: String!) {
              insert_custom_domain_one(object: {fqdn: $fqdn, tenant_id: $tenantId}) {
                ...CustomDomain
              }
            }

            fragment CustomDomain on custom_domain {
              id
              fqdn
              cert
              dns_validation
              ssl_status
              ssl_message
              tenant_id
              created_at
              updated_at
            }
            """)
        variables: dict[str, object] = {"tenantId": tenant_id, "fqdn": fqdn}
        response = self.execute(
            query=query, operation_name="AddCustomDomain", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AddCustomDomain.model_validate(data)

    def check_db_latency(self, project_id: UUID, **kwargs: Any) -> "CheckDBLatency":
        from .check_db_latency import CheckDBLatency

        query = gql("""
            mutation CheckDBLatency($projectId: uuid!) {
              checkDBLatency(project_id: $projectId) {
                db_latency_job_id
              }
            }
            """)
        variables: dict[str, object] = {"projectId": project_id}
        response = self.execute(
            query=query, operation_name="CheckDBLatency", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CheckDBLatency.model_validate(data)

    def create_git_hub_preview_app(
        self, payload: "CreateGithubPreviewAppInputPayload", **kwargs: Any
    ) -> "CreateGitHubPreviewApp":
        from .create_git_hub_preview_app import CreateGitHubPreviewApp

        query = gql("""
            mutation CreateGitHubPreviewApp($payload: CreateGithubPreviewAppInputPayload!) {
              createGitHubPreviewApp(payload: $payload) {
                githubPreviewAppJobID
              }
            }
            """)
        variables: dict[str, object] = {"payload": payload}
        response = self.execute(
            query=query,
            operation_name="CreateGitHubPreviewApp",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateGitHubPreviewApp.model_validate(data)

    def create_tenant(
        self,
        cloud: str,
        region: str,
        envs: Union[Optional[list[Optional["UpdateEnvsObject"]]], "UnsetType"] = UNSET,
        name: Union[Optional[str], "UnsetType"] = UNSET,
        plan: Union[Optional[str], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "CreateTenant":
        from .create_tenant import CreateTenant

        query = gql("""
            mutation CreateTenant($cloud: String!, $region: String!, $envs: [UpdateEnvsObject], $name: String, $plan: String) {
              createTenant(
                cloud: $cloud
                region: $region
                envs: $envs
                name: $name
                plan: $plan
              ) {
                id
                name
              }
            }
            """)
        variables: dict[str, object] = {
            "cloud": cloud,
            "region": region,
            "envs": envs,
            "name": name,
            "plan": plan,
        }
        response = self.execute(
            query=query, operation_name="CreateTenant", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateTenant.model_validate(data)

    def decline_invite(self, invite_key: str, **kwargs: Any) -> "DeclineInvite":
        from .decline_invite import DeclineInvite

        query = gql("""
            mutation DeclineInvite($inviteKey: String!) {
              declineInvite(inviteKey: $inviteKey) {
                ...InvitationResult
              }
            }

            fragment InvitationResult on ProjectCollaboratorInvitation {
              id
              project_id
              collaborator_email
              invited_at
              privileges
            }
            """)
        variables: dict[str, object] = {"inviteKey": invite_key}
        response = self.execute(
            query=query, operation_name="DeclineInvite", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeclineInvite.model_validate(data)

    def delete_custom_domain(self, id: UUID, **kwargs: Any) -> "DeleteCustomDomain":
        from .delete_custom_domain import DeleteCustomDomain

        query = gql("""
            mutation DeleteCustomDomain($id: uuid!) {
              delete_custom_domain_by_pk(id: $id) {
                id
                fqdn
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="DeleteCustomDomain",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return DeleteCustomDomain.model_validate(data)

    def delete_tenant(self, tenant_id: UUID, **kwargs: Any) -> "DeleteTenant":
        from .delete_tenant import DeleteTenant

        query = gql("""
            mutation DeleteTenant($tenantId: uuid!) {
              deleteTenant(tenantId: $tenantId) {
                status
              }
            }
            """)
        variables: dict[str, object] = {"tenantId": tenant_id}
        response = self.execute(
            query=query, operation_name="DeleteTenant", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeleteTenant.model_validate(data)

    def delete_tenant_env(
        self, tenant_id: UUID, current_hash: str, delete_envs: list[str], **kwargs: Any
    ) -> "DeleteTenantEnv":
        from .delete_tenant_env import DeleteTenantEnv

        query = gql("""
            mutation DeleteTenantEnv($tenantId: uuid!, $currentHash: String!, $deleteEnvs: [String!]!) {
              deleteTenantEnv(
                tenantId: $tenantId
                currentHash: $currentHash
                deleteEnvs: $deleteEnvs
              ) {
                ...TenantEnvFields
              }
            }

            fragment TenantEnvFields on TenantEnv {
              hash
              envVars
            }
            """)
        variables: dict[str, object] = {
            "tenantId": tenant_id,
            "currentHash": current_hash,
            "deleteEnvs": delete_envs,
        }
        response = self.execute(
            query=query, operation_name="DeleteTenantEnv", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return DeleteTenantEnv.model_validate(data)

    def get_custom_domain(self, id: UUID, **kwargs: Any) -> "GetCustomDomain":
        from .get_custom_domain import GetCustomDomain

        query = gql("""
            query GetCustomDomain($id: uuid!) {
              custom_domain_by_pk(id: $id) {
                ...CustomDomain
              }
            }

            fragment CustomDomain on custom_domain {
              id
              fqdn
              cert
              dns_validation
              ssl_status
              ssl_message
              tenant_id
              created_at
              updated_at
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="GetCustomDomain", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return GetCustomDomain.model_validate(data)

    def get_custom_domains(self, tenant_id: UUID, **kwargs: Any) -> "GetCustomDomains":
        from .get_custom_domains import GetCustomDomains

        query = gql("""
            query GetCustomDomains($tenantId: uuid!) {
              tenant_by_pk(id: $tenantId) {
                id
                fqdn
                custom_domains(order_by: [{fqdn: asc}]) {
                  ...CustomDomain
                }
              }
            }

            fragment CustomDomain on custom_domain {
              id
              fqdn
              cert
              dns_validation
              ssl_status
              ssl_message
              tenant_id
              created_at
              updated_at
            }
            """)
        variables: dict[str, object] = {"tenantId": tenant_id}
        response = self.execute(
            query=query,
            operation_name="GetCustomDomains",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetCustomDomains.model_validate(data)

    def get_db_latency_job(self, job_id: UUID, **kwargs: Any) -> "GetDBLatencyJob":
        from .get_db_latency_job import GetDBLatencyJob

        query = gql("""
            query GetDBLatencyJob($jobId: uuid!) {
              jobs_by_pk(id: $jobId) {
                id
                status
                tasks {
                  id
                  name
                  task_events(order_by: {created_at: asc}) {
                    id
                    event_type
                    public_event_data
                    error
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"jobId": job_id}
        response = self.execute(
            query=query, operation_name="GetDBLatencyJob", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return GetDBLatencyJob.model_validate(data)

    def get_deployment_job_status(
        self, job_id: UUID, **kwargs: Any
    ) -> "GetDeploymentJobStatus":
        from .get_deployment_job_status import GetDeploymentJobStatus

        query = gql("""
            query GetDeploymentJobStatus($jobId: uuid!) {
              jobs_by_pk(id: $jobId) {
                id
                status
                project {
                  name
                  endpoint
                }
                tasks(order_by: {created_at: asc}) {
                  id
                  name
                  task_events(order_by: {created_at: desc}, limit: 1) {
                    id
                    event_type
                    error
                    github_detail
                    created_at
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"jobId": job_id}
        response = self.execute(
            query=query,
            operation_name="GetDeploymentJobStatus",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetDeploymentJobStatus.model_validate(data)

    def get_env_rollout(self, tenant_id: UUID, **kwargs: Any) -> "GetEnvRollout":
        from .get_env_rollout import GetEnvRollout

        query = gql("""
            query GetEnvRollout($tenantId: uuid!) {
              tenant_by_pk(id: $tenantId) {
                id
                active
                active_status_reason
                config {
                  hash
                }
              }
              config_status(
                where: {is_active: {_eq: true}, tenant_id: {_eq: $tenantId}, worker_state: {_eq: "live"}}
              ) {
                hash
                worker_id
              }
            }
            """)
        variables: dict[str, object] = {"tenantId": tenant_id}
        response = self.execute(
            query=query, operation_name="GetEnvRollout", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return GetEnvRollout.model_validate(data)

    def get_pending_invitations(self, **kwargs: Any) -> "GetPendingInvitations":
        from .get_pending_invitations import GetPendingInvitations

        query = gql("""
            query GetPendingInvitations {
              fetchPendingInvitations {
                id
                projectID
                projectName
                invitedAt
                invitedBy
                privileges
                key
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="GetPendingInvitations",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetPendingInvitations.model_validate(data)

    def get_preview_app_creation_status(
        self, job_id: UUID, **kwargs: Any
    ) -> "GetPreviewAppCreationStatus":
        from .get_preview_app_creation_status import GetPreviewAppCreationStatus

        query = gql("""
            query GetPreviewAppCreationStatus($jobId: uuid!) {
              jobs_by_pk(id: $jobId) {
                id
                status
                tasks {
                  id
                  name
                  task_events(order_by: {created_at: desc}) {
                    id
                    event_type
                    public_event_data
                    error
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"jobId": job_id}
        response = self.execute(
            query=query,
            operation_name="GetPreviewAppCreationStatus",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetPreviewAppCreationStatus.model_validate(data)

    def get_project_access(self, ids: list[UUID], **kwargs: Any) -> "GetProjectAccess":
        from .get_project_access import GetProjectAccess

        query = gql("""
            query GetProjectAccess($ids: [uuid!]!) {
              projects(where: {id: {_in: $ids}}, order_by: [{name: asc}]) {
                ...ProjectAccess
              }
            }

            fragment ProjectAccess on projects {
              id
              name
              owner {
                id
                email
              }
              collaborators {
                id
                collaborator_id
                status
                collaborator {
                  id
                  email
                }
                project_collaborator_privileges {
                  privilege_slug
                }
              }
              invitations(
                where: {accepted_at: {_is_null: true}, declined_at: {_is_null: true}}
              ) {
                id
                collaborator_email
                privileges
                invited_at
                invited_by
              }
            }
            """)
        variables: dict[str, object] = {"ids": ids}
        response = self.execute(
            query=query,
            operation_name="GetProjectAccess",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetProjectAccess.model_validate(data)

    def get_project_by_name(self, name: str, **kwargs: Any) -> "GetProjectByName":
        from .get_project_by_name import GetProjectByName

        query = gql("""
            query GetProjectByName($name: String!) {
              projects(where: {name: {_eq: $name}}) {
                ...ProjectSummary
              }
            }

            fragment ProjectSummary on projects {
              id
              name
              endpoint
              plan_name
              created_at
              tenant {
                id
                slug
                cloud
                region
              }
            }
            """)
        variables: dict[str, object] = {"name": name}
        response = self.execute(
            query=query,
            operation_name="GetProjectByName",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetProjectByName.model_validate(data)

    def get_project_entitlements(
        self, project_id: UUID, **kwargs: Any
    ) -> "GetProjectEntitlements":
        from .get_project_entitlements import GetProjectEntitlements

        query = gql("""
            query GetProjectEntitlements($projectId: uuid!) {
              projects_by_pk(id: $projectId) {
                id
                entitlements {
                  entitlement {
                    type
                    config_is_enabled
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"projectId": project_id}
        response = self.execute(
            query=query,
            operation_name="GetProjectEntitlements",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetProjectEntitlements.model_validate(data)

    def get_project_status(self, ids: list[UUID], **kwargs: Any) -> "GetProjectStatus":
        from .get_project_status import GetProjectStatus

        query = gql("""
            query GetProjectStatus($ids: [uuid!]!) {
              projects(where: {id: {_in: $ids}}, order_by: [{name: asc}]) {
                ...ProjectStatus
              }
            }

            fragment ProjectStatus on projects {
              id
              name
              endpoint
              plan_name
              billing_plan_name
              owner {
                id
                email
              }
              tenant {
                id
                cloud
                region
                fqdn
                active
                active_status_reason
                maintenance_mode
                region_info {
                  name
                  nat_ip
                  nat_ips
                  metrics_fqdn
                }
                config {
                  hash
                  updated_at
                  status(where: {is_active: {_eq: true}, worker_state: {_eq: "live"}}) {
                    hash
                    worker_id
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"ids": ids}
        response = self.execute(
            query=query,
            operation_name="GetProjectStatus",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetProjectStatus.model_validate(data)

    def get_project_tenant_id(self, id: UUID, **kwargs: Any) -> "GetProjectTenantId":
        from .get_project_tenant_id import GetProjectTenantId

        query = gql("""
            query GetProjectTenantId($id: uuid!) {
              projects_by_pk(id: $id) {
                ...ProjectSummary
              }
            }

            fragment ProjectSummary on projects {
              id
              name
              endpoint
              plan_name
              created_at
              tenant {
                id
                slug
                cloud
                region
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="GetProjectTenantId",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetProjectTenantId.model_validate(data)

    def get_tenant_details(self, id: UUID, **kwargs: Any) -> "GetTenantDetails":
        from .get_tenant_details import GetTenantDetails

        query = gql("""
            query GetTenantDetails($id: uuid!) {
              tenant_by_pk(id: $id) {
                id
                slug
                cloud
                region
                fqdn
                active
                major_version
                created_at
                project {
                  id
                  name
                  endpoint
                  plan_name
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="GetTenantDetails",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return GetTenantDetails.model_validate(data)

    def get_tenant_env(self, tenant_id: UUID, **kwargs: Any) -> "GetTenantEnv":
        from .get_tenant_env import GetTenantEnv

        query = gql("""
            query GetTenantEnv($tenantId: uuid!) {
              getTenantEnv(tenantId: $tenantId) {
                ...TenantEnvFields
              }
            }

            fragment TenantEnvFields on TenantEnv {
              hash
              envVars
            }
            """)
        variables: dict[str, object] = {"tenantId": tenant_id}
        response = self.execute(
            query=query, operation_name="GetTenantEnv", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return GetTenantEnv.model_validate(data)

    def invite_collaborator(
        self, invite: "InviteColloboratorRequest", **kwargs: Any
    ) -> "InviteCollaborator":
        from .invite_collaborator import InviteCollaborator

        query = gql("""
            mutation InviteCollaborator($invite: InviteColloboratorRequest!) {
              inviteCollaborator(invite: $invite) {
                ...InvitationResult
              }
            }

            fragment InvitationResult on ProjectCollaboratorInvitation {
              id
              project_id
              collaborator_email
              invited_at
              privileges
            }
            """)
        variables: dict[str, object] = {"invite": invite}
        response = self.execute(
            query=query,
            operation_name="InviteCollaborator",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return InviteCollaborator.model_validate(data)

    def list_projects(
        self,
        name: Union[Optional["String_comparison_exp"], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "ListProjects":
        from .list_projects import ListProjects

        query = gql("""
            query ListProjects($name: String_comparison_exp) {
              projects(where: {name: $name}, order_by: [{name: asc}]) {
                ...ProjectSummary
              }
            }

            fragment ProjectSummary on projects {
              id
              name
              endpoint
              plan_name
              created_at
              tenant {
                id
                slug
                cloud
                region
              }
            }
            """)
        variables: dict[str, object] = {"name": name}
        response = self.execute(
            query=query, operation_name="ListProjects", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ListProjects.model_validate(data)

    def list_regions(
        self,
        cloud: Union[Optional["cloud_enum_comparison_exp"], "UnsetType"] = UNSET,
        **kwargs: Any,
    ) -> "ListRegions":
        from .list_regions import ListRegions

        query = gql("""
            query ListRegions($cloud: cloud_enum_comparison_exp) {
              region(
                where: {cloud: $cloud, is_active: {_eq: true}}
                order_by: [{cloud: asc}, {name: asc}]
              ) {
                name
                cloud
                is_active
                nat_ip
              }
            }
            """)
        variables: dict[str, object] = {"cloud": cloud}
        response = self.execute(
            query=query, operation_name="ListRegions", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ListRegions.model_validate(data)

    def reactivate_suspended_project(
        self, project_id: UUID, **kwargs: Any
    ) -> "ReactivateSuspendedProject":
        from .reactivate_suspended_project import ReactivateSuspendedProject

        query = gql("""
            mutation ReactivateSuspendedProject($projectId: uuid!) {
              reactivateSuspendedProject(projectId: $projectId) {
                projectId
                success
              }
            }
            """)
        variables: dict[str, object] = {"projectId": project_id}
        response = self.execute(
            query=query,
            operation_name="ReactivateSuspendedProject",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReactivateSuspendedProject.model_validate(data)

    def remove_collaborator(self, id: UUID, **kwargs: Any) -> "RemoveCollaborator":
        from .remove_collaborator import RemoveCollaborator

        query = gql("""
            mutation RemoveCollaborator($id: uuid!) {
              delete_project_collaborators_by_pk(id: $id) {
                id
                collaborator_id
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="RemoveCollaborator",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RemoveCollaborator.model_validate(data)

    def resend_invite(
        self, args: "ResendInvitationRequest", **kwargs: Any
    ) -> "ResendInvite":
        from .resend_invite import ResendInvite

        query = gql("""
            mutation ResendInvite($args: ResendInvitationRequest!) {
              resendInvite(args: $args) {
                ...InvitationResult
              }
            }

            fragment InvitationResult on ProjectCollaboratorInvitation {
              id
              project_id
              collaborator_email
              invited_at
              privileges
            }
            """)
        variables: dict[str, object] = {"args": args}
        response = self.execute(
            query=query, operation_name="ResendInvite", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ResendInvite.model_validate(data)

    def resolve_target(self, id: UUID, **kwargs: Any) -> "ResolveTarget":
        from .resolve_target import ResolveTarget

        query = gql("""
            query ResolveTarget($id: uuid!) {
              tenant_by_pk(id: $id) {
                id
                project {
                  id
                  name
                }
              }
              projects_by_pk(id: $id) {
                id
                name
                tenant {
                  id
                }
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="ResolveTarget", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ResolveTarget.model_validate(data)

    def revoke_invitation(self, id: UUID, **kwargs: Any) -> "RevokeInvitation":
        from .revoke_invitation import RevokeInvitation

        query = gql("""
            mutation RevokeInvitation($id: uuid!) {
              delete_project_collaborator_invitations_by_pk(id: $id) {
                id
                collaborator_email
              }
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query,
            operation_name="RevokeInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RevokeInvitation.model_validate(data)

    def set_collaborator_privileges(
        self,
        collaborator_id: UUID,
        grant: list["project_collaborator_privileges_insert_input"],
        revoke: list[str],
        **kwargs: Any,
    ) -> "SetCollaboratorPrivileges":
        from .set_collaborator_privileges import SetCollaboratorPrivileges

        query = gql("""
            mutation SetCollaboratorPrivileges($collaboratorId: uuid!, $grant: [project_collaborator_privileges_insert_input!]!, $revoke: [String!]!) {
              insert_project_collaborator_privileges(
                objects: $grant
                on_conflict: {constraint: project_collaborator_privileges_pkey, update_columns: []}
              ) {
                affected_rows
              }
              delete_project_collaborator_privileges(
                where: {project_collaborator_id: {_eq: $collaboratorId}, privilege_slug: {_in: $revoke}}
              ) {
                affected_rows
              }
            }
            """)
        variables: dict[str, object] = {
            "collaboratorId": collaborator_id,
            "grant": grant,
            "revoke": revoke,
        }
        response = self.execute(
            query=query,
            operation_name="SetCollaboratorPrivileges",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SetCollaboratorPrivileges.model_validate(data)

    def update_tenant_env(
        self,
        tenant_id: UUID,
        current_hash: str,
        envs: list["UpdateEnvObject"],
        **kwargs: Any,
    ) -> "UpdateTenantEnv":
        from .update_tenant_env import UpdateTenantEnv

        query = gql("""
            mutation UpdateTenantEnv($tenantId: uuid!, $currentHash: String!, $envs: [UpdateEnvObject!]!) {
              updateTenantEnv(tenantId: $tenantId, currentHash: $currentHash, envs: $envs) {
                ...TenantEnvFields
              }
            }

            fragment TenantEnvFields on TenantEnv {
              hash
              envVars
            }
            """)
        variables: dict[str, object] = {
            "tenantId": tenant_id,
            "currentHash": current_hash,
            "envs": envs,
        }
        response = self.execute(
            query=query, operation_name="UpdateTenantEnv", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateTenantEnv.model_validate(data)

    def update_tenant_name(
        self, tenant_id: UUID, name: str, **kwargs: Any
    ) -> "UpdateTenantName":
        from .update_tenant_name import UpdateTenantName

        query = gql("""
            mutation UpdateTenantName($tenantId: uuid!, $name: String!) {
              updateTenantName(tenantId: $tenantId, name: $name) {
                tenant_id
                tenant {
                  id
                  slug
                  project {
                    id
                    name
                    endpoint
                  }
                }
              }
            }
            """)
        variables: dict[str, object] = {"tenantId": tenant_id, "name": name}
        response = self.execute(
            query=query,
            operation_name="UpdateTenantName",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateTenantName.model_validate(data)
