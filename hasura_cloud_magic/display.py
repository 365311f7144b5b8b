"""Everything the user sees goes through here: messages, tables, JSON views.

Each object has a plain-text ``__repr__`` (terminal IPython, saved ``text/plain``) and an
HTML ``_repr_html_`` (Jupyter) that say the same thing; HTML is always escaped.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

#: feedback levels (``%config HasuraMagics.feedback``)
QUIET, NORMAL, VERBOSE = 0, 1, 2

_ICONS = {"info": "", "success": "✔ ", "warning": "⚠ "}
_COLOURS = {"info": "inherit", "success": "#1a7f37", "warning": "#9a6700"}


@dataclass(frozen=True)
class Message:
    """One short line for a person."""

    text: str
    kind: str = "info"

    def __repr__(self) -> str:
        return f"{_ICONS[self.kind]}{self.text}"

    def _repr_html_(self) -> str:
        return (
            f'<span class="hcm-message hcm-{self.kind}" style="color:{_COLOURS[self.kind]}">'
            f"{html.escape(repr(self))}</span>"
        )


@dataclass(frozen=True)
class Table:
    """Rows of text under a header, cut to ``limit`` rows with a note saying so."""

    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    title: str = ""
    limit: int | None = None

    @property
    def shown(self) -> Sequence[Sequence[str]]:
        return self.rows if self.limit is None else self.rows[: self.limit]

    @property
    def note(self) -> str:
        hidden = len(self.rows) - len(self.shown)
        if hidden:
            return f"{len(self.shown)} of {len(self.rows)} rows shown (display_limit)"
        return f"{len(self.rows)} row{'s' if len(self.rows) != 1 else ''}"

    def __repr__(self) -> str:
        table = [list(self.columns), *[list(row) for row in self.shown]]
        widths = [max(len(row[i]) for row in table) for i in range(len(self.columns))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in table
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        head = [self.title] if self.title else []
        return "\n".join([*head, *lines, self.note])

    def _repr_html_(self) -> str:
        def cells(tag: str, row: Sequence[str]) -> str:
            return "".join(f"<{tag}>{html.escape(cell)}</{tag}>" for cell in row)

        body = "".join(f"<tr>{cells('td', row)}</tr>" for row in self.shown)
        title = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        return (
            f'<table class="hcm-table">{title}<thead><tr>{cells("th", self.columns)}</tr></thead>'
            f"<tbody>{body}</tbody></table><small>{html.escape(self.note)}</small>"
        )


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
            f"<tr><th style='text-align:left'>{html.escape(n)}</th><td>{html.escape(v)}</td></tr>"
            for n, v in self.items
        )
        return (
            f'<table class="hcm-fields"><caption>{html.escape(self.title)}</caption>{rows}</table>'
        )


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


class LiveDisplay(Protocol):
    """Something shown once and then kept current as a job moves on."""

    def update(self, item: object) -> None: ...


@dataclass
class _PrintedLines:
    """Terminal: the first line of each new state, as a plain log."""

    display: Callable[[object], None]
    last: str = ""

    def update(self, item: object) -> None:
        line = repr(item).splitlines()[0] if repr(item) else ""
        if line != self.last:
            self.last = line
            self.display(Message(line))


class Tally(Protocol):
    """Progress over a known number of items (fleet changes)."""

    def advance(self, text: str) -> None: ...


@dataclass
class _PrintedTally:
    display: Callable[[object], None]
    total: int
    done: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def advance(self, text: str) -> None:  # called from worker threads
        with self.lock:
            self.done += 1
            self.display(Message(f"[{self.done}/{self.total}] {text}"))


class _BarTally:
    """Jupyter: a progress bar and the last line, updated in place."""

    def __init__(self, total: int, display: Callable[[object], None]) -> None:
        import ipywidgets as widgets

        self.bar = widgets.IntProgress(value=0, min=0, max=total)
        self.label = widgets.Label(f"0/{total}")
        self.total = total
        self.lock = threading.Lock()
        display(widgets.HBox([self.bar, self.label]))

    def advance(self, text: str) -> None:  # called from worker threads
        with self.lock:
            self.bar.value += 1
            self.label.value = f"{self.bar.value}/{self.total} {text}"


@dataclass
class Output:
    """Where commands send what they have to say, honouring the feedback level."""

    display: Callable[[object], None]
    feedback: Callable[[], int] = field(default=lambda: NORMAL)
    rich: Callable[[], bool] = field(default=lambda: False)

    def info(self, text: str, *, level: int = NORMAL) -> None:
        if self.feedback() >= level:
            self.display(Message(text))

    def success(self, text: str) -> None:
        if self.feedback() >= NORMAL:
            self.display(Message(text, "success"))

    def warning(self, text: str) -> None:
        self.display(Message(text, "warning"))

    def show(self, item: object) -> None:
        self.display(item)

    def tally(self, total: int) -> Tally:
        """Progress over ``total`` items: a bar in Jupyter, a line per item elsewhere."""
        return _BarTally(total, self.display) if self.rich() else _PrintedTally(self.display, total)

    def progress(self) -> LiveDisplay:
        """A view that follows a preview app: a live widget in Jupyter, lines elsewhere."""
        if not self.rich():
            return _PrintedLines(self.display)
        from hasura_cloud_magic.widgets.progress_view import ProgressView  # ipywidgets: here

        view = ProgressView()
        self.display(view)
        return view


def ipython_display(item: object) -> None:
    """``IPython.display.display``, imported when first needed."""
    from IPython.display import display

    display(item)  # type: ignore[no-untyped-call]
