"""Dates and times in PDFs and mail are Stockholm time, written the way the reader's language writes them.

A report's snapshot stores its moment of making in UTC (ISO text); the worker that renders the PDF and the
task that sends a mail must both say what the page says: 22.50 in Haninge, not 21:50 UTC.
"""

import datetime as dt
import io

import pytest
from django.core import mail
from django.utils import timezone, translation
from pypdf import PdfReader

from core import services
from core.models import MeetingStatus
from reports import content
from reports.models import Report, ReportKind
from reports.render import render_pdf
from tests.factories import AgendaItemFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

MADE_AT_UTC = "2026-12-01T21:50:07.123456+00:00"  # 22.50 in Stockholm (CET, UTC+1)


def pdf_text(language: str, world) -> str:
    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Dialogmöte om äldreomsorg",
        # 23.30 in Stockholm on 14 October is 21.30 UTC: the day must not slip back in the PDF.
        starts_at=dt.datetime(2026, 10, 14, 21, 30, tzinfo=dt.UTC),
        status=MeetingStatus.HELD,
    )
    report = Report(
        kind=ReportKind.QUARTERLY,
        period_start=dt.date(2026, 10, 1),
        period_end=dt.date(2026, 12, 31),
        language=language,
    )
    snapshot = content.collect(report.kind, report.period_start, report.period_end, language)
    snapshot["made_at"] = MADE_AT_UTC
    assert snapshot["meetings"]["list"][0]["title"] == meeting.title
    buffer = io.BytesIO()
    render_pdf(report, snapshot, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_swedish_pdf_says_when_it_was_made_in_stockholm_time(world):
    text = pdf_text("sv", world)
    assert "2026-12-01 22.50" in text
    assert "2026-10-01 – 2026-12-31" in text
    assert "2026-10-14" in text  # the meeting's local day
    assert "21:50" not in text and "T21" not in text


def test_the_finnish_pdf_writes_dates_and_times_the_finnish_way(world):
    text = pdf_text("fi", world)
    assert "1.12.2026 klo 22.50" in text
    assert "1.10.2026 – 31.12.2026" in text
    assert "14.10.2026" in text
    assert "2026-12-01" not in text and "21:50" not in text


def test_the_notice_says_the_local_time_in_each_readers_language(world, django_capture_on_commit_callbacks):
    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Dialogmöte om förskola",
        # 16.00 UTC on 1 December is 17.00 in Haninge.
        starts_at=dt.datetime(2030, 12, 1, 16, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 12, 1, 18, 0, tzinfo=dt.UTC),
        status=MeetingStatus.PLANNED,
    )
    AgendaItemFactory(meeting=meeting)
    swede = UserFactory(email="sara@example.org", language="sv")
    finn = UserFactory(email="aino@example.org", language="fi")
    services.set_invitees(meeting, [swede, finn])
    with translation.override("sv"), django_capture_on_commit_callbacks(execute=True):
        services.publish_agenda(meeting, by=world["people"]["coordinator"])
    by_reader = {message.to[0]: message for message in mail.outbox}
    swedish, finnish = by_reader["sara@example.org"], by_reader["aino@example.org"]
    assert "2030-12-01" in swedish.subject
    assert "17.00" in swedish.body and "16.00" not in swedish.body
    assert "1.12.2030" in finnish.subject and "2030-12-01" not in finnish.subject
    assert "17.00" in finnish.body and "16.00" not in finnish.body


def test_a_snapshot_in_utc_is_shown_in_local_time_in_any_season():
    from core.templatetags.local_time import local_date, local_datetime

    with translation.override("sv"):
        assert local_datetime("2026-07-01T20:05:00+00:00") == "2026-07-01 22.05"  # summer time, UTC+2
        assert local_datetime(timezone.make_aware(dt.datetime(2026, 12, 1, 22, 50))) == "2026-12-01 22.50"
        assert local_date("2026-12-01") == "2026-12-01"
    with translation.override("fi"):
        assert local_datetime("2026-07-01T20:05:00+00:00") == "1.7.2026 klo 22.05"
        assert local_date("2026-12-01") == "1.12.2026"
    assert local_datetime("") == ""
