"""The yearly wheel as a server-rendered SVG with a text equivalent beside it."""

import math

from django import template

from ..models import Cycle, Phase, PhaseKind

register = template.Library()

SIZE = 240
GAP_DEGREES = 2.0


def _point(radius: float, degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    centre = SIZE / 2
    return round(centre + radius * math.cos(radians), 2), round(centre + radius * math.sin(radians), 2)


def ring_segment(
    index: int, count: int = 4, outer: float = SIZE / 2 - 4, inner: float = SIZE / 2 * 0.42
) -> str:
    """An SVG path for one quarter of the ring, clockwise from twelve o'clock."""
    start = -90 + index * 360 / count + GAP_DEGREES / 2
    end = start + 360 / count - GAP_DEGREES
    x0, y0 = _point(outer, start)
    x1, y1 = _point(outer, end)
    x2, y2 = _point(inner, end)
    x3, y3 = _point(inner, start)
    return f"M{x0} {y0} A{outer} {outer} 0 0 1 {x1} {y1} L{x2} {y2} A{inner} {inner} 0 0 0 {x3} {y3} Z"


@register.inclusion_tag("followup/includes/wheel.html")
def wheel(cycle: Cycle | None, current_phase: Phase | None) -> dict:
    phases = {phase.kind: phase for phase in cycle.phases.all()} if cycle else {}
    segments = []
    for index, kind in enumerate(PhaseKind):
        mid = -90 + index * 90 + 45
        label_x, label_y = _point(SIZE / 2 * 0.71, mid)
        segments.append(
            {
                "kind": kind,
                "label": kind.label,
                "path": ring_segment(index),
                # Strings, so that the Swedish decimal comma never reaches SVG coordinates.
                "label_x": f"{label_x:.2f}",
                "label_y": f"{label_y:.2f}",
                "phase": phases.get(kind),
                "current": current_phase is not None and current_phase.kind == kind,
            }
        )
    return {"cycle": cycle, "current_phase": current_phase, "segments": segments, "size": SIZE}
