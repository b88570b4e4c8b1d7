"""Questionnaires: composed and sent by a coordinator, answered once by those it is sent to, anonymously where it
says so (no user id is stored with the answers, for anyone to find), with results that show no breakdown or
free texts below the configured number of answers, a spreadsheet of them, and a reminder before the last day."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.models import ForumRole, OutgoingMail, Role
from surveys import services
from surveys.models import Answer, Participation, QuestionKind, Questionnaire, Response, SurveyQuestion
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

DEADLINE = timezone.localdate() + dt.timedelta(days=14)


def _questionnaire(world, **kwargs) -> Questionnaire:
    questionnaire = Questionnaire.objects.create(
        title="Hur fungerade dialogen i år?",
        forum=world["forums"]["finnish_dialogue"],
        deadline=DEADLINE,
        **kwargs,
    )
    SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=1, text="Hur nöjd är du?", kind="scale"
    )
    SurveyQuestion.objects.create(
        questionnaire=questionnaire, position=2, text="Vad bör ändras?", kind="text", required=False
    )
    return questionnaire


def _members(world, count: int) -> list:
    people = []
    for n in range(count):
        person = UserFactory(email=f"medlem{n}@example.org", role=Role.REPRESENTATIVE)
        MembershipFactory(
            user=person, forum=world["forums"]["finnish_dialogue"], role=ForumRole.REPRESENTATIVE
        )
        people.append(person)
    return people


def test_a_coordinator_composes_and_sends_and_each_member_is_asked_in_their_language(world, client_for):
    client = client_for("coordinator")
    data = {
        "title": "Enkät efter dialogmötet",
        "introduction": "",
        "language": "sv",
        "forum": world["forums"]["finnish_dialogue"].pk,
        "deadline": DEADLINE.isoformat(),
        "anonymous": "on",
        "min_answers": "5",
        "questions-TOTAL_FORMS": "2",
        "questions-INITIAL_FORMS": "0",
        "questions-0-text": "Hur nöjd är du med mötet?",
        "questions-0-kind": "scale",
        "questions-1-text": "Vilket forum passar dig?",
        "questions-1-kind": "choice",
        "questions-1-choices": "Bara ett",
    }
    # A choice question with one choice: said in Swedish, nothing stored.
    response = client.post(reverse("surveys:create"), data)
    assert response.status_code == 200
    assert "En fråga med alternativ behöver minst två, ett per rad." in response.content.decode()
    assert not Questionnaire.objects.exists()
    response = client.post(
        reverse("surveys:create"), {**data, "questions-1-choices": "Dialoggruppen\nSamrådsgruppen"}
    )
    questionnaire = Questionnaire.objects.get()
    assert response.status_code == 302 and questionnaire.questions.count() == 2
    assert client.post(reverse("surveys:send", args=[questionnaire.pk])).status_code == 302
    mails = {m.to[0]: m for m in OutgoingMail.objects.all()}
    # The Finnish dialogue group's members: the representative (who reads Finnish) and the administration contact.
    assert set(mails) == {"rep@example.org", "kontakt@example.org"}
    assert mails["rep@example.org"].subject == "Kysely sinulle: Enkät efter dialogmötet"
    assert mails["kontakt@example.org"].subject == "En enkät till dig: Enkät efter dialogmötet"
    assert f"/fi/questionnaires/{questionnaire.pk}/answer/" in mails["rep@example.org"].body


def test_anonymous_answers_carry_no_user_id_and_a_person_answers_once(world, client_for):
    questionnaire = _questionnaire(world, status="open")
    client = client_for("representative")
    url = reverse("surveys:answer", args=[questionnaire.pk])
    scale, text = questionnaire.questions.order_by("position")
    assert client.post(url, {f"q{scale.pk}": "9"}).status_code == 200  # not on the scale: nothing stored
    assert not Response.objects.exists() and not Participation.objects.exists()
    assert client.post(url, {f"q{scale.pk}": "4", f"q{text.pk}": "Fler möten på kvällen."}).status_code == 302
    # Twice: refused, still one response.
    response = client.post(url, {f"q{scale.pk}": "1"}, follow=True)
    assert (
        "Du har redan svarat på enkäten." in response.content.decode()
        or "Olet jo vastannut" in response.content.decode()
    )
    assert Response.objects.count() == 1 and Answer.objects.count() == 2
    person = world["people"]["representative"]
    assert Participation.objects.filter(user=person).count() == 1
    # No column of the stored answers holds the person: read from the database itself, as an administrator could.
    with connection.cursor() as cursor:
        for table in (Response._meta.db_table, Answer._meta.db_table):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - the models' own tables
            columns = [c.name for c in cursor.description]
            for row in cursor.fetchall():
                record = dict(zip(columns, row, strict=True))
                assert person.pk not in [
                    v
                    for k, v in record.items()
                    if k not in {"id", "question_id", "forum_id", "questionnaire_id", "response_id"}
                ]
                assert record.get("respondent_id") is None
    # Only the day it came in, no time to line it up with the participation.
    assert {f.name for f in Response._meta.concrete_fields} == {
        "id",
        "questionnaire",
        "respondent",
        "forum",
        "received_on",
    }


def test_results_show_no_breakdown_or_free_texts_below_the_configured_number_of_answers(world, client_for):
    questionnaire = _questionnaire(world, status="open")
    scale, text = questionnaire.questions.order_by("position")
    people = _members(world, 5)
    for n, person in enumerate(people[:4]):
        services.answer(questionnaire, person, {scale.pk: str(n + 2), text.pk: f"Förslag nummer {n}"})
    results_url = reverse("surveys:results", args=[questionnaire.pk])
    page = client_for("politician").get(results_url).content.decode()
    assert 'id="too-few"' in page and "Färre än 5 har svarat" in page
    assert "Förslag nummer 0" not in page and 'id="breakdown"' not in page
    assert "medelvärde 3,5 av 5" in page
    services.answer(questionnaire, people[4], {scale.pk: "5", text.pk: "Förslag nummer 4"})
    page = client_for("coordinator").get(results_url).content.decode()
    assert 'id="too-few"' not in page and "Förslag nummer 0" in page
    assert 'id="breakdown"' in page and "Dialoggrupp sverigefinnar" in page
    # No name on the results, anonymous as they are.
    assert people[0].full_name not in page

    sheet = load_workbook(
        io.BytesIO(
            client_for("coordinator").get(reverse("surveys:export", args=[questionnaire.pk, "xlsx"])).content
        )
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Fråga", "Alternativ eller svar", "Antal svar", "Andel (%)")
    assert ("Hur nöjd är du?", "5", 2, 40) in rows


def test_those_who_have_not_answered_are_reminded_once_two_days_before_the_last_day(world):
    questionnaire = _questionnaire(world, status="open")
    scale = questionnaire.questions.get(kind=QuestionKind.SCALE)
    services.answer(questionnaire, world["people"]["representative"], {scale.pk: "3"})
    before = timezone.localdate() + dt.timedelta(days=12)  # the deadline is in 14 days
    assert services.remind(before) == 1
    assert services.remind(before) == 0
    assert [m.to for m in OutgoingMail.objects.all()] == [["kontakt@example.org"]]


def test_a_questionnaire_is_not_sent_without_questions_nor_changed_once_sent(world, client_for):
    questionnaire = Questionnaire.objects.create(title="Tom", deadline=DEADLINE)
    client = client_for("coordinator")
    response = client.post(reverse("surveys:send", args=[questionnaire.pk]), follow=True)
    assert "Lägg till minst en fråga innan du skickar enkäten." in response.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.status == "draft"
    sent = _questionnaire(world, status="open")
    response = client.post(reverse("surveys:edit", args=[sent.pk]), {"title": "Nytt"}, follow=True)
    assert "Enkäten har skickats och kan inte längre ändras." in response.content.decode()
    sent.refresh_from_db()
    assert sent.title == "Hur fungerade dialogen i år?"
