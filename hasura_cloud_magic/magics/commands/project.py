"""``%hasura project TARGET``: one project, by project id, tenant id or name, with its status,
plan, owner, env rollout and NAT IPs."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from hasura_cloud_magic.errors import HasuraCloudError, NotFoundError
from hasura_cloud_magic.health import nat_ips, project_state
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import Project, ProjectDetails
from hasura_cloud_magic.rollout import EnvRollout


def run(session: Session, args: argparse.Namespace) -> ProjectDetails:
    target = session.target(args.target)
    cloud = session.cloud()
    found = cloud.get_project(target.project_id)
    statuses = cloud.project_status([target.project_id])
    if found is None or not statuses:
        session.forget_targets(target.tenant_id)
        raise NotFoundError(f"project {target.name} no longer exists")
    status = statuses[0]
    tenant = status.tenant
    config = tenant.config if tenant else None
    region = tenant.region_info if tenant else None
    try:
        entitlements: dict[str, bool] | None = cloud.get_entitlements(target.project_id)
    except HasuraCloudError:
        entitlements = None  # an extra; the card says "unavailable"
    rollout = EnvRollout(
        config.hash if config else None,
        tuple(s.hash for s in config.status) if config else (),
        None if tenant is None or tenant.active else project_state(tenant),
    )
    return ProjectDetails(
        **asdict(Project.from_api(found)),
        state=project_state(tenant),
        billing_plan=status.billing_plan_name,
        owner=status.owner.email,
        env_rollout=rollout.describe(),
        nat_ips=nat_ips(region.nat_ip, region.nat_ips) if region else (),
        metrics_host=region.metrics_fqdn if region else None,
        entitlements=entitlements,
    )
