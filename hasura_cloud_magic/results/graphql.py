"""What a ``%%hasura`` cell returns."""

from __future__ import annotations

from typing import Any

from hasura_cloud_magic.display import JsonView, Table

__all__ = ["GraphQLResult"]


class GraphQLResult(JsonView):
    """What ``%%hasura`` returns: the ``data`` of a response; index it like a dict.

    A result that is one list of flat objects (``{ projects { id name } }``) shows as a table,
    as a SQL magic's result would; anything else as a JSON tree."""

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def as_table(self) -> Table | None:
        """The table view, when the data is one root field holding a list of flat objects."""
        if not isinstance(self.data, dict) or len(self.data) != 1:
            return None
        [(field, rows)] = self.data.items()
        if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
            return None
        columns = list(dict.fromkeys(key for row in rows for key in row))
        if any(isinstance(row.get(c), dict | list) for row in rows for c in columns):
            return None
        cells = [["" if row.get(c) is None else str(row.get(c)) for c in columns] for row in rows]
        return Table(columns, cells, field)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        table = self.as_table()
        if table is None:
            return super()._repr_mimebundle_(include, exclude)
        return {"text/html": table._repr_html_(), "text/plain": repr(table)}
