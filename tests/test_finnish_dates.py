"""Finnish pages write dates as 3.12.2026 and times as klo 15.00, as Haninge's Finnish pages do."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import formats, translation

from tests.factories import MeetingFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def meeting(world):
    return MeetingFactory(
        forum=world["forums"]["consultation"],
        title_sv="Samråd om äldreomsorgen",
        starts_at=dt.datetime(2026, 12, 3, 15, 0, tzinfo=STOCKHOLM),
        ends_at=dt.datetime(2026, 12, 3, 17, 0, tzinfo=STOCKHOLM),
    )


@pytest.mark.parametrize(
    ("language", "date", "time", "date_and_time"),
    [
        ("fi", "3.12.2026", "klo 9.05", "3.12.2026 klo 9.05"),
        ("sv", "2026-12-03", "09.05", "2026-12-03 09.05"),
        ("en", "2026-12-03", "09:05", "2026-12-03 09:05"),
    ],
)
def test_each_language_writes_dates_and_times_its_own_way(language, date, time, date_and_time):
    moment = dt.datetime(2026, 12, 3, 9, 5)
    with translation.override(language):
        assert formats.date_format(moment.date(), "DATE_FORMAT") == date
        assert formats.date_format(moment.date(), "SHORT_DATE_FORMAT") == date
        assert formats.time_format(moment.time(), "TIME_FORMAT") == time
        assert formats.date_format(moment, "DATETIME_FORMAT") == date_and_time
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == date_and_time


def test_finnish_forum_page_lists_its_meeting_as_day_month_year_klo(client, meeting):
    page = client.get(f"/fi/forums/{meeting.forum.slug}/").content.decode()
    assert ">3.12.2026 klo 15.00</time>" in page
    assert "2026-12-03 15" not in page


def test_swedish_forum_page_keeps_iso_dates(client, meeting):
    page = client.get(f"/sv/forums/{meeting.forum.slug}/").content.decode()
    assert ">2026-12-03 15.00</time>" in page


def test_finnish_meeting_page_says_klo_before_the_time(client, meeting):
    page = client.get(f"/fi/meetings/{meeting.pk}/").content.decode()
    assert "klo 15.00–" in page
    assert "klo 15.00–klo" not in page
    # The machine-readable value stays ISO 8601 for browsers and assistive technology.
    assert 'datetime="2026-12-03T15:00:00' in page


def test_finnish_calendar_shows_meeting_times_with_klo(client, meeting):
    page = client.get("/fi/calendar/?year=2026&month=12").content.decode()
    assert "klo 15.00" in page


def test_mail_in_finnish_gives_the_report_period_as_day_month_year():
    report = SimpleNamespace(
        get_kind_display="Vuosiraportti", period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 3)
    )
    with translation.override("fi"):
        subject = render_to_string("reports/email/ready_subject.txt", {"report": report})
    assert "1.1.2026 – 3.12.2026" in subject
