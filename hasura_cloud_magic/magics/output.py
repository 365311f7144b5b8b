"""The output channel of ``%hasura``: where IPython display and ipywidgets meet.

Commands never print: they hand messages, results and progress to :class:`Output`, which
honours the feedback level and picks the right form (a live widget in Jupyter, plain lines
in a terminal). The renderables themselves are in :mod:`hasura_cloud_magic.display`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from hasura_cloud_magic.display import NORMAL, Message

if TYPE_CHECKING:
    from hasura_cloud_magic.preview_apps import PreviewProgress


class LiveDisplay(Protocol):
    """A preview app's progress, shown once and then kept current as its jobs move on."""

    def update(self, progress: PreviewProgress) -> None: ...


@dataclass
class _PrintedLines:
    """Terminal: one line per new state, as a plain log."""

    line: _PrintedLine

    def update(self, progress: PreviewProgress) -> None:
        self.line.update(f"Preview app: {progress.headline()}")


class LiveLine(Protocol):
    """One line of state (an env rollout, a check), kept current while it changes."""

    def update(self, text: str) -> None: ...


@dataclass
class _PrintedLine:
    """Terminal: the line again each time it changes."""

    display: Callable[[object], None]
    last: str = ""

    def update(self, text: str) -> None:
        if text != self.last:
            self.last = text
            self.display(Message(text))


class _WidgetLine:
    """Jupyter: one line, rewritten in place."""

    def __init__(self, display: Callable[[object], None]) -> None:
        import ipywidgets as widgets

        self.html = widgets.HTML()
        display(self.html)

    def update(self, text: str) -> None:
        self.html.value = Message(text)._repr_html_()


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

    def live_line(self) -> LiveLine:
        """A line kept current: rewritten in place in Jupyter, repeated when it changes
        elsewhere."""
        return _WidgetLine(self.display) if self.rich() else _PrintedLine(self.display)

    def progress(self) -> LiveDisplay:
        """A view that follows a preview app: a live widget in Jupyter, lines elsewhere."""
        if not self.rich():
            return _PrintedLines(_PrintedLine(self.display))
        from hasura_cloud_magic.widgets.progress_view import ProgressView  # ipywidgets: here

        view = ProgressView()
        self.display(view)
        return view


def ipython_display(item: object) -> None:
    """``IPython.display.display``, imported when first needed."""
    from IPython.display import display

    display(item)  # type: ignore[no-untyped-call]
