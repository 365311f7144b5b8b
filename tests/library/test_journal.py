"""The audit journal: what each write leaves behind, and nothing it must not."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from hasura_cloud_magic.errors import (
    ApiError,
    ConfigurationError,
    EnvConflictError,
    TransportError,
)
from hasura_cloud_magic.journal import Journal
from hasura_cloud_magic.times import parse_since

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)


def test_a_write_is_journaled_as_filled_in() -> None:
    journal = Journal()
    with journal.writing("env set", "shop", keys=["B", "A"], hash_before="a" * 40) as entry:
        entry.hash_after = "b" * 40
    [done] = journal.entries()
    assert (done.action, done.project, done.keys, done.outcome) == (
        "env set",
        "shop",
        ("B", "A"),
        "applied",
    )
    assert done.hash_before == "a" * 40 and done.hash_after == "b" * 40
    assert done.at.tzinfo is not None


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (ApiError("refused", code="unexpected"), "failed"),
        (EnvConflictError("A changed", keys=("A",), applied=()), "conflict"),
        (TransportError("timed out", may_have_applied=True), "may have applied"),
        (TransportError("refused", may_have_applied=False), "failed"),
    ],
)
def test_a_failed_write_is_journaled_then_raised(error: Exception, outcome: str) -> None:
    journal = Journal()
    with pytest.raises(type(error)), journal.writing("delete", "shop"):
        raise error
    [done] = journal.entries()
    assert done.outcome == outcome and done.detail == str(error)


def test_saved_as_json_lines_and_filtered_by_time(tmp_path: Path) -> None:
    journal = Journal()
    with journal.writing("create", "one"):
        pass
    with journal.writing("delete", "two"):
        pass
    path = tmp_path / "audit.jsonl"
    assert journal.save(path) == 2
    assert journal.save(path) == 2  # appends
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["project"] for line in lines] == ["one", "two", "one", "two"]
    assert set(lines[0]) == {
        "at",
        "action",
        "project",
        "keys",
        "hash_before",
        "hash_after",
        "outcome",
        "detail",
    }
    later = datetime.now(timezone.utc) + timedelta(seconds=1)
    assert len(journal.entries(since=later)) == 0


def test_an_unwritable_path_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot write the journal to"):
        Journal().save(tmp_path / "missing-folder" / "audit.jsonl")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", NOW - timedelta(minutes=30)),
        ("24h", NOW - timedelta(hours=24)),
        ("7d", NOW - timedelta(days=7)),
        ("2w", NOW - timedelta(weeks=2)),
        ("2026-11-29T08:00:00+00:00", datetime(2026, 11, 29, 8, 0, tzinfo=timezone.utc)),
    ],
)
def test_times_people_type(text: str, expected: datetime) -> None:
    assert parse_since(text, NOW) == expected


def test_a_naive_iso_time_is_local_and_aware() -> None:
    assert parse_since("2026-11-28T08:00", NOW).tzinfo is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yesterday", "cannot read 'yesterday' as a time: use 30m, 24h, 7d"),
        ("5y", "cannot read '5y' as a time"),
        ("", "cannot read '' as a time"),
        ("2027-01-01T00:00:00+00:00", "is in the future"),
    ],
)
def test_times_that_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_since(text, NOW)


def test_an_empty_journal_says_so() -> None:
    assert repr(Journal().entries()).splitlines()[-1] == "No writes yet in this session."
