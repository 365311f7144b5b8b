"""``%hasura domain add|status|delete TARGET FQDN``: one custom domain of a project.

``add`` checks the name first (one line, nothing sent, for what cannot be a domain), adds
it, and prints the DNS record to create: a CNAME from the domain to the project's own
``<name>.hasura.app`` host. Hasura Cloud then checks the DNS (``pending``, then
``succeeded`` or ``failed``; it may take up to a day) and issues a certificate. With
``--wait`` it follows both live until the domain is ready, fails with one line if the DNS
check fails, and gives up after ``--timeout`` seconds (the check goes on; ``status --wait``
follows it again). A domain exists once across Hasura Cloud: adding one another project or
account holds is refused.

``delete`` asks first unless ``--yes``; a run nobody watches deletes only the domains it
added, or one named with ``--confirm FQDN``.
"""

from __future__ import annotations

import argparse

from hasura_cloud_magic.domains_api import check_fqdn, wait_until_settled
from hasura_cloud_magic.errors import NotFoundError
from hasura_cloud_magic.journal import UNCHANGED, PendingEntry
from hasura_cloud_magic.magics.session import Session
from hasura_cloud_magic.magics.user_input import confirm
from hasura_cloud_magic.results.domains import CustomDomain
from hasura_cloud_magic.targets import Target


def _find(session: Session, target: Target, fqdn: str) -> CustomDomain:
    name = check_fqdn(fqdn)
    domains = session.cloud().domains.read(target.tenant_id, target.name)[1]
    found = next((d for d in domains if d.fqdn == name), None)
    if found is None:
        known = ", ".join(d.fqdn for d in domains) or "none"
        raise NotFoundError(f"{target.name} has no custom domain {name} (it has: {known})")
    return found


def _follow(session: Session, domain: CustomDomain, timeout: float) -> CustomDomain:
    line = session.out.live_line()
    domains = session.cloud().domains
    settled = wait_until_settled(
        domains,
        domain,
        timeout=timeout,
        interval=session.preferences.poll_interval,
        on_update=lambda now: line.update(f"{now.fqdn}: {now.state()}"),
    )
    session.out.success(f"{settled.fqdn} is ready: it serves {settled.project} over HTTPS.")
    return settled


def _add(session: Session, args: argparse.Namespace) -> CustomDomain:
    fqdn = check_fqdn(args.fqdn)
    target = session.target(args.target, to_write=True)
    domains = session.cloud().domains
    host, existing = domains.read(target.tenant_id, target.name)
    added = next((d for d in existing if d.fqdn == fqdn), None)
    if added is not None:  # run again: converge, do not fail
        session.journal.record(PendingEntry("domain add", target.name, (fqdn,), outcome=UNCHANGED))
        session.out.info(f"{fqdn} is on {target.name} already ({added.state()}).")
    else:
        with session.journal.writing("domain add", target.name, keys=(fqdn,)):
            added = domains.add(target.tenant_id, fqdn, target.name, host)
        session.out.success(f"Added {fqdn} to {target.name}.")
    if not added.ready:
        session.out.info(f"Create this DNS record: {added.dns_record}")
    return _follow(session, added, args.timeout) if args.wait else added


def _status(session: Session, args: argparse.Namespace) -> CustomDomain:
    domain = _find(session, session.target(args.target), args.fqdn)
    return _follow(session, domain, args.timeout) if args.wait else domain


def _delete(session: Session, args: argparse.Namespace) -> None:
    target = session.target(args.target, to_write=True)
    domain = _find(session, target, args.fqdn)
    added_here = domain.fqdn in session.journal.applied_keys("domain add", target.name)
    session.guard_unwatched(
        "delete", domain.fqdn, added_here, args.confirm, made="add", where=f" from {target.name}"
    )
    confirm(f"Remove {domain.fqdn} from {target.name}?", assume_yes=args.yes)
    with session.journal.writing("domain delete", target.name, keys=(domain.fqdn,)) as entry:
        if not session.cloud().domains.delete(domain.id):
            entry.outcome, entry.detail = UNCHANGED, "gone already"
    session.out.success(f"Removed {domain.fqdn} from {target.name}.")


def run(session: Session, args: argparse.Namespace) -> CustomDomain | None:
    if args.action == "add":
        return _add(session, args)
    if args.action == "status":
        return _status(session, args)
    _delete(session, args)
    return None
