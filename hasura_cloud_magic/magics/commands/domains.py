"""``%hasura domains TARGET``: a project's custom domains, each with the DNS record to create,
where its DNS validation stands (pending, succeeded, failed) and its certificate. Returns a
:class:`~hasura_cloud_magic.results.DomainList` (``.to_dataframe()``)."""

from __future__ import annotations

import argparse

from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.results.domains import DomainList


def run(session: Session, args: argparse.Namespace) -> DomainList:
    target = session.target(args.target)
    domains = session.cloud().domains.read(target.tenant_id, target.name)[1]
    return DomainList(target.name, domains)
