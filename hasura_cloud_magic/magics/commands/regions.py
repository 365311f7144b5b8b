"""``%hasura regions [--cloud aws]``: where projects can be created, with NAT IPs."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results import Region, RegionList


def run(session: Session, args: argparse.Namespace) -> RegionList:
    found = session.cloud().list_regions(args.cloud)
    session.cache.regions.update(r.name for r in found)  # for completion after --region
    return RegionList(
        [Region(r.name, r.cloud.value, r.nat_ip) for r in found],
        limit=session.preferences.display_limit,
        title=f"Active {args.cloud} regions" if args.cloud else "Active regions",
    )
