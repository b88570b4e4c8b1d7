"""The demo commitments: realistic, on the demo meetings, and building twice changes nothing."""

import datetime as dt

import pytest

from core.models import AgendaItem, MeetingStatus
from demo.dialogues import build_dialogues_demo
from demo.haninge import build
from dialogues.models import Commitment, CommitmentStatus

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def snapshot() -> tuple:
    return (
        sorted(
            Commitment.objects.values_list(
                "title", "status", "due_on", "answered_at", "received_at_meeting_id"
            )
        ),
        Commitment.history.count(),
    )


def test_demo_commitments_and_twice_changes_nothing():
    build(TODAY)
    build_dialogues_demo(TODAY)
    first = snapshot()
    build_dialogues_demo(TODAY)
    assert snapshot() == first

    by_title = {c.title: c for c in Commitment.objects.select_related("department", "forum", "responsible")}
    # Each responsible administration contact belongs to the department the issue was lifted to.
    assert not [
        t for t, c in by_title.items() if c.responsible and c.responsible.answers_outside(c.department)
    ]
    home_care = by_title["Finskspråkig personal inom hemtjänsten"]
    assert home_care.department.code == "SÄF"
    assert home_care.responsible.email == "forvaltning@example.org"
    assert home_care.status == CommitmentStatus.ANSWERED
    assert home_care.forum.slug == "dialog-sverigefinnar"
    assert home_care.agenda_item.meeting.starts_at.month == 3

    preschool = by_title["Information om rätten till förskola på finska"]
    assert preschool.department.code == "UBF"
    assert preschool.status == CommitmentStatus.OPEN
    assert preschool.due_on.month == 12
    assert not preschool.is_overdue(TODAY)

    library = by_title["Romsk kulturhistoria i skolbiblioteken"]
    assert library.department.code == "KOF"
    assert library.status == CommitmentStatus.RECEIVED
    assert library.received_at_meeting.forum == library.forum
    assert library.received_at_meeting.starts_at > library.agenda_item.meeting.starts_at

    # The Sweden Finns' next meeting hears the home care answer.
    upcoming = home_care.forum.meetings.filter(starts_at__date__gt=TODAY).order_by("starts_at").first()
    assert home_care in Commitment.objects.awaiting_feedback(upcoming.forum)


def test_nothing_is_lifted_from_meetings_that_have_not_taken_place():
    early = dt.date(2026, 1, 10)
    build(early)
    assert build_dialogues_demo(early) == []
    assert not Commitment.objects.exists()


def test_each_topic_a_held_dialogue_meeting_lifted_has_its_commitment_and_answers_follow_the_meetings():
    build(TODAY)
    lifted = AgendaItem.objects.filter(decision__contains="lyfts till")
    assert lifted.exists()
    assert not lifted.filter(commitments__isnull=True).exists()
    for item in lifted.select_related("meeting"):
        commitment = item.commitments.get()
        following = (
            item.meeting.forum.meetings.filter(starts_at__gt=item.meeting.starts_at)
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("starts_at")
            .first()
        )
        if following is not None and following.starts_at.date() < TODAY:
            assert commitment.status == CommitmentStatus.RECEIVED
            assert commitment.received_at_meeting == following
            assert commitment.answered_at < following.starts_at
        else:
            assert commitment.status in {CommitmentStatus.OPEN, CommitmentStatus.ANSWERED}
        # The one who answers works in the department it was lifted to.
        assert commitment.responsible.department == commitment.department
