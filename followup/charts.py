"""Server-rendered SVG charts: horizontal bars, bars stacked by status, and a line over time.

The charts are drawn here as numbers and rendered by templates (followup/includes/chart_*.html), so they
work without JavaScript and in the PDF reports. Every chart is shown with a table of the same figures;
the SVG is the picture, the table the accessible equivalent. Coordinates are formatted as strings with
a point, so that a Swedish or Finnish decimal comma never reaches the SVG.

Bars and stacked bars are drawn one SVG per row, without a viewBox and with positions in per cent, so they
take the full width of the page at every screen size while their text (the labels and values, written in
HTML beside the bars) keeps the page's font size: a scaled viewBox shrank 12 px labels to 5 px on a phone.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .models import ActionStatus

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

WIDTH = 640
BAR_HEIGHT = 16
# The white gap (in px) drawn between two segments of a stacked bar, so no two colours ever touch.
SEGMENT_GAP = 2
BACKGROUND = "#ffffff"

# Fill colours (WCAG 1.4.11): each has at least 3:1 against the white background and the gaps, and they
# alternate light and dark in status order, so that statuses next to each other in a bar differ by at least
# 3:1 as well, not by hue alone. The table beside each chart carries the figures.
STATUS_COLOURS = {
    ActionStatus.PLANNED: "#8b919c",
    ActionStatus.ONGOING: "#0f2c66",
    ActionStatus.DONE: "#30985a",
    ActionStatus.DELAYED: "#582600",
    ActionStatus.CANCELLED: "#d8554a",
}
# Statuses that may still meet in a bar with less than 3:1 between them (when the ones between are empty)
# differ by a white pattern drawn over the colour: diagonal stripes, a grid, or none.
STATUS_PATTERNS = {
    ActionStatus.PLANNED: "stripes",
    ActionStatus.ONGOING: "",
    ActionStatus.DONE: "",
    ActionStatus.DELAYED: "stripes",
    ActionStatus.CANCELLED: "grid",
}
BAR_COLOUR = "#1f5fbf"
TARGET_COLOUR = "#1e7a3c"
BASELINE_COLOUR = "#5b6472"


def _num(value: float) -> str:
    return f"{value:.1f}"


def _percent(value: float) -> str:
    return f"{value:.2f}"


@dataclass
class Bar:
    label: "StrOrPromise"
    value: float
    display: str
    percent: str  # the bar's length as a share of the row's width, for the SVG


def bar_chart(
    rows: list[tuple["StrOrPromise", float | int | Decimal | None, str]], maximum: float | None = None
) -> dict:
    """One horizontal bar per row: (label, value, value as text). `maximum` fixes the scale (e.g. 100 %)."""
    values = [float(v or 0) for _label, v, _text in rows]
    top = maximum if maximum is not None else max(values, default=0) or 1
    bars = [
        Bar(label=label, value=value, display=text, percent=_percent(max(0.0, min(1.0, value / top)) * 100))
        for (label, _value, text), value in zip(rows, values, strict=True)
    ]
    return {"bars": bars, "bar_height": BAR_HEIGHT, "colour": BAR_COLOUR}


def achievement_chart(indicators: list[tuple[str, int | None]]) -> dict:
    """How far each indicator has come from its baseline to its target: (name, per cent or None)."""
    return bar_chart(
        [(name, share, f"{share} %" if share is not None else "–") for name, share in indicators], maximum=100
    )


@dataclass
class Segment:
    status: str
    label: "StrOrPromise"
    count: int
    x: str  # per cent of the row's width
    width: str  # per cent of the row's width
    colour: str
    pattern: str


def status_chart(
    rows: list[tuple[str, dict[str, int]]],
    statuses=ActionStatus,
    colours: dict | None = None,
    patterns: dict | None = None,
) -> dict:
    """One bar per row split by status, scaled to the row's own total (shares, not sizes).

    The statuses are the actions' unless another set is given with its colours and patterns (the register
    of duties draws its assessments the same way)."""
    colours = STATUS_COLOURS if colours is None else colours
    patterns = STATUS_PATTERNS if patterns is None else patterns
    lines = []
    for label, counts in rows:
        total = sum(counts.values())
        x = 0.0
        segments = []
        for status in statuses:
            count = counts.get(status.value, 0)
            if not count:
                continue
            width = count / total * 100
            segments.append(
                Segment(
                    status.value,
                    status.label,
                    count,
                    _percent(x),
                    _percent(width),
                    colours[status],
                    patterns[status],
                )
            )
            x += width
        lines.append({"label": label, "total": total, "segments": segments})
    legend = [{"label": s.label, "colour": colours[s], "pattern": patterns[s]} for s in statuses]
    return {
        "lines": lines,
        "legend": legend,
        "bar_height": BAR_HEIGHT,
        "gap": SEGMENT_GAP,
        "background": BACKGROUND,
    }


def line_chart(
    points: list[tuple[dt.date, Decimal]], baseline: Decimal, target: Decimal, height: int = 220
) -> dict | None:
    """Values over time with the baseline and the target as horizontal lines."""
    if not points:
        return None
    left, right, top_pad, bottom_pad = 48, 16, 12, 28
    values = [float(v) for _d, v in points] + [float(baseline), float(target)]
    low, high = min(values), max(values)
    if high == low:
        high = low + 1
    span = high - low
    low -= span * 0.05
    high += span * 0.05
    first = points[0][0].toordinal()
    last = points[-1][0].toordinal()
    days = max(1, last - first)
    plot_w = WIDTH - left - right
    plot_h = height - top_pad - bottom_pad

    def x_of(day: dt.date) -> float:
        return left + (day.toordinal() - first) / days * plot_w if last != first else left + plot_w / 2

    def y_of(value: float) -> float:
        return top_pad + (1 - (value - low) / (high - low)) * plot_h

    coords = [(x_of(d), y_of(float(v))) for d, v in points]
    return {
        "width": WIDTH,
        "height": height,
        "polyline": " ".join(f"{_num(x)},{_num(y)}" for x, y in coords),
        "dots": [{"x": _num(x), "y": _num(y)} for x, y in coords],
        "baseline_y": _num(y_of(float(baseline))),
        "target_y": _num(y_of(float(target))),
        "left": str(left),
        "right": _num(WIDTH - right),
        "axis_y": _num(height - bottom_pad),
        "first_label": points[0][0],
        "last_label": points[-1][0],
        "last_x": _num(WIDTH - right),
        "label_y": _num(height - 8),
        "colours": {"line": BAR_COLOUR, "target": TARGET_COLOUR, "baseline": BASELINE_COLOUR},
    }
