"""The follow-up's pages cost the same number of queries with few questions, duties and years as with many."""

import pytest
from django.urls import reverse
from django.utils import timezone

from annual import services
from annual.models import Figures, FollowUpAnswer
from tests.annual.factories import FollowUpQuestionFactory
from tests.duties.factories import DutyAssessmentFactory, DutyFactory
from tests.factories import ActionFactory, CycleFactory
from tests.followup.factories import GrantUseFactory, StateGrantFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1
KINDS = list(Figures)


def fill(world, size: int) -> int:
    """`size` questions of every kind, answered, `size` duties assessed, `size` uses of the year's state grant
    each paying for an action of the year's cycle, and `size` earlier approved years."""
    cycle = CycleFactory(year=YEAR)
    for n in range(size):
        action = ActionFactory(cycle=cycle)
        action.minorities.add(world["minorities"]["finns" if n % 2 else "roma"])
        GrantUseFactory(grant=StateGrantFactory(year=YEAR)).actions.add(action)
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
# the sections that share them; the grant comes with its uses and their actions; the draft's own row brings
# its questions, its answers and its year's cycles (YearlyFollowUp.objects.with_draft_sources).
EXPECTED = {"list": 6, "draft": 11, "approved": 2, "edit": 17}


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


def test_a_draft_read_with_its_sources_in_its_row_is_the_document_read_table_by_table(world):
    """The draft's page reads its questions, answers and cycles in the follow-up's own row: the document is
    the same, in every language, as the one built by reading them from their tables."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from annual import document
    from annual.models import YearlyFollowUp

    year = fill(world, len(KINDS))
    answer = FollowUpAnswer.objects.filter(follow_up__year=year).first()
    answer.text, answer.language = "Vastaus suomeksi", "fi"
    answer.save()
    plain = YearlyFollowUp.objects.get(year=year)
    with_sources = YearlyFollowUp.objects.with_draft_sources().get(year=year)

    for language in document.LANGUAGES:
        expected = document.build(plain, language)
        with CaptureQueriesContext(connection) as read:
            built = document.build(with_sources, language)
        assert {**built, "made_at": ""} == {**expected, "made_at": ""}
        tables = " ".join(q["sql"] for q in read.captured_queries)
        assert "annual_followupquestion" not in tables and '"followup_cycle"' not in tables
    shown = document.build(with_sources, "sv")
    assert any(s["answer"] == "Vastaus suomeksi" and s["answer_language"] == "fi" for s in shown["sections"])
    assert len(shown["sections"]) == len(KINDS) and all(s["question"] for s in shown["sections"])
    minorities = next(s["figures"] for s in shown["sections"] if s["figures_kind"] == Figures.MINORITIES)
    assert minorities["actions_total"] == len(KINDS)
    grant = next(s["figures"] for s in shown["sections"] if s["figures_kind"] == Figures.GRANT)
    assert len(grant["uses"]) == len(KINDS) and all(len(use["actions"]) == 1 for use in grant["uses"])
