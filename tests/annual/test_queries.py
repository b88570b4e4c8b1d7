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


def test_the_approved_follow_up_is_read_in_the_pages_language_alone_and_the_list_reads_no_document(
    world, client_for
):
    """An approved follow-up keeps its document in three languages (about 100 KB of JSON a year): its page
    reads the one it shows, the list reads none, and the page shows the frozen text, not today's."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    approved = fill(world, 2) - 1
    question = FollowUpQuestionFactory._meta.model.objects.filter(is_active=True).first()
    frozen = question.question_fi
    question.question_fi = "Muutettu kysymys?"
    question.save()
    with translation.override("fi"):
        fi_url, list_url = reverse("annual:detail", args=[approved]), reverse("annual:list")
    client = client_for("politician")

    with CaptureQueriesContext(connection) as read:
        page = client.get(fi_url)
        listing = client.get(list_url)

    assert page.status_code == 200 and listing.status_code == 200
    assert frozen in page.content.decode() and "Muutettu kysymys?" not in page.content.decode()
    column = '"annual_yearlyfollowup"."snapshot"'
    uses = [
        m.group(0)
        for q in read.captured_queries
        for m in re.finditer(re.escape(column) + r"( -> '\w+')?", q["sql"])
    ]
    # The page's statement takes the Finnish document by its key; no statement takes the whole column.
    assert uses == [f"{column} -> 'fi'"]
