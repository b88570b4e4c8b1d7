"""Server-rendered SVG charts: horizontal bars, bars stacked by status, and a line over time.

The charts are drawn here as numbers and rendered by templates (followup/includes/chart_*.html), so they
work without JavaScript and in the PDF reports. Every chart is shown with a table of the same figures;
the SVG is the picture, the table the accessible equivalent. Coordinates are formatted as strings with
a point, so that a Swedish or Finnish decimal comma never reaches the SVG.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .models import ActionStatus

WIDTH = 640
BAR_HEIGHT = 14
ROW_HEIGHT = 40
PAD = 4

# Fill colours with at least 3:1 contrast against white (WCAG 1.4.11); the table carries the figures.
STATUS_COLOURS = {
    ActionStatus.PLANNED: "#5b6472",
    ActionStatus.ONGOING: "#1f5fbf",
    ActionStatus.DONE: "#1e7a3c",
    ActionStatus.DELAYED: "#b3540b",
    ActionStatus.CANCELLED: "#8a2b2b",
}
BAR_COLOUR = "#1f5fbf"
TARGET_COLOUR = "#1e7a3c"
BASELINE_COLOUR = "#5b6472"


def _num(value: float) -> str:
    return f"{value:.1f}"


@dataclass
class Bar:
    label: str
    value: float
    display: str
    x: str
    y: str
    width: str
    label_y: str
    value_x: str


def bar_chart(
    rows: list[tuple[str, float | int | Decimal | None, str]], maximum: float | None = None
) -> dict:
    """One horizontal bar per row: (label, value, value as text). `maximum` fixes the scale (e.g. 100 %)."""
    values = [float(v or 0) for _label, v, _text in rows]
    top = maximum if maximum is not None else max(values, default=0) or 1
    usable = WIDTH - 60
    bars = []
    for index, ((label, _value, text), value) in enumerate(zip(rows, values, strict=True)):
        y = PAD + index * ROW_HEIGHT
        width = max(0.0, min(1.0, value / top)) * usable
        bars.append(
            Bar(
                label=label,
                value=value,
                display=text,
                x="0",
                y=_num(y + 18),
                width=_num(width),
                label_y=_num(y + 12),
                value_x=_num(width + 6),
            )
        )
    return {
        "bars": bars,
        "width": WIDTH,
        "height": PAD * 2 + ROW_HEIGHT * len(rows),
        "bar_height": BAR_HEIGHT,
    }


def achievement_chart(indicators: list[tuple[str, int | None]]) -> dict:
    """How far each indicator has come from its baseline to its target: (name, per cent or None)."""
    return bar_chart(
        [(name, share, f"{share} %" if share is not None else "–") for name, share in indicators], maximum=100
    )


@dataclass
class Segment:
    status: str
    count: int
    x: str
    width: str
    colour: str


def status_chart(rows: list[tuple[str, dict[str, int]]]) -> dict:
    """One bar per row split by action status, scaled to the row's own total (shares, not sizes)."""
    usable = WIDTH - 60
    lines = []
    for index, (label, counts) in enumerate(rows):
        y = PAD + index * ROW_HEIGHT
        total = sum(counts.values())
        x = 0.0
        segments = []
        for status in ActionStatus:
            count = counts.get(status.value, 0)
            if not count:
                continue
            width = count / total * usable
            segments.append(Segment(status.value, count, _num(x), _num(width), STATUS_COLOURS[status]))
            x += width
        lines.append(
            {
                "label": label,
                "total": total,
                "segments": segments,
                "y": _num(y + 18),
                "label_y": _num(y + 12),
                "total_x": _num(usable + 6),
            }
        )
    legend = [{"label": s.label, "colour": STATUS_COLOURS[s]} for s in ActionStatus]
    return {
        "lines": lines,
        "legend": legend,
        "width": WIDTH,
        "height": PAD * 2 + ROW_HEIGHT * len(rows),
        "bar_height": BAR_HEIGHT,
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
