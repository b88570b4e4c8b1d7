"""Minutes of all tiers: sanitised, moved only as the workflow allows, read by whom the status says, locked
once approved."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import Meeting, MeetingStatus, MinutesStatus
from tests.factories import AgendaItemFactory, MeetingFactory


def test_minutes_are_sanitised_so_no_script_reaches_a_reader(client_for, world):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    client_for("coordinator").post(
        reverse("core:minutes_edit", kwargs={"pk": meeting.pk}),
        {
            f"item-{item.pk}-minutes": '<p onclick="steal()">Vi talade om <strong>skolan</strong>.</p><script>alert(1)</script>'
            '<a href="javascript:alert(2)">länk</a>',
            f"item-{item.pk}-decision": "Förvaltningen återkommer.\n\nNästa möte i maj.",
            f"item-{item.pk}-follow_up": "",
        },
    )
    item.refresh_from_db()
    assert "<strong>skolan</strong>" in item.minutes
    assert "script" not in item.minutes
    assert "onclick" not in item.minutes
    assert "javascript:" not in item.minutes
    assert item.decision == "<p>Förvaltningen återkommer.</p>\n\n<p>Nästa möte i maj.</p>"
    page = client_for("other_representative").get(meeting.get_absolute_url()).content.decode()
    assert "<strong>skolan</strong>" in page
    assert "alert(1)" not in page


ALLOWED = {
    (MinutesStatus.DRAFT, MinutesStatus.IN_REVIEW),
    (MinutesStatus.IN_REVIEW, MinutesStatus.DRAFT),
    (MinutesStatus.IN_REVIEW, MinutesStatus.APPROVED),
    (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED),
}
TRANSITIONS = [(a, b) for a in MinutesStatus for b in MinutesStatus if a != b]


@pytest.mark.parametrize(("current", "target"), TRANSITIONS, ids=[f"{a}-{b}" for a, b in TRANSITIONS])
def test_minutes_move_only_as_the_workflow_allows(client_for, world, current, target):
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=current)
    response = client_for("coordinator").post(
        reverse("core:minutes_move", kwargs={"pk": meeting.pk}), {"target": target}, follow=True
    )
    meeting.refresh_from_db()
    if (current, target) in ALLOWED:
        assert meeting.minutes_status == target
    else:
        assert meeting.minutes_status == current
        assert "Protokollet kan inte gå från" in response.content.decode()


def test_sending_for_review_and_publishing_tell_the_members(
    client_for, world, django_capture_on_commit_callbacks
):
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.DRAFT)
    client = client_for("coordinator")
    url = reverse("core:minutes_move", kwargs={"pk": meeting.pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"target": MinutesStatus.IN_REVIEW})
    assert [m.to for m in mail.outbox] == [["rep2@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"target": MinutesStatus.APPROVED})
        client.post(url, {"target": MinutesStatus.PUBLISHED})
    assert len(mail.outbox) == 2
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None


def test_minutes_of_a_coming_meeting_cannot_be_sent_out(client_for, world):
    meeting = world["meetings"]["finnish"]
    client_for("coordinator").post(
        reverse("core:minutes_move", kwargs={"pk": meeting.pk}), {"target": MinutesStatus.IN_REVIEW}
    )
    meeting.refresh_from_db()
    assert meeting.minutes_status == MinutesStatus.DRAFT


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("anonymous", False),
        ("resident", False),
        ("politician", False),
        ("other_representative", True),
        ("coordinator", True),
    ],
)
def test_dialogue_minutes_in_review_are_read_by_the_forums_members_only(client_for, world, role, sees):
    meeting = world["meetings"]["roma"]
    item = meeting.agenda_items.first()
    item.minutes = "<p>Samtal om boendefrågor</p>"
    item.save()
    page = client_for(role).get(meeting.get_absolute_url()).content.decode()
    assert ("Samtal om boendefrågor" in page) is sees


def test_published_consultation_minutes_are_public(client, world):
    meeting = MeetingFactory(
        forum=world["forums"]["consultation"],
        starts_at=timezone.now() - dt.timedelta(days=20),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    AgendaItemFactory(meeting=meeting, title="Programmet", minutes="<p>Samrådet tillstyrkte programmet.</p>")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Samrådet tillstyrkte programmet." in page


def test_approved_minutes_are_locked(client_for, world):
    meeting = world["meetings"]["roma"]
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=MinutesStatus.APPROVED)
    item = meeting.agenda_items.first()
    client_for("coordinator").post(
        reverse("core:minutes_edit", kwargs={"pk": meeting.pk}),
        {f"item-{item.pk}-minutes": "Ändrat i efterhand"},
    )
    item.refresh_from_db()
    assert "Ändrat i efterhand" not in item.minutes
