"""Hasura-style ``where`` / ``order_by`` / ``limit`` / ``offset`` over in-memory rows.

Rows are plain mappings from column name to value. An object relationship (e.g. a project's
``tenant``) is a :class:`Related` value that loads the related row only when a filter needs it,
so filtering on columns never pays for joins.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import BadRequest

Row = Mapping[str, Any]
R = TypeVar("R", bound=Mapping[str, Any])


class FilterError(BadRequest):
    """A ``where``/``order_by``/``limit``/``offset`` argument the evaluator cannot apply."""


@dataclass(frozen=True)
class Related:
    """An object relationship: ``load()`` returns the related row, or None when there is none."""

    load: Callable[[], Row | None]


def matches(where: Mapping[str, Any] | None, row: Row) -> bool:
    """True when ``row`` satisfies the bool_exp ``where`` (None or {} match everything)."""
    if not where:
        return True
    return all(_matches_key(key, condition, row) for key, condition in where.items())


def _matches_key(key: str, condition: Any, row: Row) -> bool:
    if key == "_and":
        return all(matches(sub, row) for sub in condition or [])
    if key == "_or":
        # Hasura treats an empty _or as "no restriction", unlike the logical identity.
        subs = condition or []
        return not subs or any(matches(sub, row) for sub in subs)
    if key == "_not":
        return condition is None or not matches(condition, row)
    if key not in row:
        raise FilterError(f"cannot filter on unknown field {key!r}")
    value = row[key]
    if isinstance(value, Related):
        related = value.load()
        # A filter on a missing related object is false, as in SQL's inner EXISTS.
        return related is not None and matches(condition, related)
    return _compare(value, condition or {})


def _compare(value: Any, comparison: Mapping[str, Any]) -> bool:
    return all(_apply_operator(op, value, operand) for op, operand in comparison.items())


def _apply_operator(op: str, value: Any, operand: Any) -> bool:
    if operand is None and op != "_is_null":
        # Hasura ignores a comparison whose operand is null.
        return True
    if op == "_is_null":
        return (value is None) == bool(operand)
    if value is None:
        # SQL three-valued logic: any comparison with NULL is not true.
        return False
    if op == "_eq":
        return bool(value == operand)
    if op == "_neq":
        return bool(value != operand)
    if op == "_in":
        return value in operand
    if op == "_nin":
        return value not in operand
    if op in _ORDERINGS:
        return bool(_ORDERINGS[op](value, operand))
    if op == "_like":
        return like_matches(str(operand), str(value))
    if op == "_ilike":
        return like_matches(str(operand).casefold(), str(value).casefold())
    raise FilterError(f"unsupported comparison operator {op!r}")


#: ``_gt``/``_gte``/``_lt``/``_lte`` (the Metrics API's times and numbers).
_ORDERINGS: dict[str, Callable[[Any, Any], Any]] = {
    "_gt": operator.gt,
    "_gte": operator.ge,
    "_lt": operator.lt,
    "_lte": operator.le,
}

_ANY_RUN, _ANY_ONE = object(), object()


@functools.lru_cache(maxsize=64)  # read once per query, not once per row
def _like_tokens(pattern: str) -> tuple[tuple[object, ...], int]:
    """``%`` → any run, ``_`` → any one character, ``\\x`` → ``x``; runs of ``%`` merged.
    Also how many tokens take exactly one character each."""
    tokens: list[object] = []
    chars = iter(pattern)
    for char in chars:
        if char == "\\":
            tokens.append(next(chars, "\\"))
        elif char == "%":
            if not tokens or tokens[-1] is not _ANY_RUN:
                tokens.append(_ANY_RUN)
        else:
            tokens.append(_ANY_ONE if char == "_" else char)
    return tuple(tokens), sum(token is not _ANY_RUN for token in tokens)


def like_matches(pattern: str, text: str) -> bool:
    """Whether ``text`` matches the SQL LIKE ``pattern``, in O(len(pattern) * len(text)).

    Greedy with one resume point (the last ``%``), never backtracking further: a regex
    would take exponential time on ``%a%a%a…b``, holding the store's lock meanwhile.
    """
    tokens, single_characters = _like_tokens(pattern)
    if single_characters > len(text):
        return False  # each of those takes one character: a long pattern costs nothing more
    t = i = 0
    resume_token, resume_text = -1, 0
    while i < len(text):
        if t < len(tokens) and tokens[t] is _ANY_RUN:
            resume_token, resume_text = t, i
            t += 1
        elif t < len(tokens) and (tokens[t] is _ANY_ONE or tokens[t] == text[i]):
            t, i = t + 1, i + 1
        elif resume_token >= 0:
            resume_text += 1
            t, i = resume_token + 1, resume_text
        else:
            return False
    return all(token is _ANY_RUN for token in tokens[t:])


def sort_rows(rows: Iterable[R], order_by: Sequence[Mapping[str, str]] | None) -> list[R]:
    """Sort by a Hasura ``order_by`` list; earlier keys win, the input order breaks ties."""
    result = list(rows)
    keys = [(column, direction) for spec in order_by or [] for column, direction in spec.items()]
    # Stable sorts applied from the least to the most significant key give a lexicographic order.
    for column, direction in reversed(keys):
        result = _sort_by_column(result, column, direction)
    return result


def _sort_by_column(rows: list[R], column: str, direction: str) -> list[R]:
    if direction is None:
        return rows
    descending = direction.startswith("desc")
    # Postgres defaults: NULLS LAST for ascending, NULLS FIRST for descending.
    nulls_first = direction.endswith("nulls_first") or (descending and "nulls" not in direction)
    if any(column not in row for row in rows):
        raise FilterError(f"cannot order by unknown field {column!r}")
    present = [row for row in rows if row[column] is not None]
    missing = [row for row in rows if row[column] is None]
    present.sort(key=lambda row: row[column], reverse=descending)
    return missing + present if nulls_first else present + missing


def window(rows: Sequence[R], limit: int | None, offset: int | None) -> list[R]:
    """Apply ``offset`` then ``limit``; negative values are rejected like Postgres does."""
    if limit is not None and limit < 0:
        raise FilterError("LIMIT must not be negative")
    if offset is not None and offset < 0:
        raise FilterError("OFFSET must not be negative")
    start = offset or 0
    return list(rows[start:] if limit is None else rows[start : start + limit])


def select(
    rows: Iterable[R],
    *,
    where: Mapping[str, Any] | None = None,
    order_by: Sequence[Mapping[str, str]] | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> list[R]:
    """Filter, sort and window ``rows`` the way a Hasura list field does."""
    kept = [row for row in rows if matches(where, row)]
    return window(sort_rows(kept, order_by), limit, offset)
