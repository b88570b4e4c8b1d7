"""The weekly reminder: one mail per coordinator and ISO week, however often the task runs."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from core.models import ForumRole, Role
from proposals.models import Proposal, ReminderSent
from proposals.tasks import remind_coordinators
from tests.factories import MembershipFactory, UserFactory


def _age(proposal: Proposal, days: int) -> None:
    Proposal.objects.filter(pk=proposal.pk).update(created_at=timezone.now() - dt.timedelta(days=days))


def test_running_the_reminder_twice_sends_one_mail(
    world, make_proposal, settings, django_capture_on_commit_callbacks
):
    settings.PROPOSAL_WAITING_DAYS = 21
    _age(make_proposal(), 30)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_coordinators() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_coordinators() == 0
    assert [m.to for m in mail.outbox] == [["samordnare@example.org"]]
    assert ReminderSent.objects.count() == 1


def test_no_reminder_when_nothing_waits_long(world, make_proposal, settings):
    settings.PROPOSAL_WAITING_DAYS = 21
    _age(make_proposal(), 5)
    assert remind_coordinators() == 0
    assert not ReminderSent.objects.exists()


def test_a_coordinator_with_memberships_hears_only_of_their_forums(world, make_proposal, settings):
    settings.PROPOSAL_WAITING_DAYS = 21
    roma_coordinator = UserFactory(email="roma.samordnare@example.org", role=Role.COORDINATOR)
    MembershipFactory(
        user=roma_coordinator, forum=world["forums"]["roma_dialogue"], role=ForumRole.COORDINATOR
    )
    _age(make_proposal(), 30)
    assert remind_coordinators() == 1  # the coordinator without memberships looks after every forum
    assert not ReminderSent.objects.filter(coordinator=roma_coordinator).exists()
