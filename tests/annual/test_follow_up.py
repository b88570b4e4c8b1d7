"""The yearly follow-up: figures from the same functions as the reports and the register, the coordinator's
texts beside them, review on the consultation group's agenda, approval that freezes it, its PDF and
spreadsheet read back, and the reminders before it is due."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from annual import services
from annual.models import Figures, FollowUpAnswer, FollowUpStatus, YearlyFollowUp
from core.models import Meeting, MeetingStatus, OutgoingMail
from duties.models import AssessmentStatus
from proposals.models import ConsultationForm, ConsultationRecord
from reports.content import collect
from tests.annual.factories import FollowUpQuestionFactory, YearlyFollowUpFactory
from tests.duties.factories import DutyAssessmentFactory, DutyFactory
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1


def _held(world, forum: str, month: int):
    return MeetingFactory(
        forum=world["forums"][forum],
        starts_at=timezone.make_aware(dt.datetime(YEAR, month, 12, 17)),
        status=MeetingStatus.HELD,
    )


@pytest.fixture
def year_data(world):
    """Last year: three meetings held (two of them the consultation group's), one consultation with children
    and young people, and two duties, one met with requests counted."""
    # The world's held meeting is of last month: keep it out of last year, whatever the day the tests run.
    now = timezone.now()
    Meeting.objects.filter(pk=world["meetings"]["roma"].pk).update(starts_at=now, ends_at=now)
    meetings = [
        _held(world, "consultation", 3),
        _held(world, "consultation", 9),
        _held(world, "roma_dialogue", 5),
    ]
    ConsultationRecord.objects.create(
        agenda_item=AgendaItemFactory(meeting=meetings[2], title="Fritidsgårdarnas program"),
        consulted="Romska rådet och ungdomsrådet",
        consulted_on=dt.date(YEAR, 5, 12),
        form=ConsultationForm.MEETING,
        children_and_youth=True,
        what_they_said="Fler kvällar.",
        how_it_changed="Öppet även på fredagar.",
        recorded_by=world["people"]["coordinator"],
    )
    preschool = DutyFactory(
        code="finnish-preschool",
        title_sv="Förskola på finska",
        on_request=True,
        departments=[world["department"]],
    )
    DutyFactory(code="inform", title_sv="Informera om rättigheterna", departments=[world["department"]])
    DutyAssessmentFactory(
        duty=preschool, year=YEAR, status=AssessmentStatus.MET, requests_received=12, requests_offered=11
    )
    questions = {
        kind: FollowUpQuestionFactory(code=kind, figures=kind, position=n)
        for n, kind in enumerate([Figures.CONSULTATION, Figures.CHILDREN, Figures.DUTIES, Figures.NONE])
    }
    follow_up, created = services.draft(YEAR)
    assert created
    return {"follow_up": follow_up, "questions": questions}


def _section(doc: dict, code: str) -> dict:
    return next(s for s in doc["sections"] if s["code"] == code)


def test_the_draft_shows_the_reports_figures_for_the_year_beside_each_question(year_data, client_for):
    from annual.document import build

    doc = build(year_data["follow_up"], "sv")
    consultation = _section(doc, "consultation")["figures"]
    assert consultation["meetings_total"] == 3
    assert {t["label"]: t["count"] for t in consultation["by_tier"]} == {
        "Samråd": 2,
        "Dialog": 1,
        "Arbetsgrupp": 0,
    }
    # One source: the yearly report counts the same.
    with translation.override("sv"):
        report = collect("yearly", dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31), "sv")
    assert report["meetings"]["total"] == consultation["meetings_total"]
    children = _section(doc, "children")["figures"]
    assert children["consultations_with_children"] == 1
    assert children["records"][0]["how_it_changed"] == "Öppet även på fredagar."
    duties = _section(doc, "duties")["figures"]
    assert {c["status"]: c["count"] for c in duties["counts"]} == {
        "met": 1,
        "partly": 0,
        "not_met": 0,
        "not_assessed": 1,
    }
    preschool = next(d for d in duties["rows"] if d["code"] == "finnish-preschool")
    assert (preschool["requests_received"], preschool["requests_offered"]) == (12, 11)

    page = client_for("politician").get(reverse("annual:detail", args=[YEAR])).content.decode()
    assert "Öppet även på fredagar." in page and "Förskola på finska" in page
    assert "Inte besvarad ännu." in page


def test_the_coordinator_writes_the_answers_and_the_due_date_together(year_data, client_for):
    follow_up, questions = year_data["follow_up"], year_data["questions"]
    url = reverse("annual:edit", args=[YEAR])
    client = client_for("coordinator")
    form = client.get(url).content.decode()
    assert "Hållna möten: 3" in form  # the figures beside the question
    q = questions[Figures.CONSULTATION].pk
    data = {"due_on": f"{YEAR + 1}-02-15", f"answer_{q}": "Fyra samråd.", f"language_{q}": "sv"}
    for other in questions.values():
        data.setdefault(f"answer_{other.pk}", "")
        data.setdefault(f"language_{other.pk}", "sv")
    # A bad date: the form says so and nothing is kept.
    response = client.post(url, {**data, "due_on": "15 februari"})
    assert response.status_code == 200 and "Fyll i ett giltigt datum." in response.content.decode()
    assert not FollowUpAnswer.objects.exists()
    assert client.post(url, data).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.due_on == dt.date(YEAR + 1, 2, 15)
    assert FollowUpAnswer.objects.get(question_id=q).text == "Fyra samråd."


def test_review_puts_the_draft_on_the_consultation_groups_next_agenda_for_its_members(
    year_data, world, client_for
):
    follow_up = year_data["follow_up"]
    detail = reverse("annual:detail", args=[YEAR])
    # Not yet sent: the consultation group's members do not know of it.
    assert client_for("representative").get(detail).status_code == 404
    response = client_for("coordinator").post(reverse("annual:review", args=[YEAR]))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    meeting = world["meetings"]["consultation"]  # called, in ten days: before the one being planned
    assert follow_up.status == FollowUpStatus.IN_REVIEW and follow_up.review_item.meeting == meeting
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles[-2:] == [f"Granskning av den årliga uppföljningen för {YEAR}", "Övriga frågor"]
    assert detail in follow_up.review_item.description
    # Now a member reads it and its PDF; a representative outside the group still may not know of it.
    assert client_for("representative").get(detail).status_code == 200
    assert client_for("representative").get(reverse("annual:pdf", args=[YEAR, "fi"])).status_code == 200
    assert client_for("other_representative").get(detail).status_code == 404
    assert (
        client_for("other_representative")
        .get(reverse("annual:export", args=[YEAR, "sv", "xlsx"]))
        .status_code
        == 404
    )


def test_without_a_coming_consultation_meeting_review_is_refused_and_nothing_changes(
    year_data, world, client_for
):
    world["meetings"]["consultation"].delete()
    world["meetings"]["planned"].delete()
    response = client_for("coordinator").post(reverse("annual:review", args=[YEAR]), follow=True)
    assert "Samrådsgruppen har inget kommande möte." in response.content.decode()
    year_data["follow_up"].refresh_from_db()
    assert year_data["follow_up"].status == FollowUpStatus.DRAFT


def test_approval_freezes_figures_and_texts_in_every_language(year_data, world, client_for):
    follow_up, questions = year_data["follow_up"], year_data["questions"]
    FollowUpAnswer.objects.create(
        follow_up=follow_up, question=questions[Figures.NONE], text="Fler romska grupper.", language="sv"
    )
    client = client_for("coordinator")
    assert client.post(reverse("annual:approve", args=[YEAR])).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.is_approved and follow_up.approved_by == world["people"]["coordinator"]
    assert set(follow_up.snapshot) == {"sv", "fi", "en"}
    # Later the data change: a fourth meeting, a changed question; the approved follow-up does not.
    _held(world, "finnish_dialogue", 11)
    questions[Figures.NONE].question_fi = "Muutettu kysymys?"
    questions[Figures.NONE].save()
    page = client_for("politician").get(reverse("annual:detail", args=[YEAR])).content.decode()
    fi_page = client_for("politician").get(f"/fi/yearly-follow-up/{YEAR}/").content.decode()
    assert "Fler romska grupper." in page
    assert "<dt>Hållna möten</dt><dd>3</dd>" in page
    assert "Muutettu kysymys?" not in fi_page and questions[Figures.NONE].question_sv in page
    # Locked: neither the form nor the service writes any more.
    q = questions[Figures.NONE].pk
    client.post(reverse("annual:edit", args=[YEAR]), {"due_on": f"{YEAR + 1}-01-01", f"answer_{q}": "Nytt."})
    assert FollowUpAnswer.objects.get(question_id=q).text == "Fler romska grupper."
    with pytest.raises(services.FollowUpRefused):
        services.save_answers(
            follow_up, {q: ("Nytt", "sv")}, due_on=follow_up.due_on, by=world["people"]["coordinator"]
        )


def test_the_pdf_is_tagged_in_its_language_and_the_spreadsheet_has_one_row_per_question(
    year_data, client_for
):
    follow_up, questions = year_data["follow_up"], year_data["questions"]
    FollowUpAnswer.objects.create(
        follow_up=follow_up,
        question=questions[Figures.CONSULTATION],
        text="Fyra samråd hölls.",
        language="sv",
    )
    client = client_for("coordinator")
    response = client.get(reverse("annual:pdf", args=[YEAR, "fi"]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fi" and bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 2
    assert f"Vuosiseuranta {YEAR}" in text and questions[Figures.CONSULTATION].question_fi in text
    assert "Fyra samråd hölls." in text  # the answer, in the language it was written in
    assert "Pidetyt kokoukset" in text

    response = client.get(reverse("annual:export", args=[YEAR, "sv", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("År", "Kod", "Fråga", "Siffror från portalen", "Svar")
    assert [r[1] for r in rows[1:]] == ["consultation", "children", "duties", "none"]
    consultation = rows[1]
    assert consultation[4] == "Fyra samråd hölls." and "Hållna möten: 3" in consultation[3]


def test_the_coordinators_are_reminded_once_on_each_reminder_day_until_it_is_approved(world):
    follow_up = YearlyFollowUpFactory(year=YEAR, due_on=timezone.localdate() + dt.timedelta(days=7))
    assert services.remind_coordinators() == 1
    assert services.remind_coordinators() == 0  # the same day: once
    mail = OutgoingMail.objects.get()
    assert mail.to == ["samordnare@example.org"]
    assert f"Den årliga uppföljningen för {YEAR} ska vara klar om 7 dagar" in mail.subject
    assert services.remind_coordinators(timezone.localdate() + dt.timedelta(days=1)) == 0  # six days left
    follow_up.status, follow_up.approved_at = FollowUpStatus.APPROVED, timezone.now()
    follow_up.save()
    assert services.remind_coordinators(timezone.localdate() + dt.timedelta(days=7)) == 0


def test_the_beat_schedule_reminds_every_morning():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["remind-coordinators-of-the-yearly-follow-up"]
    assert entry["task"] == "annual.remind_due" and entry["schedule"].hour == {7}


def test_a_year_is_drafted_once_and_a_year_not_begun_is_refused(world, client_for):
    client = client_for("coordinator")
    assert client.post(reverse("annual:draft"), {"year": YEAR}).status_code == 302
    assert client.post(reverse("annual:draft"), {"year": YEAR}).status_code == 302
    assert YearlyFollowUp.objects.filter(year=YEAR).count() == 1
    response = client.post(reverse("annual:draft"), {"year": YEAR + 2}, follow=True)
    assert "Välj ett år som har börjat." in response.content.decode()
    assert not YearlyFollowUp.objects.filter(year=YEAR + 2).exists()
