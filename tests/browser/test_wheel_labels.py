"""Every phase label of the yearly wheel is whole: inside the SVG and inside the ring, in sv, fi and en,
on a 320 px phone, a 375 px phone and a 1280 px screen ("mformulering" was clipped at every width)."""

import os
from pathlib import Path

import pytest

from tests.factories import CycleFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Each label's box in the SVG's own units, its distance from the centre at the farthest corner, and the
# box on screen against the SVG's box on screen.
MEASURE = """() => {
  const svg = document.querySelector('.wheel__svg');
  const size = svg.viewBox.baseVal.width;
  const outer = Number(svg.dataset.outerRadius);
  const onScreen = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('.wheel__label')].map(label => {
    const box = label.getBBox();
    const rect = label.getBoundingClientRect();
    const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height],
                     [box.x + box.width, box.y + box.height]];
    const farthest = Math.max(...corners.map(([x, y]) => Math.hypot(x - size / 2, y - size / 2)));
    return {text: label.textContent.replace(/\\s+/g, ' ').trim(), x: box.x, y: box.y, width: box.width,
            height: box.height, size, outer, farthest,
            inside: rect.left >= onScreen.left - 0.5 && rect.right <= onScreen.right + 0.5 &&
                    rect.top >= onScreen.top - 0.5 && rect.bottom <= onScreen.bottom + 0.5};
  });
}"""


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
def test_every_phase_label_of_the_wheel_is_whole(browser, live_server, language):
    CycleFactory()  # today falls in the fourth phase, Reformulation, the longest word
    shots = os.environ.get("SCREENSHOTS")
    for width in (320, 375, 1280):
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"/{language}/")
        labels = page.evaluate(MEASURE)
        assert len(labels) == 4
        for label in labels:
            where = f"{language} at {width} px: {label}"
            assert label["inside"], where
            assert label["x"] >= 0 and label["y"] >= 0, where
            assert (
                label["x"] + label["width"] <= label["size"] and label["y"] + label["height"] <= label["size"]
            ), where
            assert label["farthest"] <= label["outer"], f"sticks out of the ring: {where}"
        if shots:
            page.locator(".home-wheel").screenshot(path=str(Path(shots) / f"wheel-{language}-{width}.png"))
        context.close()
