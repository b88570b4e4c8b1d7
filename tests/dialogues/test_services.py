"""Writes on commitments: every rule, and every refusal leaves the database and the outbox as they were."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.models import ForumRole, MeetingStatus, Role
from dialogues import services
from dialogues.models import Commitment, CommitmentStatus
from tests.dialogues.factories import CommitmentFactory
from tests.factories import MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def snapshot(commitment: Commitment | None = None) -> tuple:
    """Everything a refusal must leave untouched."""
    rows = tuple(
        Commitment.objects.order_by("pk").values_list("pk", "status", "answer", "received_at_meeting_id")
    )
    return rows, Commitment.history.count(), len(mail.outbox)


def create(world, item, **overrides):
    arguments = {
        "agenda_item": item,
        "title": "Finskspråkig personal inom hemtjänsten",
        "description": "Hur många talar finska?",
        "department": world["department"],
        "responsible": world["people"]["admin_contact"],
        "due_on": timezone.localdate() + dt.timedelta(days=30),
        "by": world["people"]["coordinator"],
    }
    return services.create_commitment(**{**arguments, **overrides})


# --- create_commitment -------------------------------------------------------------------------------


def test_creating_a_commitment_copies_the_forum_and_records_who(
    world, earlier_item, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        commitment = create(world, earlier_item)
    commitment.refresh_from_db()
    assert commitment.forum == world["forums"]["finnish_dialogue"]
    assert commitment.status == CommitmentStatus.OPEN
    assert commitment.created_by == world["people"]["coordinator"]
    record = commitment.history.get()
    assert record.history_type == "+"
    assert record.history_user == world["people"]["coordinator"]


def test_creating_a_commitment_mails_the_responsible_contact_after_commit(
    world, earlier_item, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        commitment = create(world, earlier_item)
    assert mail.outbox == []  # nothing leaves before the change is committed
    with django_capture_on_commit_callbacks(execute=True):  # the outbox queues delivery on commit too
        for callback in callbacks:
            callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kontakt@example.org"]
    assert "Finskspråkig personal inom hemtjänsten" in message.subject
    assert f"/sv/dialogues/commitments/{commitment.pk}/answer/" in message.body
    assert "Social- och äldreförvaltningen" in message.body


def test_the_assignment_mail_is_written_in_the_contacts_language(
    world, earlier_item, django_capture_on_commit_callbacks
):
    contact = world["people"]["admin_contact"]
    contact.language = "fi"
    contact.save()
    with django_capture_on_commit_callbacks(execute=True):
        commitment = create(world, earlier_item)
    assert f"/fi/dialogues/commitments/{commitment.pk}/answer/" in mail.outbox[0].body


def test_a_commitment_without_a_responsible_person_sends_no_mail(
    world, earlier_item, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        create(world, earlier_item, responsible=None)
    assert Commitment.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    "make_responsible",
    [
        lambda w: w["people"]["representative"],
        lambda w: UserFactory(role=Role.ADMIN_CONTACT, is_active=False),
    ],
    ids=["not-an-administration-contact", "inactive-contact"],
)
def test_the_responsible_person_must_be_an_active_administration_contact(
    world, earlier_item, make_responsible, django_capture_on_commit_callbacks
):
    responsible = make_responsible(world)
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        create(world, earlier_item, responsible=responsible)
    assert snapshot() == before


def test_nothing_is_lifted_from_a_cancelled_meeting(world, earlier_item, django_capture_on_commit_callbacks):
    earlier_item.meeting.status = MeetingStatus.CANCELLED
    earlier_item.meeting.save()
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        create(world, earlier_item)
    assert snapshot() == before


def test_a_commitment_needs_a_title(world, earlier_item, django_capture_on_commit_callbacks):
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        create(world, earlier_item, title="   ")
    assert snapshot() == before


# --- answer_commitment -------------------------------------------------------------------------------


def test_answering_records_the_answer_who_and_when(world, earlier_item, django_capture_on_commit_callbacks):
    commitment = CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    contact = world["people"]["admin_contact"]
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_commitment(commitment, "  Elva medarbetare talar finska.  ", by=contact)
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.ANSWERED
    assert commitment.answer == "Elva medarbetare talar finska."
    assert commitment.answered_by == contact
    assert commitment.answered_at is not None
    latest = commitment.history.latest()
    assert latest.history_user == contact
    assert latest.history_change_reason == "answered"


def test_an_answer_is_mailed_to_the_creator_and_the_forums_coordinators_not_to_the_answerer(
    world, earlier_item, django_capture_on_commit_callbacks
):
    process_leader = UserFactory(email="processledare@example.org", role=Role.COORDINATOR)
    MembershipFactory(
        user=process_leader, forum=world["forums"]["finnish_dialogue"], role=ForumRole.PROCESS_LEADER
    )
    contact = world["people"]["admin_contact"]
    MembershipFactory(user=contact, forum=world["forums"]["finnish_dialogue"], role=ForumRole.COORDINATOR)
    commitment = CommitmentFactory(
        agenda_item=earlier_item, department=world["department"], created_by=world["people"]["coordinator"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_commitment(commitment, "Svar från förvaltningen.", by=contact)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["processledare@example.org", "samordnare@example.org"]
    assert all("Svar från förvaltningen." in message.body for message in mail.outbox)


def test_an_answer_may_be_corrected_until_it_is_received(world, earlier_item):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    services.answer_commitment(commitment, "Rättat svar.", by=world["people"]["coordinator"])
    commitment.refresh_from_db()
    assert commitment.answer == "Rättat svar."
    assert commitment.status == CommitmentStatus.ANSWERED


@pytest.mark.parametrize("answer", ["", "   \n  "])
def test_an_empty_answer_is_refused(world, earlier_item, answer, django_capture_on_commit_callbacks):
    commitment = CommitmentFactory(agenda_item=earlier_item)
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.answer_commitment(commitment, answer, by=world["people"]["admin_contact"])
    assert snapshot() == before


def test_a_received_answer_can_no_longer_be_changed(world, earlier_item, django_capture_on_commit_callbacks):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    services.mark_received(commitment, world["meetings"]["finnish"], by=world["people"]["coordinator"])
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.answer_commitment(commitment, "Nytt svar", by=world["people"]["admin_contact"])
    assert snapshot() == before


def test_a_stale_copy_cannot_answer_a_commitment_received_meanwhile(world, earlier_item):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    stale = Commitment.objects.get(pk=commitment.pk)
    services.mark_received(commitment, world["meetings"]["finnish"], by=world["people"]["coordinator"])
    with pytest.raises(ValidationError):
        services.answer_commitment(stale, "Nytt svar", by=world["people"]["admin_contact"])
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.RECEIVED
    assert commitment.answer == "Förvaltningen har gjort detta."


# --- mark_received -----------------------------------------------------------------------------------


def test_marking_received_records_the_meeting_and_leaves_history(world, earlier_item):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    coordinator = world["people"]["coordinator"]
    services.mark_received(commitment, world["meetings"]["finnish"], by=coordinator)
    commitment.refresh_from_db()
    assert commitment.status == CommitmentStatus.RECEIVED
    assert commitment.received_at_meeting == world["meetings"]["finnish"]
    assert commitment.received_at is not None
    latest = commitment.history.latest()
    assert latest.history_user == coordinator
    assert latest.status == CommitmentStatus.RECEIVED


def test_an_open_commitment_cannot_be_received(world, earlier_item):
    commitment = CommitmentFactory(agenda_item=earlier_item)
    before = snapshot()
    with pytest.raises(ValidationError, match="besvarat"):
        services.mark_received(commitment, world["meetings"]["finnish"], by=world["people"]["coordinator"])
    assert snapshot() == before


def test_an_answer_is_received_only_once(world, earlier_item):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    services.mark_received(commitment, world["meetings"]["finnish"], by=world["people"]["coordinator"])
    later = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"], starts_at=timezone.now() + dt.timedelta(days=40)
    )
    before = snapshot()
    with pytest.raises(ValidationError):
        services.mark_received(commitment, later, by=world["people"]["coordinator"])
    assert snapshot() == before
    commitment.refresh_from_db()
    assert commitment.received_at_meeting == world["meetings"]["finnish"]


@pytest.mark.parametrize(
    "make_meeting",
    [
        # Another forum's meeting.
        lambda w, origin: w["meetings"]["consultation"],
        # The meeting the issue came from.
        lambda w, origin: origin,
        # An earlier meeting of the same forum.
        lambda w, origin: MeetingFactory(
            forum=origin.forum, starts_at=origin.starts_at - dt.timedelta(days=30)
        ),
        # A later meeting that was cancelled.
        lambda w, origin: MeetingFactory(forum=origin.forum, status=MeetingStatus.CANCELLED),
    ],
    ids=["other-forum", "same-meeting", "earlier-meeting", "cancelled-meeting"],
)
def test_an_answer_is_received_only_at_a_later_meeting_of_the_same_forum(world, earlier_item, make_meeting):
    commitment = CommitmentFactory(agenda_item=earlier_item, answered=True)
    meeting = make_meeting(world, earlier_item.meeting)
    before = snapshot()
    with pytest.raises(ValidationError):
        services.mark_received(commitment, meeting, by=world["people"]["coordinator"])
    assert snapshot() == before


# --- open_commitments_for and the QuerySet -----------------------------------------------------------


def test_open_commitments_for_an_administration_contact(world, earlier_item):
    contact = world["people"]["admin_contact"]
    own = CommitmentFactory(
        agenda_item=earlier_item, department=world["department"], title="Egen förvaltning"
    )
    mine = CommitmentFactory(agenda_item=earlier_item, responsible=contact, title="Ansvarig själv")
    CommitmentFactory(agenda_item=earlier_item, department=world["department"], answered=True)
    CommitmentFactory(agenda_item=earlier_item, title="Annan förvaltning")
    assert set(services.open_commitments_for(contact)) == {own, mine}


@pytest.mark.parametrize("role", ["representative", "politician", "coordinator"])
def test_open_commitments_for_others_is_empty(world, earlier_item, role):
    CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    assert list(services.open_commitments_for(world["people"][role])) == []


def test_overdue_means_open_and_past_the_due_date(world, earlier_item):
    today = timezone.localdate()
    late = CommitmentFactory(agenda_item=earlier_item, due_on=today - dt.timedelta(days=1))
    answered_late = CommitmentFactory(
        agenda_item=earlier_item, due_on=today - dt.timedelta(days=1), answered=True
    )
    due_today = CommitmentFactory(agenda_item=earlier_item, due_on=today)
    assert list(Commitment.objects.overdue(today)) == [late]
    assert late.is_overdue(today)
    assert not answered_late.is_overdue(today)
    assert not due_today.is_overdue(today)


def test_awaiting_feedback_is_the_forums_answered_and_not_received(world, earlier_item):
    waiting = CommitmentFactory(agenda_item=earlier_item, answered=True)
    CommitmentFactory(agenda_item=earlier_item)
    received = CommitmentFactory(agenda_item=earlier_item, answered=True)
    services.mark_received(received, world["meetings"]["finnish"], by=world["people"]["coordinator"])
    other_forum_item = world["meetings"]["roma"].agenda_items.first()
    CommitmentFactory(agenda_item=other_forum_item, answered=True)
    assert list(Commitment.objects.awaiting_feedback(world["forums"]["finnish_dialogue"])) == [waiting]
    assert list(Commitment.objects.received_at(world["meetings"]["finnish"])) == [received]


def test_for_department(world, earlier_item):
    own = CommitmentFactory(agenda_item=earlier_item, department=world["department"])
    CommitmentFactory(agenda_item=earlier_item)
    assert list(Commitment.objects.for_department(world["department"])) == [own]
    assert list(Commitment.objects.for_department(None)) == []
