"""What every result shares: how a value reads in a cell, and the list result base."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any, overload

from hasura_cloud_magic.display import Table, TableView
from hasura_cloud_magic.errors import ConfigurationError

__all__ = ["Rows", "require_pandas", "text"]


def text(value: object) -> str:
    """A value as a table cell: ``—`` for none, times in UTC to the minute."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


class Rows(TableView, Sequence[Any]):
    """A list result: sequence access, a table view, ``to_dataframe()``."""

    #: Column titles; each item's ``row()`` gives the cells in this order.
    columns: Sequence[str] = ()
    #: Shown instead of an empty table: what to do next.
    empty: str = ""

    def __init__(self, items: Sequence[Any], *, limit: int | None = None, title: str = "") -> None:
        self._items = list(items)
        self._limit = limit
        self._title = title

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def table(self) -> Table:
        rows = [item.row() for item in self._items]
        return Table(self.columns, rows, self._title, self._limit, empty=self.empty)

    def to_dataframe(self) -> Any:
        """A pandas DataFrame of the rows (pandas is optional)."""
        return require_pandas().DataFrame([asdict(item) for item in self._items])


def require_pandas() -> Any:
    """The pandas module, or a one-line ConfigurationError saying how to install it."""
    try:
        import pandas  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        raise ConfigurationError("pandas is not installed: pip install pandas") from None
    return pandas
