"""``%hasura project TARGET``: one project, by project id, tenant id or name, with its status,
plan, owner, env rollout and NAT IPs."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from hasura_cloud_magic.errors import HasuraCloudError, NotFoundError
from hasura_cloud_magic.health import project_health
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import Project, ProjectDetails


def run(session: Session, args: argparse.Namespace) -> ProjectDetails:
    target = session.target(args.target)
    cloud = session.cloud()
    found = cloud.get_project(target.project_id)
    statuses = cloud.project_status([target.project_id])
    if found is None or not statuses:
        session.forget_targets(target.tenant_id)
        raise NotFoundError(f"project {target.name} no longer exists")
    status = statuses[0]
    region = status.tenant.region_info if status.tenant else None
    try:
        entitlements: dict[str, bool] | None = cloud.get_entitlements(target.project_id)
    except HasuraCloudError:
        entitlements = None  # an extra; the card says "unavailable"
    health = project_health(status, None)  # status and rollout as %hasura health reads them
    return ProjectDetails(
        **asdict(Project.from_api(found)),
        state=health.state,
        billing_plan=status.billing_plan_name,
        owner=health.owner,
        env_rollout=health.env_rollout,
        nat_ips=health.nat_ips,
        metrics_host=region.metrics_fqdn if region else None,
        entitlements=entitlements,
    )
