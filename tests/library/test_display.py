"""The renderables (hasura_cloud_magic.display): text and HTML say the same, HTML is escaped.

Covers Message, Table (limit note), Fields, Preformatted, JsonView, the TableView/CardView
mixins and did_you_mean.
"""

from __future__ import annotations

import json

from hasura_cloud_magic.display import (
    COLOURS,
    MASK,
    CardView,
    Fields,
    JsonView,
    Message,
    Preformatted,
    Table,
    TableView,
    did_you_mean,
)

NASTY = "<script>alert('x')</script> & \"q\""


def test_message_text_and_html_agree_and_escape() -> None:
    message = Message(NASTY, "error")
    assert repr(message) == f"✘ {NASTY}"
    html = message._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert COLOURS["error"] in html and "hcm-error" in html


def test_every_kind_has_a_colour_and_renders() -> None:
    for kind in ("info", "success", "warning", "error"):
        assert kind in COLOURS
        assert Message("x", kind)._repr_html_().startswith("<span")


def test_table_aligns_text_and_notes_hidden_rows() -> None:
    table = Table(("name", "plan"), [["a", "free"], ["bbb", "payg"], ["c", NASTY]], "T", 2)
    text = repr(table).splitlines()
    assert text[0] == "T"
    assert text[1].split() == ["name", "plan"] and text[3].startswith("a    ")
    assert text[-1] == "2 of 3 rows shown (display_limit)"
    assert NASTY not in repr(table)  # the third row is cut by the limit
    assert "&lt;script&gt;" not in table._repr_html_()
    assert Table(("x",), [["1"]]).note == "1 row"


def test_table_html_escapes_cells_and_title() -> None:
    html = Table(("k",), [[NASTY]], NASTY)._repr_html_()
    assert "<script>" not in html and html.count("&lt;script&gt;") == 2


def test_fields_card_in_text_and_escaped_html() -> None:
    fields = Fields("Card", [("key", MASK), ("danger", NASTY)])
    assert repr(fields).splitlines() == ["Card", f"  key     {MASK}", f"  danger  {NASTY}"]
    html = fields._repr_html_()
    assert "<script>" not in html and "text-align:left" in html and MASK in html


def test_preformatted_and_json() -> None:
    assert repr(Preformatted("a\n b")) == "a\n b"
    assert "&lt;" in Preformatted("<x>")._repr_html_()
    bundle = JsonView({"a": [1, 2]})._repr_mimebundle_()
    assert bundle["application/json"] == {"a": [1, 2]}
    assert json.loads(bundle["text/plain"]) == {"a": [1, 2]}


def test_view_mixins_delegate_to_their_renderable() -> None:
    class Rows(TableView):
        def table(self) -> Table:
            return Table(("c",), [["v"]])

    class One(CardView):
        def card(self) -> Fields:
            return Fields("One", [("k", "v")])

    assert repr(Rows()) == repr(Rows().table())
    assert Rows()._repr_html_() == Rows().table()._repr_html_()
    assert repr(One()) == "One\n  k  v"
    assert One()._repr_html_() == One().card()._repr_html_()


def test_did_you_mean() -> None:
    assert did_you_mean("shwo", ["show", "set"]) == " Did you mean 'show'?"
    assert did_you_mean("zzz", ["show", "set"]) == ""
    assert did_you_mean("x", []) == ""
