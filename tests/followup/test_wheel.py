"""The wheel is an SVG with a text equivalent; its coordinates survive every locale's number format."""

import re

import pytest
from django.utils import timezone

from tests.factories import CycleFactory


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
def test_wheel_coordinates_are_plain_numbers_in_every_language(client, db, language):
    CycleFactory(year=timezone.localdate().year)
    page = client.get(f"/{language}/").content.decode()
    svg = re.search(r"<svg class=\"wheel__svg\".*?</svg>", page, re.S).group(0)
    assert len(re.findall(r'<text [^>]*x="[^"]*" y="[^"]*"', svg)) == 5  # four labels and the year
    # A long label's lines are tspans with their own x and a shift (dy).
    coordinates = re.findall(r' (?:x|y|dy)="([^"]*)"', svg)
    assert len(coordinates) >= 10
    for value in coordinates:
        float(value)  # "180,25" (a decimal comma) would place each letter apart
    assert re.search(r'<title id="wheel-svg-title">[^<]+</title>', svg)


def test_long_phase_names_are_hyphenated_over_two_lines_and_short_ones_kept_whole():
    from followup.templatetags.wheel import label_lines

    assert label_lines("Agenda") == ["Agenda"]
    assert label_lines("Omformulering") == ["Omformu-", "lering"]
    assert label_lines("Uudelleenmuotoilu") == ["Uudelleen-", "muotoilu"]
    assert label_lines("Implementation") == ["Implemen-", "tation"]
    assert all(
        "".join(label_lines(w)).replace("-", "") == w.replace("-", "") for w in ["Follow-up", "Seuranta"]
    )
