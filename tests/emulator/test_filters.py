"""The bool_exp / order_by / limit / offset evaluator on its own."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from hasura_cloud_magic.emulator.filters import (
    FilterError,
    Related,
    like_matches,
    matches,
    select,
    sort_rows,
)

ROWS: list[dict[str, Any]] = [
    {"name": "alpha", "size": 3, "tag": None, "active": True},
    {"name": "beta", "size": 1, "tag": "x", "active": False},
    {"name": "gamma", "size": 2, "tag": "y", "active": True},
    {"name": "Alpine", "size": 2, "tag": None, "active": False},
]


def names(rows: list[dict[str, Any]]) -> list[str]:
    return [row["name"] for row in rows]


def test_eq_neq_in_nin() -> None:
    assert names(select(ROWS, where={"name": {"_eq": "beta"}})) == ["beta"]
    assert names(select(ROWS, where={"size": {"_neq": 2}})) == ["alpha", "beta"]
    assert names(select(ROWS, where={"size": {"_in": [1, 3]}})) == ["alpha", "beta"]
    assert names(select(ROWS, where={"size": {"_nin": [1, 3]}})) == ["gamma", "Alpine"]


def test_is_null_and_null_comparisons() -> None:
    assert names(select(ROWS, where={"tag": {"_is_null": True}})) == ["alpha", "Alpine"]
    assert names(select(ROWS, where={"tag": {"_is_null": False}})) == ["beta", "gamma"]
    # SQL: NULL <> 'x' is not true, so null tags are not returned by _neq.
    assert names(select(ROWS, where={"tag": {"_neq": "x"}})) == ["gamma"]


def test_like_and_ilike_wildcards() -> None:
    assert names(select(ROWS, where={"name": {"_like": "%a"}})) == ["alpha", "beta", "gamma"]
    assert names(select(ROWS, where={"name": {"_like": "_eta"}})) == ["beta"]
    assert names(select(ROWS, where={"name": {"_like": "al%"}})) == ["alpha"]
    assert names(select(ROWS, where={"name": {"_ilike": "al%"}})) == ["alpha", "Alpine"]
    assert like_matches(r"100\%", "100%")
    assert not like_matches(r"100\%", "1000")
    assert not like_matches("a.c", "abc")


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("", "", True),
        ("", "a", False),
        ("%", "", True),
        ("%%", "anything", True),
        ("a%", "abc", True),
        ("%c", "abc", True),
        ("a_c", "abc", True),
        ("a_c", "ac", False),
        ("%b%", "abc", True),
        ("%x%", "abc", False),
        ("a%b%c", "aXbYc", True),
        ("a%b%c", "aXcYb", False),
        (r"a\_c", "a_c", True),
        (r"a\_c", "abc", False),
        (r"50\%", "50%", True),
        ("%a_", "banana", False),
        ("%n_", "banana", True),
        ("%ana", "banana", True),
        ("b%n%n%", "banana", True),
    ],
)
def test_like_matches_as_sql_does(pattern: str, text: str, expected: bool) -> None:
    assert like_matches(pattern, text) is expected


def test_like_takes_linear_time_on_the_backtracking_attack() -> None:
    """The trial's M9: a regex took 18 s for 10 wildcards and minutes for 12."""
    done = threading.Event()
    results: list[bool] = []

    def attack() -> None:
        results.append(like_matches("%a" * 40 + "%b", "a" * 50))
        done.set()

    threading.Thread(target=attack, daemon=True).start()
    assert done.wait(5), "LIKE matching backtracked"
    assert results == [False]


def test_and_or_not() -> None:
    where_and = {"_and": [{"active": {"_eq": True}}, {"size": {"_eq": 2}}]}
    assert names(select(ROWS, where=where_and)) == ["gamma"]
    where_or = {"_or": [{"name": {"_eq": "beta"}}, {"size": {"_eq": 3}}]}
    assert names(select(ROWS, where=where_or)) == ["alpha", "beta"]
    assert names(select(ROWS, where={"_not": {"active": {"_eq": True}}})) == ["beta", "Alpine"]
    nested = {"_not": {"_or": [{"tag": {"_is_null": True}}, {"name": {"_eq": "beta"}}]}}
    assert names(select(ROWS, where=nested)) == ["gamma"]


def test_empty_where_and_null_operand_match_everything() -> None:
    assert len(select(ROWS, where={})) == len(ROWS)
    assert len(select(ROWS, where={"name": {"_eq": None}})) == len(ROWS)
    assert len(select(ROWS, where={"_or": []})) == len(ROWS)


def test_related_object_filter_loads_lazily() -> None:
    loads: list[str] = []

    def tenant(region: str | None) -> Related:
        def load() -> dict[str, Any] | None:
            loads.append("loaded")
            return None if region is None else {"region": region}

        return Related(load)

    projects = [
        {"name": "a", "tenant": tenant("us-east-2")},
        {"name": "b", "tenant": tenant("eu-west-1")},
        {"name": "c", "tenant": tenant(None)},
    ]
    assert names(select(projects, where={"name": {"_eq": "a"}})) == ["a"]
    assert loads == []
    where = {"tenant": {"region": {"_like": "us-%"}}}
    assert names(select(projects, where=where)) == ["a"]
    assert matches({"_not": {"tenant": {"region": {"_eq": "x"}}}}, projects[2])


def test_order_by_multiple_keys_and_nulls() -> None:
    by_size_then_name = sort_rows(ROWS, [{"size": "desc"}, {"name": "asc"}])
    assert names(by_size_then_name) == ["alpha", "Alpine", "gamma", "beta"]
    assert names(sort_rows(ROWS, [{"tag": "asc"}])) == ["beta", "gamma", "alpha", "Alpine"]
    assert names(sort_rows(ROWS, [{"tag": "desc"}])) == ["alpha", "Alpine", "gamma", "beta"]
    assert names(sort_rows(ROWS, [{"tag": "asc_nulls_first"}]))[:2] == ["alpha", "Alpine"]
    assert names(sort_rows(ROWS, [{"tag": "desc_nulls_last"}]))[2:] == ["alpha", "Alpine"]


def test_limit_and_offset() -> None:
    ordered = [{"size": "asc"}]
    assert names(select(ROWS, order_by=ordered, limit=2)) == ["beta", "gamma"]
    assert names(select(ROWS, order_by=ordered, limit=2, offset=1)) == ["gamma", "Alpine"]
    assert select(ROWS, offset=10) == []
    with pytest.raises(FilterError):
        select(ROWS, limit=-1)


def test_unknown_field_or_operator_is_an_error() -> None:
    with pytest.raises(FilterError):
        select(ROWS, where={"colour": {"_eq": "red"}})
    with pytest.raises(FilterError):
        select(ROWS, where={"name": {"_regex": "a"}})
    with pytest.raises(FilterError):
        sort_rows(ROWS, [{"colour": "asc"}])
