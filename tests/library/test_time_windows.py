"""Time windows of the monitoring commands: relative and ISO times, whole buckets, and one
clear line for every range that cannot be read."""

from datetime import datetime, timedelta, timezone

import pytest

from hasura_cloud_magic.errors import InvalidInputError
from hasura_cloud_magic.times import INTERVALS, local_time, parse_interval, time_window

NOW = datetime(2026, 11, 29, 10, 37, 12, tzinfo=timezone.utc)


def test_the_last_day_is_24_whole_hours_up_to_the_current_hour() -> None:
    window = time_window("24h", None, None, NOW)
    assert window.start == datetime(2026, 11, 28, 10, tzinfo=timezone.utc)
    assert window.end == datetime(2026, 11, 29, 10, tzinfo=timezone.utc)
    assert window.interval.name == "1h" and window.buckets == 24


def test_two_runs_in_the_same_bucket_read_the_same_window() -> None:
    later = NOW + timedelta(minutes=20)
    assert time_window("24h", None, None, NOW) == time_window("24h", None, None, later)


def test_seven_days_at_five_minutes_is_2016_buckets() -> None:
    window = time_window("7d", None, "5m", NOW)
    assert window.buckets == 2016
    assert window.interval.wire == "5m"


@pytest.mark.parametrize(
    ("since", "interval"),
    [("30m", "5m"), ("2h", "10m"), ("24h", "1h"), ("3d", "6h"), ("30d", "1d")],
)
def test_the_bucket_width_follows_the_window(since: str, interval: str) -> None:
    assert time_window(since, None, None, NOW).interval.name == interval


def test_an_iso_range_in_the_local_zone_and_in_utc() -> None:
    window = time_window("2026-11-28T00:00+00:00", "2026-11-29T00:00Z", "1d", NOW)
    assert (window.start, window.buckets) == (datetime(2026, 11, 28, tzinfo=timezone.utc), 1)
    assert window.interval.wire == "1 day"
    naive = time_window("2026-11-28T06:00", None, "1h", NOW)
    assert naive.start.tzinfo is not None


@pytest.mark.parametrize(
    ("since", "until", "interval", "message"),
    [
        ("1h", "2h", None, r"empty or inverted time range \(--since 1h --until 2h\)"),
        ("24h", "24h", None, "empty or inverted time range"),
        ("5m", None, "1h", "holds no whole 1h bucket"),
        ("400d", None, "5m", "at most 5000, so choose a larger --interval"),
        ("yesterday", None, None, "cannot read 'yesterday' as a time"),
        ("24h", None, "7m", "unknown interval '7m': use one of 5m, 10m"),
        ("2027-01-01T00:00Z", None, None, "is in the future"),
    ],
)
def test_a_range_that_cannot_be_read_is_one_line(
    since: str, until: str | None, interval: str | None, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message) as refused:
        time_window(since, until, interval, NOW)
    assert "\n" not in str(refused.value)


def test_every_interval_divides_a_day() -> None:
    for interval in INTERVALS.values():
        assert timedelta(days=1) % interval.width == timedelta(0)
    assert parse_interval(" 1H ").name == "1h"


def test_times_are_shown_in_the_users_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        assert local_time(NOW) == "2026-11-29 16:07 IST"
        assert time_window("24h", None, None, NOW).describe().endswith("24 buckets of 1h")
    finally:
        monkeypatch.undo()
        time.tzset()
