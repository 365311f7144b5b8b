"""The emulator's region table and plan list.

The real list is not public, so these are invented but realistic. NAT IPs come from the
documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) so nobody
mistakes them for real egress addresses. The Metrics API host of a region is invented too
(``metrics-<region>.<cloud>.hasura.app``); the emulator answers there when asked with
that ``Host``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

AVAILABLE_CLOUDS: tuple[str, ...] = ("aws", "gcp")
PLANS: tuple[str, ...] = ("cloud_free", "cloud_payg", "cloud_free_v2")
DEFAULT_PLAN = "cloud_free"


@dataclass(frozen=True)
class Region:
    name: str
    cloud: str
    is_active: bool
    nat_ip: str | None

    @property
    def metrics_fqdn(self) -> str:
        """The region's Metrics API host (served by the emulator; see ``metrics/``)."""
        return f"metrics-{self.name}.{self.cloud}.hasura.app"

    def as_row(self) -> dict[str, Any]:
        nat_ips = None if self.nat_ip is None else [self.nat_ip, _second_ip(self.nat_ip)]
        return {
            "name": self.name,
            "cloud": self.cloud,
            "is_active": self.is_active,
            "nat_ip": self.nat_ip,
            "nat_ips": nat_ips,
            "metrics_fqdn": self.metrics_fqdn,
        }


def _second_ip(ip: str) -> str:
    prefix, last = ip.rsplit(".", 1)
    return f"{prefix}.{int(last) + 1}"


REGIONS: tuple[Region, ...] = (
    Region("us-east-1", "aws", True, "192.0.2.10"),
    Region("us-east-2", "aws", True, "192.0.2.20"),
    Region("us-west-1", "aws", True, "192.0.2.30"),
    Region("us-west-2", "aws", True, "192.0.2.40"),
    Region("ca-central-1", "aws", True, "192.0.2.50"),
    # Inactive, to make an is_active filter meaningful.
    Region("sa-east-1", "aws", False, "192.0.2.60"),
    Region("eu-west-1", "aws", True, "198.51.100.10"),
    Region("eu-west-2", "aws", True, "198.51.100.20"),
    Region("eu-central-1", "aws", True, "198.51.100.30"),
    Region("ap-south-1", "aws", True, "203.0.113.10"),
    Region("ap-southeast-1", "aws", True, "203.0.113.20"),
    Region("ap-southeast-2", "aws", True, "203.0.113.30"),
    Region("ap-northeast-1", "aws", True, "203.0.113.40"),
    Region("us-central1", "gcp", True, "192.0.2.110"),
    Region("us-east4", "gcp", True, "192.0.2.120"),
    Region("us-west2", "gcp", True, "192.0.2.130"),
    Region("europe-west1", "gcp", True, "198.51.100.110"),
    Region("europe-west3", "gcp", True, "198.51.100.120"),
    # Inactive and without a NAT IP yet.
    Region("asia-south1", "gcp", False, None),
    Region("asia-southeast1", "gcp", True, "203.0.113.110"),
    # Active but its NAT IP is not provisioned, to make nat_ip {_is_null: false} meaningful.
    Region("australia-southeast1", "gcp", True, None),
)


def region_rows() -> list[dict[str, Any]]:
    return [region.as_row() for region in REGIONS]


def find_region(cloud: str, name: str) -> Region | None:
    return next((r for r in REGIONS if r.cloud == cloud and r.name == name), None)


def active_region_names(cloud: str) -> list[str]:
    return [r.name for r in REGIONS if r.cloud == cloud and r.is_active]


def metrics_hosts() -> frozenset[str]:
    """Every region's Metrics API host: a ``POST /v1/graphql`` there is a Metrics API request."""
    return frozenset(region.metrics_fqdn for region in REGIONS)
