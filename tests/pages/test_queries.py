"""Query counts of the rights index, the translation queue and the published minutes, pinned at two sizes:
the count does not grow with the number of pages, versions or meetings."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import MeetingStatus, MinutesStatus
from tests.factories import MeetingFactory
from tests.pages.factories import PageVersionFactory, published_page

pytestmark = pytest.mark.django_db

EXPECTED = {
    "/sv/rights/in/yi/": 3,
    "/sv/translations/se/": 3,
    "/sv/minutes/": 3,
}  # the minutes with their protocols (one query)


def _fill(world, size: int) -> None:
    for n in range(size):
        page = published_page(f"sida-{n}", minority=world["minorities"]["finns"])
        PageVersionFactory(page=page, language="se", source_revision=1)
        MeetingFactory(
            forum=world["forums"]["consultation"],
            starts_at=timezone.now() - dt.timedelta(days=30 + n),
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.PUBLISHED,
        )


@pytest.mark.parametrize("size", [1, 8])
@pytest.mark.parametrize("path", list(EXPECTED))
def test_public_and_translation_lists_cost_the_same_queries_at_any_size(
    world, client_for, django_assert_num_queries, size, path
):
    _fill(world, size)
    client = client_for("coordinator" if "translations" in path else "anonymous")
    client.get(path)  # the first request of a session records its activity
    with django_assert_num_queries(EXPECTED[path]):
        assert client.get(path).status_code == 200
