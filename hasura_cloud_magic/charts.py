"""Charts of results, drawn by Altair as Vega-Lite specifications.

JupyterLab, Jupyter Notebook 7 and VS Code render Vega-Lite (MIME type
``application/vnd.vegalite.v5+json``) in the page itself: no server round trip, no CDN.
Altair is optional — the ``charts`` extra, which the ``notebooks`` extra includes — and is
imported on the first chart only, never by ``%load_ext``. Without it every function here
returns None and the result shows its table instead.

Rows are plain dicts (long form: one row per point and series), so no pandas is needed.
Altair builds the chart around a named, empty dataset and the rows are put in the spec's
top-level ``datasets`` afterwards: Altair never walks thousands of rows (a week at five
minutes is 2016 per series), and the specs skip its JSON-schema validation, which costs
more than the chart (the tests validate every kind of chart once).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

__all__ = ["Measure", "altair", "bars", "scatter", "time_series"]

_WIDTH = 640
#: The name of the rows in a spec's ``datasets``.
_DATASET = "rows"
#: A few distinguishable colours; more series than this repeat them.
_SCHEME = "tableau10"


@functools.cache
def altair() -> ModuleType | None:
    """The altair module (5.x: Vega-Lite 5, what JupyterLab renders), or None."""
    try:
        import altair as alt
    except ImportError:
        return None
    return alt


@dataclass(frozen=True)
class Measure:
    """One panel of a time series: the row key it plots and the axis title."""

    field: str
    title: str


def time_series(
    rows: Sequence[Mapping[str, Any]],
    *,
    measures: Sequence[Measure],
    series: str | None,
    title: str,
    time: str = "time",
) -> dict[str, Any] | None:
    """Panels stacked on one time axis, a line per ``series`` value in each."""
    alt = altair()
    if alt is None:
        return None
    base = alt.Chart(alt.Data(name=_DATASET))
    color = (
        alt.Color(f"{series}:N", title=None, scale=alt.Scale(scheme=_SCHEME))
        if series
        else alt.value("#0969da")
    )
    tooltip = [alt.Tooltip(f"{time}:T", format="%Y-%m-%d %H:%M")]
    tooltip += [alt.Tooltip(f"{series}:N")] if series else []
    panels = [
        base.mark_line(interpolate="monotone")
        .encode(
            x=alt.X(f"{time}:T", title=None),
            y=alt.Y(f"{measure.field}:Q", title=measure.title),
            color=color,
            tooltip=[*tooltip, alt.Tooltip(f"{measure.field}:Q", title=measure.title)],
        )
        .properties(width=_WIDTH, height=140)
        for measure in measures
    ]
    chart = (
        alt.vconcat(*panels, title=title) if len(panels) > 1 else panels[0].properties(title=title)
    )
    return _spec(chart, rows)


def bars(
    rows: Sequence[Mapping[str, Any]],
    *,
    category: str,
    value: str,
    title: str,
    value_title: str,
    colors: Mapping[str, str] | None = None,
) -> dict[str, Any] | None:
    """Horizontal bars, longest first; ``colors`` maps a category to its colour."""
    alt = altair()
    if alt is None:
        return None
    color: Any = alt.value("#0969da")
    if colors:
        scale = alt.Scale(domain=list(colors), range=list(colors.values()))
        color = alt.Color(f"{category}:N", scale=scale, legend=None)
    chart = (
        alt.Chart(alt.Data(name=_DATASET))
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort="-x", title=None),
            x=alt.X(f"{value}:Q", title=value_title),
            color=color,
            tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q", title=value_title)],
        )
        .properties(width=_WIDTH // 2, title=title)
    )
    return _spec(chart, rows)


def scatter(
    rows: Sequence[Mapping[str, Any]],
    *,
    y: Measure,
    outcome: str,
    details: Sequence[str],
    title: str,
    time: str = "time",
) -> dict[str, Any] | None:
    """One point per row over time, coloured by ``outcome``; ``details`` in the tooltip."""
    alt = altair()
    if alt is None:
        return None
    tooltip = [
        alt.Tooltip(f"{time}:T", format="%Y-%m-%d %H:%M:%S"),
        *(alt.Tooltip(f"{key}:N") for key in details),
        alt.Tooltip(f"{y.field}:Q", title=y.title),
    ]
    chart = (
        alt.Chart(alt.Data(name=_DATASET))
        .mark_circle(size=40)
        .encode(
            x=alt.X(f"{time}:T", title=None),
            y=alt.Y(f"{y.field}:Q", title=y.title),
            color=alt.Color(f"{outcome}:N", title=None, scale=alt.Scale(scheme=_SCHEME)),
            tooltip=tooltip,
        )
        .properties(width=_WIDTH, height=200, title=title)
    )
    return _spec(chart, rows)


def _spec(chart: Any, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict(validate=False)
    spec["datasets"] = {_DATASET: [dict(row) for row in rows]}
    # SVG rather than a canvas: crisp when zoomed, and its text is in the page (readable by
    # screen readers and findable with the browser's search).
    spec["usermeta"] = {"embedOptions": {"renderer": "svg"}}
    return spec
