"""The reminder the day before a meeting: to those invited to a called meeting, once per person and day.

The task takes the day it runs on, so the tests move the clock by passing it (a simulated clock).
"""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import Attendance, MeetingStatus, OutgoingMail, SentReminder
from core.reminders import remind_once
from core.tasks import remind_meetings
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


@pytest.fixture
def tomorrow_meeting(world):
    """A called meeting of the Sweden Finns' dialogue group tomorrow at 18.00, with its members invited."""
    forum = world["forums"]["finnish_dialogue"]
    day = timezone.localdate() + dt.timedelta(days=1)
    meeting = MeetingFactory(
        forum=forum,
        title="Dialogmöte i december",
        starts_at=at(day, 18),
        location="Haninge kulturhus",
        video_url="https://video.example.org/dialog",
    )
    for membership in forum.memberships.all():
        Attendance.objects.create(meeting=meeting, user=membership.user)
    return meeting


def mail_to(address: str) -> list[OutgoingMail]:
    return [m for m in OutgoingMail.objects.order_by("pk") if address in m.to]


def test_those_invited_are_reminded_the_day_before_and_only_once_that_day(world, tomorrow_meeting):
    today = timezone.localdate()
    assert remind_meetings(today.isoformat()) == 2
    assert sorted(address for m in OutgoingMail.objects.all() for address in m.to) == [
        "kontakt@example.org",
        "rep@example.org",
    ]
    contact_mail = mail_to("kontakt@example.org")[0]
    assert "Dialogmöte i december" in contact_mail.subject
    assert "Haninge kulturhus" in contact_mail.body
    assert "https://video.example.org/dialog" in contact_mail.body
    assert tomorrow_meeting.get_absolute_url() in contact_mail.body
    # A second beat run the same day sends nothing new.
    assert remind_meetings(today.isoformat()) == 0
    assert OutgoingMail.objects.count() == 2
    assert SentReminder.objects.filter(kind="meeting_reminder").count() == 2


def test_no_reminder_on_other_days_nor_again_the_next_day(world, tomorrow_meeting):
    today = timezone.localdate()
    assert remind_meetings((today - dt.timedelta(days=1)).isoformat()) == 0
    assert remind_meetings(today.isoformat()) == 2
    # The next day the meeting is today, not tomorrow: nobody is reminded again.
    assert remind_meetings((today + dt.timedelta(days=1)).isoformat()) == 0
    assert OutgoingMail.objects.count() == 2


def test_the_reminder_is_in_each_persons_language(world, tomorrow_meeting):
    remind_meetings(timezone.localdate().isoformat())
    finnish = mail_to("rep@example.org")[0].body  # the representative reads Finnish
    swedish = mail_to("kontakt@example.org")[0].body
    assert "Aika:" in finnish
    assert "Paikka: Haninge kulturhus" in finnish
    assert "Aika:" not in swedish


def test_cancelled_and_uncalled_meetings_are_not_reminded(world, tomorrow_meeting):
    tomorrow_meeting.status = MeetingStatus.CANCELLED
    tomorrow_meeting.save()
    planned = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        starts_at=tomorrow_meeting.starts_at,
        status=MeetingStatus.PLANNED,
    )
    Attendance.objects.create(meeting=planned, user=world["people"]["representative"])
    assert remind_meetings(timezone.localdate().isoformat()) == 0
    assert not OutgoingMail.objects.exists()


def test_the_days_before_are_a_setting(world, tomorrow_meeting, settings):
    settings.MEETING_REMINDER_DAYS_BEFORE = 3
    contact = world["people"]["admin_contact"]
    contact.language = "en"
    contact.save()
    today = timezone.localdate()
    assert remind_meetings(today.isoformat()) == 0
    assert remind_meetings((today - dt.timedelta(days=2)).isoformat()) == 2
    assert "meets in 3 days" in mail_to("kontakt@example.org")[0].body


def test_remind_once_mails_only_those_not_yet_reminded_of_the_object_that_day(world, tomorrow_meeting):
    today = timezone.localdate()
    first, second = UserFactory(), UserFactory()
    args = ("core/email/meeting_reminder", {"meeting": tomorrow_meeting, "days": 1})
    assert remind_once("meeting_reminder", tomorrow_meeting, [first], today, *args) == 1
    assert remind_once("meeting_reminder", tomorrow_meeting, [first, second], today, *args) == 1
    assert [m.to for m in OutgoingMail.objects.order_by("pk")] == [[first.email], [second.email]]
    # Another day is another reminder.
    assert (
        remind_once("meeting_reminder", tomorrow_meeting, [first], today + dt.timedelta(days=1), *args) == 1
    )


def test_the_reminders_are_on_the_beat_schedule_and_registered():
    from django.conf import settings

    from haninge_portal.celery import app

    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for name in ("core.remind_meetings", "followup.remind_past_due", "followup.overdue_summary"):
        assert name in scheduled
        assert name in app.tasks
