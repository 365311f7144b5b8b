"""timestamptz values as Postgres reads them, in microseconds since the epoch.

Kept free of GraphQL imports: the state controls use it, and importing the emulator package
must stay cheap.
"""

from __future__ import annotations

import datetime

from ..errors import DataException

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def parse_time(value: object) -> int:
    """A timestamptz argument as microseconds since the epoch."""
    text = str(value).strip()
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise DataException(
            f'invalid input syntax for type timestamp with time zone: "{text}"'
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def format_time(microseconds: int) -> str:
    """ISO 8601 with a UTC offset, like the API's timestamptz values."""
    moment = _EPOCH + datetime.timedelta(microseconds=microseconds)
    return moment.isoformat(timespec="microseconds")
