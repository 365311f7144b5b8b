"""Points in time as people type them: ``30m``, ``24h``, ``7d`` ago, or an ISO timestamp.

>>> parse_since("24h", now)            # now - 24 hours
>>> parse_since("2026-11-29T08:00", now)   # naive ISO: the local time zone
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from hasura_cloud_magic.errors import InvalidInputError
from hasura_cloud_magic.redaction import quoted

__all__ = ["parse_since"]

_RELATIVE = re.compile(r"^(?P<amount>\d+)\s*(?P<unit>[smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, now: datetime) -> datetime:
    """The moment ``text`` names: a duration before ``now`` (``90s``, ``30m``, ``24h``,
    ``7d``, ``2w``) or an ISO timestamp (naive ones are local time). Always timezone-aware;
    anything else, or a moment after ``now``, is a one-line InvalidInputError."""
    value = text.strip()
    relative = _RELATIVE.match(value)
    if relative:
        ago = timedelta(**{_UNITS[relative["unit"]]: int(relative["amount"])})
        return now - ago
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(
            f"cannot read {quoted(text)} as a time: use 30m, 24h, 7d or an ISO timestamp"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive: the user's local time zone
    if moment > now:
        raise InvalidInputError(f"{quoted(text)} is in the future")
    return moment
