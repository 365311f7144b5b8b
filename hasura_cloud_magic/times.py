"""Points in time and time windows as people type them.

>>> parse_since("24h", now)                  # now - 24 hours
>>> parse_since("2026-11-29T08:00", now)     # naive ISO: the local time zone
>>> time_window("7d", None, "5m", now)       # 2016 whole five-minute buckets up to now

A window is cut to whole buckets of its interval, counted from the UTC epoch: the unfinished
bucket at the end is left out, so "the last 24 hours at 1h" is always 24 whole hours and
two runs in the same hour read the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from hasura_cloud_magic.errors import InvalidInputError
from hasura_cloud_magic.redaction import quoted
from hasura_cloud_magic.settings import MAX_METRICS_BUCKETS

__all__ = ["INTERVALS", "Interval", "TimeWindow", "local_time", "parse_since", "time_window"]

_RELATIVE = re.compile(r"^(?P<amount>\d+)\s*(?P<unit>[smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


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


def local_time(moment: datetime) -> str:
    """A moment in the user's time zone, to the minute: ``2026-11-29 09:00 CET``."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


@dataclass(frozen=True)
class Interval:
    """The width of one time bucket."""

    #: As typed: ``5m``, ``1h``, ``1d``.
    name: str
    width: timedelta
    #: As the Metrics API takes it (the console's spelling: ``5m``, ``1h``, ``1 day``).
    wire: str


#: The bucket widths a chart can have: each divides a day, as the dashboard's do.
INTERVALS: dict[str, Interval] = {
    name: Interval(name, width, wire)
    for name, width, wire in [
        ("5m", timedelta(minutes=5), "5m"),
        ("10m", timedelta(minutes=10), "10m"),
        ("15m", timedelta(minutes=15), "15m"),
        ("30m", timedelta(minutes=30), "30m"),
        ("1h", timedelta(hours=1), "1h"),
        ("6h", timedelta(hours=6), "6h"),
        ("12h", timedelta(hours=12), "12h"),
        ("1d", timedelta(days=1), "1 day"),
    ]
}
#: Without --interval: the finest bucket that keeps a chart readable, by window length.
_AUTOMATIC = [
    (timedelta(hours=1), "5m"),
    (timedelta(hours=2), "10m"),
    (timedelta(days=1), "1h"),
    (timedelta(days=7), "6h"),
]


def parse_interval(text: str) -> Interval:
    """``5m`` … ``1d`` (see :data:`INTERVALS`), or a one-line InvalidInputError."""
    found = INTERVALS.get(text.strip().lower())
    if found is None:
        raise InvalidInputError(
            f"unknown interval {quoted(text)}: use one of {', '.join(INTERVALS)}"
        )
    return found


def _automatic(length: timedelta) -> Interval:
    name = next((name for longest, name in _AUTOMATIC if length <= longest), "1d")
    return INTERVALS[name]


@dataclass(frozen=True)
class TimeWindow:
    """``[start, end)`` in whole buckets of ``interval``; both ends timezone-aware."""

    start: datetime
    end: datetime
    interval: Interval

    @property
    def buckets(self) -> int:
        return (self.end - self.start) // self.interval.width

    def describe(self) -> str:
        """``2026-11-28 10:00 UTC → 2026-11-29 10:00 UTC, 24 buckets of 1h`` in the user's zone."""
        return (
            f"{local_time(self.start)} → {local_time(self.end)}, "
            f"{self.buckets} buckets of {self.interval.name}"
        )


def _floor(moment: datetime, width: timedelta) -> datetime:
    return _EPOCH + ((moment - _EPOCH) // width) * width


def time_window(since: str, until: str | None, interval: str | None, now: datetime) -> TimeWindow:
    """The window from ``since`` to ``until`` (default: now), cut to whole buckets.

    An empty or inverted range, one that holds no whole bucket, or one of more than
    MAX_METRICS_BUCKETS buckets is a one-line InvalidInputError naming what was typed.
    """
    start = parse_since(since, now)
    end = now if until is None else parse_since(until, now)
    shown = f"--since {since}" + (f" --until {until}" if until else "")
    if start >= end:
        raise InvalidInputError(f"empty or inverted time range ({shown}): since must be earlier")
    width = parse_interval(interval) if interval else _automatic(end - start)
    window = TimeWindow(_floor(start, width.width), _floor(end, width.width), width)
    if window.buckets < 1:
        raise InvalidInputError(
            f"the time range ({shown}) holds no whole {width.name} bucket: "
            "widen it or choose a smaller --interval"
        )
    if window.buckets > MAX_METRICS_BUCKETS:
        raise InvalidInputError(
            f"{window.buckets} buckets of {width.name} in ({shown}): "
            f"at most {MAX_METRICS_BUCKETS}, so choose a larger --interval"
        )
    return window
