"""A notice for a meeting that has already begun is held back until the coordinator says what they mean.

Most often the date was mistyped, and a notice would invite people to something that is over; a
coordinator recording a meeting held earlier publishes its agenda without mailing anyone.
"""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from core.models import MeetingStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_meeting(world):
    meeting = world["meetings"]["finnish"]
    meeting.status = MeetingStatus.PLANNED
    meeting.starts_at = timezone.now() - dt.timedelta(days=3)
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
    meeting.save()
    assert meeting.agenda_items.exists() and meeting.attendances.exists()
    return meeting


def test_publishing_a_past_meeting_warns_and_sends_nothing(
    client_for, past_meeting, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    with translation.override("en"):
        url = reverse("core:meeting_publish", kwargs={"pk": past_meeting.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    page = response.content.decode()
    past_meeting.refresh_from_db()
    assert past_meeting.status == MeetingStatus.PLANNED
    assert mail.outbox == []
    assert "which has passed, so no notice was sent" in page
    # The page offers the two ways on: change the date, or publish without a notice.
    assert 'id="notice-too-late"' in page
    assert 'name="past" value="confirmed"' in page
    assert reverse("core:meeting_edit", kwargs={"pk": past_meeting.pk}).removeprefix("/") in page


def test_a_confirmed_past_meeting_gets_its_agenda_published_without_mail(
    client_for, past_meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(
            reverse("core:meeting_publish", kwargs={"pk": past_meeting.pk}), {"past": "confirmed"}
        )
    assert response.status_code == 302
    past_meeting.refresh_from_db()
    assert past_meeting.status == MeetingStatus.AGENDA_PUBLISHED
    assert mail.outbox == []


def test_an_upcoming_meeting_shows_no_warning(client_for, world):
    meeting = world["meetings"]["finnish"]
    meeting.status = MeetingStatus.PLANNED
    meeting.save()
    page = client_for("coordinator").get(meeting.get_absolute_url()).content.decode()
    assert 'id="notice-too-late"' not in page
    assert reverse("core:meeting_publish", kwargs={"pk": meeting.pk}) in page
