"""What every form shares: a status line, guarded callbacks, buttons wired to actions.

A failing click shows its error in the form's status line instead of vanishing into
ipywidgets' log, and the ``text/plain`` a form saves in a notebook names no value.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from hasura_cloud_magic.display import Message
from hasura_cloud_magic.errors import HasuraCloudError

log = logging.getLogger("hasura_cloud_magic.widgets")


class FormStatus(widgets.HTML):  # type: ignore[misc]
    """One line under a form: what happened, or what went wrong."""

    def __init__(self, css_class: str = "hcm-status") -> None:
        super().__init__(value="")
        self.add_class(css_class)
        self.kind = "info"
        self.text = ""

    def show(self, text: str, kind: str = "info") -> None:
        self.kind, self.text = kind, text
        self.value = Message(text, kind)._repr_html_()

    def error(self, text: str) -> None:
        self.show(text, "error")

    def clear(self) -> None:
        self.kind, self.text, self.value = "info", "", ""


class SecretFreeText:
    """Mixin for root widgets: the ``text/plain`` saved in the notebook is the widget's own
    ``repr`` (which names no value), not ipywidgets' dump of every child's ``value``."""

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any] | None:
        bundle: dict[str, Any] | None = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        if bundle is not None:
            bundle["text/plain"] = repr(self)
        return bundle


class Form(SecretFreeText):
    """Mixin for the forms (before the Box class): ``status``, ``_guarded``, ``_wire``."""

    status: FormStatus

    def _guarded(self, action: Callable[..., None]) -> Callable[..., None]:
        return guarded(self.status, action)

    def _wire(self, *pairs: tuple[widgets.Button, Callable[[], object]]) -> None:
        """Each button runs its action on click, guarded."""
        for button, action in pairs:
            button.on_click(self._guarded(lambda _button, act=action: act()))


def guarded(status: FormStatus, action: Callable[..., None]) -> Callable[..., None]:
    """``action`` as a widget callback that never raises: errors go to ``status``."""

    @functools.wraps(action)
    def callback(*args: Any) -> None:
        try:
            action(*args)
        except HasuraCloudError as error:
            status.error(str(error))
        except Exception as error:  # a bug: say so in the form, log the type only
            log.error("unexpected %s in a form callback", type(error).__name__, exc_info=False)
            status.error(f"Unexpected error ({type(error).__name__}); nothing else was changed.")

    return callback


def close_tree(widget: widgets.Widget) -> None:
    """Close a widget and everything in it (their state leaves the page)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()
