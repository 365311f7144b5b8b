"""Renderables: everything the user sees is one of these, in text and in HTML.

Each object has a plain-text ``__repr__`` (terminal IPython, saved ``text/plain``) and an
HTML ``_repr_html_`` (Jupyter) that say the same thing; HTML is always escaped. The magics,
the results and the forms all render through here, so colours, task marks and the mask are
defined once. This module imports nothing of ours.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "COLOURS",
    "MASK",
    "NORMAL",
    "QUIET",
    "TASK_MARKS",
    "VEGA_LITE_MIME",
    "VERBOSE",
    "CardView",
    "Chart",
    "Fields",
    "JsonView",
    "Message",
    "Preformatted",
    "Table",
    "TableView",
    "did_you_mean",
    "plural",
]

#: feedback levels (``%config HasuraMagics.feedback``)
QUIET, NORMAL, VERBOSE = 0, 1, 2

#: What stands in for an env value that was not revealed.
MASK = "••••••"
#: One colour per kind of message, in the forms as in the magics' output.
COLOURS = {"info": "inherit", "success": "#1a7f37", "warning": "#9a6700", "error": "#cf222e"}
_ICONS = {"info": "", "success": "✔ ", "warning": "⚠ ", "error": "✘ "}
# Notebook CSS right-aligns table cells; ours read left to right, and a long value (a
# database URL) wraps in its cell instead of pushing the others off-screen.
_CELL = "text-align:left;vertical-align:top;max-width:48em;overflow-wrap:anywhere"
_CAPTION = "caption-side:top;text-align:left;white-space:nowrap;font-weight:bold"
#: The mark of a job's task in each state (preview apps).
TASK_MARKS = {"pending": "·", "running": "…", "success": "✔", "failed": "✘"}


def plural(count: int, noun: str) -> str:
    """``1 project``, ``3 projects``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean X?' for a close match, else ''."""
    import difflib  # only when someone made a mistake

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


@dataclass(frozen=True)
class Message:
    """One short line for a person."""

    text: str
    kind: str = "info"

    def __repr__(self) -> str:
        return f"{_ICONS[self.kind]}{self.text}"

    def _repr_html_(self) -> str:
        return (
            f'<span class="hcm-message hcm-{self.kind}" style="color:{COLOURS[self.kind]}">'
            f"{html.escape(repr(self))}</span>"
        )


@dataclass(frozen=True)
class Table:
    """Rows of text under a header, cut to ``limit`` rows with a note saying so.

    ``row_kinds`` (one of :data:`COLOURS`' names per row) colours each row in HTML."""

    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    title: str = ""
    limit: int | None = None
    row_kinds: Sequence[str] | None = None
    #: Said under the row count (e.g. the env's hash).
    footer: str = ""
    #: Said instead of an empty table: what to do next.
    empty: str = ""

    @property
    def shown(self) -> Sequence[Sequence[str]]:
        return self.rows if self.limit is None else self.rows[: self.limit]

    @property
    def note(self) -> str:
        hidden = len(self.rows) - len(self.shown)
        if hidden:
            count = f"{len(self.shown)} of {len(self.rows)} rows shown (display_limit)"
        else:
            count = plural(len(self.rows), "row")
        return f"{count} · {self.footer}" if self.footer else count

    def __repr__(self) -> str:
        return self.fit(_terminal_columns())

    def fit(self, columns: int | None) -> str:
        """The text view; within ``columns`` characters (None: any width), the widest
        columns cut with ``…`` (a terminal wraps a wider line into a mess)."""
        if not self.rows and self.empty:
            return "\n".join([*([self.title] if self.title else []), self.empty])
        table = [list(self.columns), *[list(row) for row in self.shown]]
        widths = _fitted(
            [max(len(row[i]) for row in table) for i in range(len(self.columns))], columns
        )
        table = [
            [_cut(cell, width) for cell, width in zip(row, widths, strict=True)] for row in table
        ]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in table
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        head = [self.title] if self.title else []
        return "\n".join([*head, *lines, self.note])

    def _repr_html_(self) -> str:
        if not self.rows and self.empty:
            return Message(self.empty)._repr_html_()

        def cells(tag: str, row: Sequence[str]) -> str:
            return "".join(f'<{tag} style="{_CELL}">{html.escape(cell)}</{tag}>' for cell in row)

        kinds = self.row_kinds or ["info"] * len(self.rows)
        body = "".join(
            f'<tr style="color:{COLOURS[kind]}">{cells("td", row)}</tr>'
            if kind != "info"
            else f"<tr>{cells('td', row)}</tr>"
            for row, kind in zip(self.shown, kinds, strict=False)
        )
        title = (
            f'<caption style="{_CAPTION}">{html.escape(self.title)}</caption>' if self.title else ""
        )
        return (
            f'<table class="hcm-table">{title}<thead><tr>{cells("th", self.columns)}</tr></thead>'
            f"<tbody>{body}</tbody></table><small>{html.escape(self.note)}</small>"
        )


class Chart:
    """A chart where one can be drawn, and its table everywhere else.

    ``spec`` is a Vega-Lite specification (or None: no plotting library); Jupyter shows the
    chart, a terminal and a saved ``text/plain`` show ``table``. The spec is made only
    when the object is displayed, by ``make_spec``, and only once.
    """

    def __init__(self, make_spec: Callable[[], dict[str, Any] | None], table: Table) -> None:
        self._make_spec = make_spec
        self._spec: dict[str, Any] | None = None
        self._made = False
        self.table = table

    @property
    def spec(self) -> dict[str, Any] | None:
        if not self._made:
            self._spec, self._made = self._make_spec(), True
        return self._spec

    def __repr__(self) -> str:
        return repr(self.table)

    def _repr_html_(self) -> str | None:
        # None beside a chart: JupyterLab prefers HTML to Vega-Lite, so with both the chart
        # would never show (IPython adds every _repr_*_ that answers to the bundle).
        return self.table._repr_html_() if self.spec is None else None

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = {"text/plain": repr(self.table)}
        if self.spec is None:
            bundle["text/html"] = self.table._repr_html_()
        else:
            bundle[VEGA_LITE_MIME] = self.spec
        return bundle


#: Jupyter renders Vega-Lite 5 itself (charts.py makes the specs).
VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"


def _terminal_columns() -> int | None:
    """The terminal's width when text goes to one (terminal IPython), else None: saved
    notebook text and captured output keep their full width."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def _fitted(widths: list[int], columns: int | None, narrowest: int = 8) -> list[int]:
    """Column widths that fit ``columns`` (two spaces between), narrowing the widest first."""
    fitted = list(widths)
    while columns is not None and sum(fitted) + 2 * (len(fitted) - 1) > columns:
        widest = max(range(len(fitted)), key=lambda i: fitted[i])
        if fitted[widest] <= narrowest:
            break
        fitted[widest] -= 1
    return fitted


def _cut(cell: str, width: int) -> str:
    return cell if len(cell) <= width else cell[: width - 1] + "…"


@dataclass(frozen=True)
class Fields:
    """A small "name: value" card for one object."""

    title: str
    items: Sequence[tuple[str, str]]

    def __repr__(self) -> str:
        width = max((len(name) for name, _ in self.items), default=0)
        return "\n".join([self.title, *[f"  {n.ljust(width)}  {v}" for n, v in self.items]])

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><th style="{_CELL};white-space:nowrap">{html.escape(n)}</th>'
            f'<td style="{_CELL}">{html.escape(v)}</td></tr>'
            for n, v in self.items
        )
        caption = (
            f'<caption style="{_CAPTION}">{html.escape(self.title)}</caption>' if self.title else ""
        )
        return f'<table class="hcm-fields">{caption}{rows}</table>'


@dataclass(frozen=True)
class Preformatted:
    """Text whose line breaks and alignment matter (help, usage)."""

    text: str

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return f'<pre class="hcm-pre">{html.escape(self.text)}</pre>'


@dataclass(frozen=True)
class JsonView:
    """A JSON value: a collapsible tree in JupyterLab, indented text elsewhere."""

    data: Any

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return {"application/json": self.data, "text/plain": repr(self)}

    def __repr__(self) -> str:
        return json.dumps(self.data, indent=2, sort_keys=False, default=str)


class TableView:
    """Text and HTML from :meth:`table` (a result that is rows)."""

    def table(self) -> Table:
        raise NotImplementedError

    def __repr__(self) -> str:
        return repr(self.table())

    def _repr_html_(self) -> str | None:
        return self.table()._repr_html_()


class CardView:
    """Text and HTML from :meth:`card` (a result that is one object)."""

    def card(self) -> Fields:
        raise NotImplementedError

    def __repr__(self) -> str:
        return repr(self.card())

    def _repr_html_(self) -> str:
        return self.card()._repr_html_()
