"""The follow-up's pages cost the same number of queries with few questions, duties and years as with many."""

import pytest
from django.urls import reverse
from django.utils import timezone

from annual import services
from annual.models import Figures, FollowUpAnswer
from tests.annual.factories import FollowUpQuestionFactory
from tests.duties.factories import DutyAssessmentFactory, DutyFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1
KINDS = list(Figures)


def fill(world, size: int) -> int:
    """`size` questions of every kind, answered, `size` duties assessed, and `size` earlier approved years."""
    for n in range(size):
        question = FollowUpQuestionFactory(figures=KINDS[n % len(KINDS)])
        duty = DutyFactory(departments=[world["department"]], on_request=n % 2 == 0)
        DutyAssessmentFactory(duty=duty, year=YEAR, requests_received=n)
        for year in range(YEAR - size, YEAR + 1):
            follow_up, _created = services.draft(year)
            FollowUpAnswer.objects.get_or_create(
                follow_up=follow_up, question=question, defaults={"text": f"Svar {n}"}
            )
    for year in range(YEAR - size, YEAR):
        services.approve(services.draft(year)[0], by=world["people"]["coordinator"])
    return YEAR


PAGES = {
    "list": (lambda year: reverse("annual:list"), "politician"),
    "draft": (lambda year: reverse("annual:detail", args=[year]), "politician"),
    "approved": (lambda year: reverse("annual:detail", args=[year - 1]), "coordinator"),
    "edit": (lambda year: reverse("annual:edit", args=[year]), "coordinator"),
}

# A draft is computed from the yearly report's sections it shows (reports.content.collect with `only`) plus
# the register: a constant cost. The goals (with their revisions) and the consultation log are read once for
# the sections that share them; the questions come with their answers.
EXPECTED = {"list": 5, "draft": 14, "approved": 3, "edit": 18}


@pytest.mark.parametrize("size", [2, 7])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_follow_up_pages_cost_the_same_queries_at_two_sizes(
    page, size, world, client_for, django_assert_num_queries
):
    url_of, role = PAGES[page]
    url = url_of(fill(world, size))
    client = client_for(role)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(EXPECTED[page]):
        assert client.get(url).status_code == 200
