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
    coordinates = re.findall(r' (?:x|y)="([^"]*)"', svg)
    assert len(coordinates) == 10  # four labels and the year, x and y each
    for value in coordinates:
        float(value)  # "180,25" (a decimal comma) would place each letter apart
    assert re.search(r'<title id="wheel-svg-title">[^<]+</title>', svg)
