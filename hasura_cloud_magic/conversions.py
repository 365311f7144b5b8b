"""Generated-client models → the results ``%hasura`` returns (one place for the mapping)."""

from __future__ import annotations

from hasura_cloud_client import GetTenantDetailsTenantByPk, ProjectSummary

from hasura_cloud_magic.results import Project, Tenant, TenantProject


def project_from_summary(summary: ProjectSummary) -> Project:
    tenant = summary.tenant
    return Project(
        id=summary.id,
        name=summary.name,
        endpoint=summary.endpoint,
        plan=summary.plan_name,
        created_at=summary.created_at,
        tenant_id=tenant.id if tenant else None,
        cloud=tenant.cloud if tenant else None,
        region=tenant.region if tenant else None,
    )


def tenant_from_details(details: GetTenantDetailsTenantByPk) -> Tenant:
    project = details.project
    return Tenant(
        id=details.id,
        slug=details.slug,
        cloud=details.cloud,
        region=details.region,
        fqdn=details.fqdn,
        active=details.active,
        major_version=details.major_version,
        created_at=details.created_at,
        project=TenantProject(project.id, project.name, project.endpoint, project.plan_name),
    )
