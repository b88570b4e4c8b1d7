"""Past due: actions and commitments are reminded to their responsible person and the department's contacts,
on the first day past due and then weekly; the coordinators get a weekly summary of what is overdue.

The tasks take the day they run on: the tests move the clock by passing it (a simulated clock).
"""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import OutgoingMail, Role
from followup.models import ActionStatus
from followup.tasks import overdue_summary, remind_past_due
from tests.dialogues.factories import CommitmentFactory
from tests.factories import ActionFactory, UserFactory

pytestmark = pytest.mark.django_db


def day(offset: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=offset)).isoformat()


def recipients() -> list[str]:
    return sorted(address for m in OutgoingMail.objects.all() for address in m.to)


@pytest.fixture
def late(world):
    """An action due yesterday with a responsible person in the world's department (Helena Kontakt is its contact)."""
    responsible = UserFactory(email="ansvarig@example.org", role=Role.ADMIN_CONTACT, language="sv")
    return ActionFactory(
        title="Finska i förskolan",
        department=world["department"],
        responsible=responsible,
        due_on=timezone.localdate() - dt.timedelta(days=1),
    )


def test_a_past_due_action_goes_to_the_responsible_and_the_departments_contacts_only(world, late):
    assert remind_past_due(day(0)) == 2
    assert recipients() == ["ansvarig@example.org", "kontakt@example.org"]
    for message in OutgoingMail.objects.all():
        assert "Finska i förskolan" in message.body
        assert f"/actions/{late.pk}/update/" in message.body


def test_a_second_run_the_same_day_sends_nothing(world, late):
    assert remind_past_due(day(0)) == 2
    assert remind_past_due(day(0)) == 0
    assert OutgoingMail.objects.count() == 2


def test_reminded_on_the_first_day_past_due_and_then_weekly(world, late):
    sent = {offset: remind_past_due(day(offset)) for offset in range(0, 16)}
    # Day 0 is the first day past due; then day 7 and day 14, nothing in between.
    assert {offset for offset, count in sent.items() if count} == {0, 7, 14}
    assert OutgoingMail.objects.count() == 6


def test_finished_and_not_yet_due_actions_are_not_reminded(world):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    ActionFactory(department=world["department"], due_on=yesterday, status=ActionStatus.DONE, progress=100)
    ActionFactory(
        department=world["department"],
        due_on=yesterday,
        status=ActionStatus.CANCELLED,
        cancel_reason="Ej längre",
    )
    ActionFactory(department=world["department"], due_on=timezone.localdate())
    assert remind_past_due(day(0)) == 0
    assert not OutgoingMail.objects.exists()


def test_a_past_due_commitment_goes_to_its_contact_and_the_department_in_one_mail_with_the_actions(
    world, late
):
    CommitmentFactory(
        agenda_item=world["meetings"]["roma"].agenda_items.first(),
        title="Svar om modersmål",
        department=world["department"],
        responsible=world["people"]["admin_contact"],
        due_on=timezone.localdate() - dt.timedelta(days=1),
    )
    assert remind_past_due(day(0)) == 2
    contact_mail = [m for m in OutgoingMail.objects.all() if "kontakt@example.org" in m.to]
    assert len(contact_mail) == 1  # one mail, not one per object, and not twice as responsible and contact
    assert "Svar om modersmål" in contact_mail[0].body
    assert "Finska i förskolan" in contact_mail[0].body
    responsible_mail = [m for m in OutgoingMail.objects.all() if "ansvarig@example.org" in m.to][0]
    assert "Svar om modersmål" not in responsible_mail.body


def test_an_answered_commitment_is_not_reminded(world):
    CommitmentFactory(
        agenda_item=world["meetings"]["roma"].agenda_items.first(),
        department=world["department"],
        due_on=timezone.localdate() - dt.timedelta(days=1),
        answered=True,
    )
    assert remind_past_due(day(0)) == 0


def test_the_reminder_is_in_the_persons_language(world, late):
    late.responsible.language = "fi"
    late.responsible.save()
    remind_past_due(day(0))
    finnish = [m for m in OutgoingMail.objects.all() if "ansvarig@example.org" in m.to][0]
    swedish = [m for m in OutgoingMail.objects.all() if "kontakt@example.org" in m.to][0]
    assert "määräaika" in finnish.body
    assert "määräaika" not in swedish.body


def test_coordinators_get_a_weekly_summary_of_what_is_overdue_once_a_day(world, late):
    second = UserFactory(email="samordnare2@example.org", role=Role.COORDINATOR)
    UserFactory(email="slutat@example.org", role=Role.COORDINATOR, is_active=False)
    assert overdue_summary(day(0)) == 2
    assert recipients() == ["samordnare2@example.org", "samordnare@example.org"]
    body = OutgoingMail.objects.filter(to__contains=[second.email]).get().body
    assert "Finska i förskolan" in body
    assert late.get_absolute_url() in body
    assert overdue_summary(day(0)) == 0
    assert OutgoingMail.objects.count() == 2
    # A week later it is sent again.
    assert overdue_summary(day(7)) == 2


def test_no_summary_when_nothing_is_overdue(world):
    assert overdue_summary(day(0)) == 0
    assert not OutgoingMail.objects.exists()


def test_the_summary_leaves_out_what_has_nothing_overdue(world, late):
    overdue_summary(day(0))
    body = OutgoingMail.objects.filter(to__contains=["samordnare@example.org"]).get().body
    assert "Finska i förskolan" in body
    assert "commitments" not in body and "proposals" not in body
