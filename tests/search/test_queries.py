"""A search costs one query per kind whatever the amount of data."""

import pytest
from django.urls import reverse

from core.models import MinutesStatus
from core.plumbing.richtext import sanitise
from tests.factories import ActionFactory
from tests.search.helpers import item_in, meeting_in, proposal_in


def _fill(world, size: int) -> None:
    """`size` of each kind that matches "kulturvecka", in forums each role sees and in forums it does not."""
    for number in range(size):
        for forum_key in ("consultation", "finnish_dialogue", "roma_dialogue"):
            meeting = meeting_in(
                world["forums"][forum_key],
                f"Kulturvecka {number}",
                description="Kulturveckan planeras.",
                minutes_status=MinutesStatus.PUBLISHED,
            )
            item_in(meeting, f"Punkt {number}", minutes=sanitise("Om kulturveckan i <b>Handen</b>."))
        proposal_in(world, "finnish_dialogue", "representative", f"Kulturvecka {number}", description="x")
        proposal_in(world, "roma_dialogue", "other_representative", f"Kulturvecka {number}", description="x")
        ActionFactory(title=f"Kulturvecka {number}", is_public=bool(number % 2))


# The session and the user for those signed in, then one query for each of the four kinds; visitors see
# no proposals, so that kind costs them nothing.
QUERIES = {"anonymous": 3, "representative": 5, "coordinator": 5}


@pytest.mark.parametrize("role", sorted(QUERIES))
@pytest.mark.parametrize("size", [1, 25])
def test_search_queries_do_not_grow(role, size, world, client_for, django_assert_num_queries):
    _fill(world, size)
    client = client_for(role)
    url = reverse("search:results")
    client.get(url, {"q": "kulturvecka"})
    with django_assert_num_queries(QUERIES[role]):
        response = client.get(url, {"q": "kulturvecka"})
    assert response.status_code == 200
    assert sum(len(group.hits) for group in response.context["groups"]) >= 2
