"""The Metrics API's argument values, read as Postgres reads them.

``_text``/``_uuid`` arguments are array literals (``"{a,b}"``, ``"{}"``, ``{"a,b"}``);
``time_interval`` is a Postgres interval of whole minutes, hours or days; times are
timestamptz strings (a date alone, an ISO time with or without an offset: UTC when absent).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import DataException, EmulatorError, invalid_uuid
from ..scalars import InvalidUuid, parse_uuid

_UNITS_US = {"minute": 60_000_000, "hour": 3_600_000_000, "day": 86_400_000_000}
_SHORT_UNITS = {"m": "minute", "min": "minute", "h": "hour", "d": "day"}
_INTERVAL = re.compile(r"^\s*(\d+)\s*([a-z]+?)s?\s*$")


class ValidationFailed(EmulatorError):
    code = "validation-failed"


def interval_us(text: str | None) -> int:
    """``5m``, ``1h``, ``1 day``, ``1d``, ``<n> minutes|hours|days`` in microseconds."""
    found = _INTERVAL.match((text or "").lower())
    unit = None if found is None else _SHORT_UNITS.get(found[2], found[2])
    if found is None or unit not in _UNITS_US or int(found[1]) == 0:
        raise DataException(f'invalid input syntax for type interval: "{text}"')
    return int(found[1]) * _UNITS_US[unit]


def array_literal(text: object) -> frozenset[str] | None:
    """The elements of a Postgres array literal; None (no filter) for null, ``""`` or ``{}``."""
    if text is None:
        return None
    literal = str(text).strip()
    if not literal:
        return None  # the console's `$projectIds: _uuid = ""` default: treated as no filter
    if not (literal.startswith("{") and literal.endswith("}")):
        raise DataException(f'malformed array literal: "{literal}"')
    elements = _elements(literal[1:-1], literal)
    return frozenset(elements) or None


def _elements(body: str, literal: str) -> list[str]:
    elements: list[str] = []
    current: list[str] = []
    quoted = was_quoted = False
    chars = iter(body)
    for char in chars:
        if quoted:
            if char == "\\":
                current.append(next(chars, ""))
            elif char == '"':
                quoted = False
            else:
                current.append(char)
        elif char == '"':
            if "".join(current).strip():
                raise DataException(f'malformed array literal: "{literal}"')
            quoted = was_quoted = True
            current = []
        elif char == ",":
            elements.append(_element(current, was_quoted, literal))
            current, was_quoted = [], False
        elif char in "{}":
            raise DataException(f'malformed array literal: "{literal}"')
        else:
            current.append(char)
    if quoted:
        raise DataException(f'malformed array literal: "{literal}"')
    if body.strip() or was_quoted:
        elements.append(_element(current, was_quoted, literal))
    return elements


def _element(chars: list[str], was_quoted: bool, literal: str) -> str:
    text = "".join(chars) if was_quoted else "".join(chars).strip()
    if not text and not was_quoted:
        raise DataException(f'malformed array literal: "{literal}"')
    return text


def uuid_set(values: Iterable[str] | None) -> frozenset[str] | None:
    """Project ids as canonical uuid strings; a malformed one is Postgres's data-exception.
    None or an empty list: no filter (every project the caller may see)."""
    if not values:
        return None
    found = set()
    for value in values:
        parsed = parse_uuid(value)
        if isinstance(parsed, InvalidUuid):
            raise invalid_uuid(str(value))
        found.add(parsed)
    return frozenset(found)


def string_set(values: Iterable[str] | None) -> frozenset[str] | None:
    """An action's ``[String!]`` filter: null or empty means no filter."""
    return frozenset(values) if values else None
