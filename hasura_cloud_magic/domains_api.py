"""Custom domains of a project: list, add, follow, delete (``HasuraCloud.domains``).

Hasura Cloud checks that a new domain's DNS points at the project (a CNAME to the project's
own ``<name>.hasura.app`` host), then issues a certificate. A domain exists once across all of
Hasura Cloud: adding one another account holds is refused.

>>> host, domains = cloud.domains.read(tenant_id, "shop")
>>> added = cloud.domains.add(tenant_id, "api.example.com")   # added.dns_record: what to create
>>> cloud.domains.get(added.id, project="shop", points_to=added.points_to)
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from hasura_cloud_magic.errors import (
    InvalidInputError,
    JobFailed,
    NotFoundError,
    ServerError,
    WaitTimeout,
)
from hasura_cloud_magic.polling import poll
from hasura_cloud_magic.redaction import quoted
from hasura_cloud_magic.results.domains import DNS_FAILED, CustomDomain
from hasura_cloud_magic.settings import POLL_INTERVAL_SECONDS

if TYPE_CHECKING:
    from hasura_cloud_client import HasuraCloudClient

    from hasura_cloud_magic.api import Caller

__all__ = ["CustomDomains", "check_fqdn", "wait_until_settled"]

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def check_fqdn(text: str) -> str:
    """A domain name as Hasura Cloud stores it (lower case, no trailing dot), or a one-line
    InvalidInputError; nothing is sent for a name the API would refuse anyway."""
    fqdn = text.strip().rstrip(".").lower()
    labels = fqdn.split(".")
    if len(fqdn) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise InvalidInputError(
            f"{quoted(text)} is not a domain name: use labels of letters, digits and hyphens "
            "separated by dots, such as api.example.com"
        )
    if not labels[-1].isalpha():
        raise InvalidInputError(f"{quoted(text)} is not a domain name: its last label is not a TLD")
    if fqdn == "hasura.app" or fqdn.endswith(".hasura.app"):
        raise InvalidInputError(f"{fqdn} is a Hasura Cloud host: add a domain of your own")
    return fqdn


class CustomDomains:
    """The custom-domain calls of the management API (one facade's client and retry rules)."""

    def __init__(self, client: HasuraCloudClient, call: Caller) -> None:
        self._client = client
        self._call = call

    def read(self, tenant_id: uuid.UUID, project: str) -> tuple[str, list[CustomDomain]]:
        """The project's own host (what a domain's CNAME points at) and its custom domains."""
        result = self._call("GetCustomDomains", lambda: self._client.get_custom_domains(tenant_id))
        tenant = result.tenant_by_pk
        if tenant is None:
            raise NotFoundError(f"no tenant {tenant_id} visible to this token")
        domains = [CustomDomain.from_api(d, project, tenant.fqdn) for d in tenant.custom_domains]
        return tenant.fqdn, domains

    def add(self, tenant_id: uuid.UUID, fqdn: str, project: str, points_to: str) -> CustomDomain:
        """Add ``fqdn`` to the project; Cloud starts checking its DNS at once."""
        name = check_fqdn(fqdn)
        result = self._call(
            "AddCustomDomain",
            lambda: self._client.add_custom_domain(tenant_id=tenant_id, fqdn=name),
        )
        added = result.insert_custom_domain_one
        if added is None:
            raise ServerError("AddCustomDomain: the API answered null without an error")
        return CustomDomain.from_api(added, project, points_to)

    def get(self, domain_id: uuid.UUID, project: str, points_to: str) -> CustomDomain | None:
        """One domain as it stands now, or None once it is gone."""
        result = self._call("GetCustomDomain", lambda: self._client.get_custom_domain(domain_id))
        found = result.custom_domain_by_pk
        return None if found is None else CustomDomain.from_api(found, project, points_to)

    def delete(self, domain_id: uuid.UUID) -> bool:
        """Delete a domain; False when it was not there (or this token may not delete it)."""
        result = self._call(
            "DeleteCustomDomain", lambda: self._client.delete_custom_domain(domain_id)
        )
        return result.delete_custom_domain_by_pk is not None


def wait_until_settled(
    domains: CustomDomains,
    domain: CustomDomain,
    *,
    timeout: float,
    interval: float = POLL_INTERVAL_SECONDS,
    on_update: Callable[[CustomDomain], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> CustomDomain:
    """Poll until the domain's DNS is validated and its certificate issued. Raises JobFailed
    when DNS validation fails, NotFoundError when the domain is deleted meanwhile, and
    WaitTimeout (the check goes on) after ``timeout`` seconds."""

    def read() -> CustomDomain:
        now = domains.get(domain.id, domain.project, domain.points_to)
        if now is None:
            raise NotFoundError(f"{domain.fqdn} was deleted while waiting for it")
        return now

    def settled(now: CustomDomain) -> bool:
        if now.dns_validation == DNS_FAILED:
            raise JobFailed(
                f"{now.fqdn}: DNS validation failed ({now.ssl_message or 'no reason given'}); "
                f"create the record {now.dns_record} and add the domain again"
            )
        return now.ready

    def gave_up(now: CustomDomain, elapsed: float) -> WaitTimeout:
        return WaitTimeout(
            f"{now.fqdn}: {now.state()} after {elapsed:.0f} s; Hasura Cloud goes on "
            f"checking: %hasura domain status {now.project} {now.fqdn} --wait"
        )

    return poll(
        read,
        settled,
        timeout=timeout,
        gave_up=gave_up,
        interval=interval,
        on_update=on_update,
        sleep=sleep,
        clock=clock,
    )
