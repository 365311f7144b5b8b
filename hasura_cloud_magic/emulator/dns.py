"""The emulated DNS: an emulator-wide table of records (fqdn -> target host, when set).

Only the state controls change it (``StateControls.point_dns``); custom domains' validation
(``domains.py``) reads it. Hosts compare lower-cased with one trailing dot ignored.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .store import Store

Row = dict[str, Any]
_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def normal_host(host: str) -> str:
    """How hosts compare: lower-case, one trailing dot ignored."""
    return host.strip().lower().removesuffix(".")


def valid_host(host: str) -> bool:
    """At most 253 characters, two labels or more of 1-63 ``[a-z0-9-]`` characters not starting
    or ending with ``-``, the last alphabetic (``host`` already lower-cased)."""
    labels = host.split(".")
    return (
        len(host) <= 253
        and len(labels) >= 2
        and all(_LABEL.match(label) for label in labels)
        and labels[-1].isascii()
        and labels[-1].isalpha()
    )


def dns_record(store: Store, fqdn: str) -> Row | None:
    found = store.row("SELECT * FROM dns_records WHERE fqdn = ?", (normal_host(fqdn),))
    return None if found is None else _record_view(found)


def set_dns_record(store: Store, fqdn: str, target: str) -> Row:
    """Point ``fqdn`` at ``target`` now (replacing any record); returns the record."""
    name, host = normal_host(fqdn), normal_host(target)
    for label, value, given in (("fqdn", name, fqdn), ("host", host, target)):
        if not valid_host(value):
            raise ValueError(f"{label} {given!r} is not a valid host name")
    store.execute(
        "INSERT INTO dns_records (fqdn, target, set_at) VALUES (?, ?, ?) "
        "ON CONFLICT (fqdn) DO UPDATE SET target = excluded.target, set_at = excluded.set_at",
        (name, host, store.now_us()),
    )
    record = dns_record(store, name)
    assert record is not None
    return record


def _record_view(row: Row) -> Row:
    # As scalars.format_timestamp, which this module does not import (it pulls in ariadne,
    # and the state controls must stay importable without it).
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    set_at = epoch + datetime.timedelta(microseconds=row["set_at"])
    return {
        "fqdn": row["fqdn"],
        "target": row["target"],
        "set_at": set_at.isoformat(timespec="microseconds"),
    }
