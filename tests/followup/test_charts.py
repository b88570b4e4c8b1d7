"""The dashboard's charts as a reader sees them: statuses told apart by more than hue, gaps between the
segments of a stacked bar, and text that is not shrunk with the picture on a small screen."""

import itertools
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from followup import charts
from followup.models import ActionStatus
from tests.factories import ActionFactory, CycleFactory
from tests.followup.factories import GoalFactory


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class Elements(HTMLParser):
    """Every start tag with its attributes and the tags it sits in."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict, tuple[str, ...]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in {"rect", "line"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]


def elements(html: str) -> list[tuple[str, dict, tuple[str, ...]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


EVERY_STATUS = {status.value: 1 for status in ActionStatus}


def render_status_chart(rows) -> str:
    return render_to_string(
        "followup/includes/chart_status.html",
        {"chart": charts.status_chart(rows), "chart_id": "c", "chart_title": "Status"},
    )


def test_statuses_next_to_each_other_in_a_bar_contrast_3_to_1_and_every_one_against_the_background():
    html = render_status_chart([("Mål 1", EVERY_STATUS)])
    fills = [attrs["fill"] for tag, attrs, _ in elements(html) if tag == "rect" and "data-status" in attrs]
    assert len(fills) == len(ActionStatus)
    for left, right in itertools.pairwise(fills):
        assert contrast(left, right) >= 3, (left, right)
    for fill in fills:
        assert contrast(fill, charts.BACKGROUND) >= 3, fill
    # The legend shows the same colours as the bars.
    legend = [
        attrs["fill"]
        for tag, attrs, context in elements(html)
        if tag == "rect" and "li" in context and "pattern" not in context and "data-pattern" not in attrs
    ]
    assert legend == fills


def test_statuses_that_may_meet_with_less_than_3_to_1_differ_by_pattern_in_the_bars_and_the_legend():
    for first, second in itertools.combinations(ActionStatus, 2):
        if contrast(charts.STATUS_COLOURS[first], charts.STATUS_COLOURS[second]) < 3:
            assert charts.STATUS_PATTERNS[first] != charts.STATUS_PATTERNS[second], (first, second)
    found = elements(render_status_chart([("Mål 1", {"planned": 1, "done": 1, "cancelled": 1})]))
    ids = {attrs.get("id") for _, attrs, _ in found}
    overlays = [attrs for tag, attrs, context in found if tag == "rect" and "data-pattern" in attrs]
    # Planned and cancelled in the bar, and planned, delayed and cancelled in the legend, each with its own pattern.
    assert sorted(a["data-pattern"] for a in overlays) == ["grid", "grid", "stripes", "stripes", "stripes"]
    for overlay in overlays:
        reference = overlay["fill"].removeprefix("url(#").removesuffix(")")
        assert reference in ids and reference.endswith(overlay["data-pattern"])


@pytest.mark.parametrize(
    "counts",
    [EVERY_STATUS, {"planned": 2, "done": 1}, {"ongoing": 3, "delayed": 1, "cancelled": 4}],
)
def test_a_gap_in_the_background_colour_separates_every_two_segments(counts):
    found = elements(render_status_chart([("Mål 1", counts)]))
    segments = [attrs for tag, attrs, _ in found if tag == "rect" and "data-status" in attrs]
    gaps = [attrs for tag, attrs, _ in found if tag == "line" and "chart__gap" in attrs.get("class", "")]
    assert len(segments) == len(counts) and len(gaps) == len(segments) - 1
    for (left, right), gap in zip(itertools.pairwise(segments), gaps, strict=True):
        # The gap sits where one segment ends and the next begins, wide enough to be seen.
        end = float(left["x"].rstrip("%")) + float(left["width"].rstrip("%"))
        assert gap["x1"] == gap["x2"] == right["x"] and abs(end - float(right["x"].rstrip("%"))) < 0.02
        assert float(gap["stroke-width"]) >= 2 and gap["stroke"] == charts.BACKGROUND
        assert contrast(gap["stroke"], left["fill"]) >= 3 and contrast(gap["stroke"], right["fill"]) >= 3


@pytest.mark.parametrize("template", ["chart_status.html", "chart_bars.html"])
def test_chart_text_is_page_text_beside_bars_that_stretch_so_it_is_not_shrunk_on_a_phone(template):
    chart = (
        charts.status_chart([("Kultur- och fritidsförvaltningen", EVERY_STATUS)])
        if template == "chart_status.html"
        else charts.bar_chart([("Kultur- och fritidsförvaltningen", 40, "40 %")], maximum=100)
    )
    html = render_to_string(
        f"followup/includes/{template}", {"chart": chart, "chart_id": "c", "chart_title": "Title"}
    )
    found = elements(html)
    bars = [attrs for tag, attrs, context in found if tag == "svg" and "li" not in context]
    # No viewBox: one SVG unit is one CSS pixel, and the bar's length is a share of the row's width.
    assert bars and all("viewbox" not in attrs and attrs["width"] == "100%" for attrs in bars)
    assert "<text" not in html
    labels = [
        attrs for tag, attrs, context in found if tag == "span" and attrs.get("class") == "chart__label"
    ]
    assert len(labels) == 1 and "svg" not in "".join(next(c for t, a, c in found if a is labels[0]))
    assert "Kultur- och fritidsförvaltningen</span>" in html
    # The chart is one image with the chart's title as its name; the table beside it carries the figures.
    chart_element = next(attrs for tag, attrs, _ in found if attrs.get("id") == "c")
    assert chart_element["role"] == "img" and chart_element["aria-labelledby"] == "c-title"


def test_the_dashboard_has_a_table_of_contents_leading_to_each_section(client_for, world):
    cycle = CycleFactory()
    action = ActionFactory(cycle=cycle, status=ActionStatus.ONGOING, progress=40)
    action.goals.add(GoalFactory(code="1"))
    page = client_for("politician").get(reverse("followup:dashboard")).content.decode()
    ids = {attrs.get("id") for _, attrs, _ in elements(page)}
    toc = page[page.index('<nav class="page-toc" id="dashboard-toc"') :]
    toc = toc[: toc.index("</nav>")]
    assert 'aria-labelledby="dashboard-toc-heading"' in toc and "dashboard-toc-heading" in ids
    toc_links = [attrs["href"] for tag, attrs, _ in elements(toc) if tag == "a"]
    assert len(toc_links) == 6 and all(href.startswith("#") and href[1:] in ids for href in toc_links)
    for chart_id in (
        "goal-status-chart",
        "department-status-chart",
        "minority-status-chart",
        "meeting-chart",
    ):
        assert chart_id in ids
