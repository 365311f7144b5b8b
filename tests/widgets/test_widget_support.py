"""The guard against swallowed widget callback errors really catches them."""

import ipywidgets as widgets
import pytest
from widget_support import assert_no_callback_errors, no_callback_errors  # noqa: F401

from hasura_cloud_magic.errors import NotFoundError
from hasura_cloud_magic.widgets.guard import FormStatus, guarded


def test_an_unguarded_failing_callback_is_caught(caplog: pytest.LogCaptureFixture) -> None:
    button = widgets.Button()
    button.on_click(lambda _: 1 / 0)
    button.click()
    with pytest.raises(AssertionError, match="a widget callback raised"):
        assert_no_callback_errors(caplog)
    caplog.clear()  # seen: the autouse guard must not fail this test too


def test_guarded_callbacks_show_errors_in_the_form(caplog: pytest.LogCaptureFixture) -> None:
    status = FormStatus()

    def fail() -> None:
        raise NotFoundError("no such project")

    guarded(status, fail)()
    assert (status.kind, status.text) == ("error", "no such project")
    guarded(status, lambda: [][1])()  # a bug: reported by type only, nothing leaks
    assert status.text == "Unexpected error (IndexError); nothing else was changed."
