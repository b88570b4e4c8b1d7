"""The wheel drives the work: each phase opens its work on its first morning, once. The agenda phase mails the
call for proposals to every representative in their own language and shows it on their start page; the
follow-up phase drafts the year's follow-up; the follow-up's list says what each phase produced."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from annual.models import PhaseOpening, YearlyFollowUp
from annual.wheel import open_phases
from core.models import OutgoingMail
from followup.models import Phase, PhaseKind
from tests.factories import CycleFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


def test_the_agenda_phase_calls_every_representative_once_in_their_language(world):
    CycleFactory(year=THIS_YEAR)  # phases by quarter: the agenda from January to March
    opened = open_phases(dt.date(THIS_YEAR, 1, 2))
    assert [o.phase.kind for o in opened] == [PhaseKind.AGENDA] and opened[0].summary == {"mails": 2}
    mails = {m.to[0]: m for m in OutgoingMail.objects.all()}
    assert set(mails) == {"rep@example.org", "rep2@example.org"}
    assert (
        mails["rep@example.org"].subject == f"Ehdotuksia esityslistalle otetaan vastaan 31.3.{THIS_YEAR} asti"
    )
    assert (
        mails["rep2@example.org"].subject
        == f"Förslag till dagordningen tas emot till och med {THIS_YEAR}-03-31"
    )
    assert "/fi/proposals/new/" in mails["rep@example.org"].body
    # The next morning, and a second run the same morning: nothing more.
    assert open_phases(dt.date(THIS_YEAR, 1, 2)) == [] and open_phases(dt.date(THIS_YEAR, 1, 3)) == []
    assert OutgoingMail.objects.count() == 2


def test_the_follow_up_phase_drafts_the_follow_up_and_the_list_says_what_each_phase_produced(
    world, client_for
):
    CycleFactory(year=THIS_YEAR)
    open_phases(dt.date(THIS_YEAR, 1, 2))
    opened = open_phases(dt.date(THIS_YEAR, 7, 1))
    assert [o.phase.kind for o in opened] == [PhaseKind.FOLLOW_UP]
    assert YearlyFollowUp.objects.get().year == THIS_YEAR
    assert opened[0].summary == {"follow_up_year": THIS_YEAR, "drafted": True}
    page = client_for("coordinator").get(reverse("annual:list")).content.decode()
    agenda = page.split('id="phase-agenda"')[1].split("</tr>")[0]
    follow_up = page.split('id="phase-follow_up"')[1].split("</tr>")[0]
    today = timezone.localdate().isoformat()
    assert f"{today}: inbjudan att lämna förslag skickades till 2 representanter." in agenda
    assert f"{today}: ett utkast till uppföljningen för {THIS_YEAR} gjordes." in follow_up
    assert PhaseOpening.objects.count() == 2


def test_during_the_agenda_phase_a_representatives_start_page_shows_the_call(world, client_for):
    cycle = CycleFactory(year=THIS_YEAR)
    today = timezone.localdate()
    Phase.objects.filter(cycle=cycle).exclude(kind=PhaseKind.AGENDA).delete()
    Phase.objects.filter(cycle=cycle).update(starts_on=today, ends_on=today + dt.timedelta(days=20))
    page = client_for("other_representative").get(reverse("home")).content.decode()
    assert 'id="call-for-proposals"' in page and reverse("proposals:propose") in page
    assert 'id="call-for-proposals"' not in client_for("politician").get(reverse("home")).content.decode()


def test_the_beat_schedule_opens_the_phases_every_morning():
    entry = settings.CELERY_BEAT_SCHEDULE["open-the-phases-of-the-wheel"]
    assert entry["task"] == "annual.open_phases" and entry["schedule"].hour == {6}


def test_the_reformulation_phase_sends_the_evaluation_of_the_year_to_every_representative(world, client_for):
    from surveys.models import Questionnaire

    CycleFactory(year=THIS_YEAR)  # the reformulation phase from October to December
    opened = open_phases(dt.date(THIS_YEAR, 10, 1))
    assert [o.phase.kind for o in opened] == [PhaseKind.REFORMULATION]
    evaluation = Questionnaire.objects.get()
    assert evaluation.title == f"Utvärdering av året {THIS_YEAR}" and evaluation.anonymous
    assert evaluation.deadline == dt.date(THIS_YEAR, 12, 31) and evaluation.questions.count() == 3
    assert opened[0].summary == {"questionnaire": evaluation.pk, "mails": 2}
    assert sorted(m.to[0] for m in OutgoingMail.objects.all()) == ["rep2@example.org", "rep@example.org"]
    page = client_for("coordinator").get(reverse("annual:list")).content.decode()
    assert reverse("surveys:results", args=[evaluation.pk]) in page
