"""The yearly wheel as a server-rendered SVG with a text equivalent beside it."""

import math

from django import template

from ..models import Cycle, Phase, PhaseKind

register = template.Library()

SIZE = 240
GAP_DEGREES = 2.0
OUTER = SIZE / 2 - 4
INNER = SIZE / 2 * 0.36
# Labels sit a little inside the middle of the ring, where a quarter is widest across.
LABEL_RADIUS = SIZE / 2 * 0.64
LABEL_FONT_SIZE = 11
LINE_HEIGHT = 13
# At 11 px a bold letter is at most about 7 px wide: a longer word than this would leave its quarter.
MAX_LINE_CHARACTERS = 10
VOWELS = set("aeiouyåäöAEIOUYÅÄÖ")


def _point(radius: float, degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    centre = SIZE / 2
    return round(centre + radius * math.cos(radians), 2), round(centre + radius * math.sin(radians), 2)


def label_lines(label: str) -> list[str]:
    """The label on one line, or a long word hyphenated over two (Omformu-/lering, Uudelleen-/muotoilu).

    The break goes before a consonant that starts a syllable (one followed by a vowel), nearest the middle,
    which suits Swedish, Finnish and English compounds alike.
    """
    if len(label) <= MAX_LINE_CHARACTERS or " " in label:
        return label.split(" ", 1) if len(label) > MAX_LINE_CHARACTERS else [label]
    breaks = [
        i
        for i in range(2, len(label) - 2)
        if label[i] not in VOWELS and label[i + 1] in VOWELS and label[i - 1] != label[i]
    ]
    if not breaks:
        return [label]
    at = min(breaks, key=lambda i: abs(i - len(label) / 2))
    return [label[:at] + "-", label[at:]]


def ring_segment(index: int, count: int = 4, outer: float = OUTER, inner: float = INNER) -> str:
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
        label_x, label_y = _point(LABEL_RADIUS, mid)
        lines = label_lines(str(kind.label))
        # The first line's baseline, so that the lines are centred on the label's point.
        first_dy = -(len(lines) - 1) * LINE_HEIGHT / 2
        segments.append(
            {
                "kind": kind,
                "label": kind.label,
                "lines": [
                    {"text": line, "dy": f"{first_dy if n == 0 else LINE_HEIGHT:.1f}"}
                    for n, line in enumerate(lines)
                ],
                "path": ring_segment(index),
                # Strings, so that the Swedish decimal comma never reaches SVG coordinates.
                "label_x": f"{label_x:.2f}",
                "label_y": f"{label_y:.2f}",
                "phase": phases.get(kind),
                "current": current_phase is not None and current_phase.kind == kind,
            }
        )
    return {
        "cycle": cycle,
        "current_phase": current_phase,
        "segments": segments,
        "size": SIZE,
        "centre": f"{SIZE / 2:.0f}",
        "outer_radius": f"{OUTER:.0f}",
        "font_size": LABEL_FONT_SIZE,
    }
