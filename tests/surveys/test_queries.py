"""A questionnaire's pages cost the same number of queries with few answers as with many."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import ForumRole, Role
from surveys import services
from surveys.models import Questionnaire, SurveyQuestion
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def fill(world, size: int) -> Questionnaire:
    """An open questionnaire of three kinds of question, answered by `size` members."""
    forum = world["forums"]["finnish_dialogue"]
    questionnaire = Questionnaire.objects.create(
        title="Enkät", forum=forum, deadline=timezone.localdate() + dt.timedelta(days=7), status="open"
    )
    scale = SurveyQuestion.objects.create(questionnaire=questionnaire, position=1, text="Nöjd?", kind="scale")
    choice = SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=2, text="När?", kind="choice", choices="Dag\nKväll"
    )
    text = SurveyQuestion.objects.create(questionnaire=questionnaire, position=3, text="Ändra?", kind="text")
    for n in range(size):
        person = UserFactory(role=Role.REPRESENTATIVE)
        MembershipFactory(user=person, forum=forum, role=ForumRole.REPRESENTATIVE)
        services.answer(
            questionnaire, person, {scale.pk: str(n % 5 + 1), choice.pk: "Dag", text.pk: f"Text {n}"}
        )
    return questionnaire


PAGES = {
    "results": (lambda q: reverse("surveys:results", args=[q.pk]), "politician"),
    "detail": (lambda q: reverse("surveys:detail", args=[q.pk]), "coordinator"),
    "list": (lambda q: reverse("surveys:list"), "representative"),
    "answer": (lambda q: reverse("surveys:answer", args=[q.pk]), "representative"),
}
EXPECTED = {"results": 5, "detail": 5, "list": 4, "answer": 5}


@pytest.mark.parametrize("size", [3, 12])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_questionnaire_pages_cost_the_same_queries_at_two_sizes(
    page, size, world, client_for, django_assert_num_queries
):
    url_of, role = PAGES[page]
    url = url_of(fill(world, size))
    client = client_for(role)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(EXPECTED[page]):
        assert client.get(url).status_code == 200
