"""Custom domains, as ``%hasura domains`` and ``%hasura domain add|status`` return them.

A domain is added, then Hasura Cloud checks that its DNS points at the project
(``dns_validation``: ``pending``, then ``succeeded`` or ``failed``) and, once it does, issues
a certificate (``ssl_status``). :attr:`CustomDomain.dns_record` is the record to create.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from hasura_cloud_magic.display import CardView, Fields
from hasura_cloud_magic.results.base import Rows, text

if TYPE_CHECKING:
    from hasura_cloud_client import CustomDomain as ApiCustomDomain

__all__ = ["CustomDomain", "DomainList"]

DNS_PENDING, DNS_SUCCEEDED, DNS_FAILED = "pending", "succeeded", "failed"
#: ``ssl_status`` once the certificate is in place (the emulator's choice; see README).
CERTIFICATE_ACTIVE = "active"


@dataclass(frozen=True, repr=False)
class CustomDomain(CardView):
    """One custom domain of a project, and where its DNS check and certificate stand."""

    id: uuid.UUID
    fqdn: str
    project: str
    #: The project's own host: the CNAME target the domain's DNS must point at.
    points_to: str
    dns_validation: str
    ssl_status: str | None
    ssl_message: str | None
    cert: str
    created_at: datetime

    @classmethod
    def from_api(cls, domain: ApiCustomDomain, project: str, points_to: str) -> CustomDomain:
        return cls(
            domain.id,
            domain.fqdn,
            project,
            points_to,
            domain.dns_validation,
            domain.ssl_status,
            domain.ssl_message,
            domain.cert,
            domain.created_at,
        )

    @property
    def dns_record(self) -> str:
        """The DNS record to create, as a zone file line."""
        return f"{self.fqdn}. CNAME {self.points_to}."

    @property
    def settled(self) -> bool:
        """DNS failed, or it succeeded and the certificate is in place: nothing more to wait for."""
        return self.dns_validation == DNS_FAILED or self.ready

    @property
    def ready(self) -> bool:
        """The domain serves the project over HTTPS."""
        return self.dns_validation == DNS_SUCCEEDED and self.ssl_status == CERTIFICATE_ACTIVE

    def state(self) -> str:
        """``DNS pending``, ``DNS failed``, ``certificate pending``, ``ready``..."""
        if self.dns_validation != DNS_SUCCEEDED:
            return f"DNS {self.dns_validation}"
        if self.ready:
            return "ready"
        return f"certificate {self.ssl_status or 'not started'}"

    def row(self) -> list[str]:
        return [self.fqdn, self.state(), text(self.ssl_message), self.dns_record]

    def card(self) -> Fields:
        return Fields(
            f"Custom domain {self.fqdn} of {self.project}",
            [
                ("state", self.state()),
                ("DNS record to create", self.dns_record),
                ("DNS validation", self.dns_validation),
                ("certificate", text(self.ssl_status)),
                ("message", text(self.ssl_message)),
                ("id", str(self.id)),
            ],
        )


class DomainList(Rows):
    """A project's custom domains, by name."""

    columns = ("domain", "state", "message", "DNS record to create")

    def __init__(self, project: str, items: Sequence[CustomDomain]) -> None:
        super().__init__(items, title=f"Custom domains of {project}")
        self.empty = f"{project} has no custom domain: %hasura domain add {project} FQDN"
