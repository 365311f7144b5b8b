"""Helpers for widget tests: fail on any callback exception ipywidgets swallowed."""

from __future__ import annotations

import logging

import pytest


def assert_no_callback_errors(caplog: pytest.LogCaptureFixture) -> None:
    swallowed = [
        record.getMessage()
        for record in caplog.records
        if "Exception in callback" in record.getMessage()
        or record.name == "hasura_cloud_magic.widgets"
    ]
    assert swallowed == [], f"a widget callback raised: {swallowed}"


@pytest.fixture(autouse=True)
def no_callback_errors(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Fail the test if a widget callback raised.

    ipywidgets swallows such errors: it logs them, or, when an IPython shell exists (as in
    this test session), prints a traceback. Hiding the shell from ipywidgets makes it log.
    """
    monkeypatch.setattr("ipywidgets.widgets.widget.get_ipython", lambda: None)
    caplog.set_level(logging.WARNING)
    yield
    assert_no_callback_errors(caplog)
