"""The proposal's story reaches its proposer and followers at each step, in their language, through the outbox:
placed on a meeting, decided in the published minutes, a commitment or an action it led to, and each progress
update and the completion of such an action. Someone who is neither hears nothing.
"""

import datetime as dt

import pytest
from django.utils import timezone, translation

from core.models import MinutesStatus, OutgoingMail
from core.services import move_minutes
from dialogues.services import create_commitment
from followup import services as followup_services
from followup.models import Action, ActionStatus
from proposals import services
from tests.dialogues.factories import CommitmentFactory
from tests.factories import ActionFactory, CycleFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

PROPOSER = "rep@example.org"  # reads Finnish
FOLLOWER = "rep2@example.org"  # reads Swedish


@pytest.fixture
def story(proposal, world):
    """The proposal with a Swedish-reading follower, a bystander, and a meeting of its forum that has begun."""
    proposal.followers.add(world["people"]["other_representative"])
    UserFactory(email="annan@example.org", role=world["people"]["other_representative"].role)
    now = timezone.now()
    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Dialogmöte i december",
        starts_at=now - dt.timedelta(hours=3),
        ends_at=now - dt.timedelta(hours=1),
    )
    return proposal, meeting


def mail_by_reader() -> dict[str, list[OutgoingMail]]:
    by: dict[str, list[OutgoingMail]] = {}
    for message in OutgoingMail.objects.order_by("pk"):
        for address in message.to:
            by.setdefault(address, []).append(message)
    return by


def place(story, world, capture):
    proposal, meeting = story
    with capture(execute=True):
        services.place_on_agenda(proposal, meeting, world["people"]["coordinator"])
    proposal.refresh_from_db()
    return proposal, meeting


def test_placing_on_a_meeting_tells_the_proposer_and_the_followers_in_their_language(
    story, world, django_capture_on_commit_callbacks
):
    proposal, meeting = place(story, world, django_capture_on_commit_callbacks)
    by = mail_by_reader()
    assert sorted(by) == sorted([PROPOSER, FOLLOWER])
    for address, language in ((PROPOSER, "fi"), (FOLLOWER, "sv")):
        [message] = by[address]
        assert "Finskspråkig förskola" in message.subject
        with translation.override(language):
            assert meeting.get_absolute_url() in message.body
            assert proposal.get_absolute_url() in message.body


def test_the_published_minutes_bring_the_minuted_decision_once(
    story, world, django_capture_on_commit_callbacks
):
    proposal, meeting = place(story, world, django_capture_on_commit_callbacks)
    OutgoingMail.objects.all().delete()
    item = proposal.agenda_item
    item.decision = "Förvaltningen utreder fler förskoleplatser på finska."
    item.minutes_language = "sv"
    item.save()
    coordinator = world["people"]["coordinator"]
    for target in (MinutesStatus.IN_REVIEW, MinutesStatus.APPROVED):
        move_minutes(meeting, target, coordinator)
    assert not OutgoingMail.objects.exists()  # nobody was invited; the story waits for publishing
    move_minutes(meeting, MinutesStatus.PUBLISHED, coordinator)
    by = mail_by_reader()
    assert sorted(by) == sorted([PROPOSER, FOLLOWER])
    for address in (PROPOSER, FOLLOWER):
        [message] = by[address]
        assert "Förvaltningen utreder fler förskoleplatser på finska." in message.body
        assert "Dialogmöte i december" in message.body


def test_an_item_without_minutes_sends_no_decision(story, world, django_capture_on_commit_callbacks):
    proposal, meeting = place(story, world, django_capture_on_commit_callbacks)
    OutgoingMail.objects.all().delete()
    coordinator = world["people"]["coordinator"]
    for target in (MinutesStatus.IN_REVIEW, MinutesStatus.APPROVED, MinutesStatus.PUBLISHED):
        move_minutes(meeting, target, coordinator)
    assert not OutgoingMail.objects.exists()


def test_a_commitment_lifted_from_the_proposals_item_is_a_step_of_its_story(
    story, world, django_capture_on_commit_callbacks
):
    proposal, _meeting = place(story, world, django_capture_on_commit_callbacks)
    OutgoingMail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        create_commitment(
            agenda_item=proposal.agenda_item,
            title="Svar om förskoleplatser",
            department=world["department"],
            due_on=timezone.localdate() + dt.timedelta(days=30),
            by=world["people"]["coordinator"],
            responsible=world["people"]["admin_contact"],
        )
    by = mail_by_reader()
    # The responsible contact is told of the assignment; the proposer and follower of the story.
    assert sorted(by) == sorted([PROPOSER, "kontakt@example.org", FOLLOWER])
    assert "Svar om förskoleplatser" in by[FOLLOWER][0].body


def test_an_action_made_from_the_proposal_is_a_step_of_its_story(
    story, world, django_capture_on_commit_callbacks
):
    proposal, _meeting = story
    action = Action(
        cycle=CycleFactory(),
        title="Fler förskoleplatser på finska",
        department=world["department"],
        status=ActionStatus.PLANNED,
        origin_proposal=proposal,
    )
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.save_action(action, by=world["people"]["coordinator"])
    by = mail_by_reader()
    assert sorted(by) == sorted([PROPOSER, FOLLOWER])
    assert "Fler förskoleplatser på finska" in by[FOLLOWER][0].body
    # Changing the action later is not a new step.
    action.title = "Fler förskoleplatser"
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.save_action(action, by=world["people"]["coordinator"])
    assert OutgoingMail.objects.count() == 2


def test_progress_and_completion_of_its_action_reach_the_proposer_followers_and_responsible(
    story, world, django_capture_on_commit_callbacks
):
    proposal, _meeting = story
    contact = world["people"]["admin_contact"]
    action = ActionFactory(origin_proposal=proposal, department=world["department"], responsible=contact)
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.report_progress(
            action,
            author=contact,
            text="Två nya grupper öppnar i januari.",
            status=ActionStatus.ONGOING,
            progress=60,
        )
    by = mail_by_reader()
    assert sorted(by) == sorted([PROPOSER, FOLLOWER])  # the writer is not told of their own update
    assert "Två nya grupper öppnar i januari." in by[PROPOSER][0].body
    coordinator = world["people"]["coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.report_progress(
            action, author=coordinator, text="Klart.", status=ActionStatus.DONE, progress=100
        )
    by = mail_by_reader()
    assert sorted(by) == sorted([PROPOSER, "kontakt@example.org", FOLLOWER])
    assert "Klart." in by["kontakt@example.org"][0].body
    assert len(by[PROPOSER]) == 2


def test_an_action_without_a_proposal_tells_only_its_responsible(world, django_capture_on_commit_callbacks):
    contact = world["people"]["admin_contact"]
    action = ActionFactory(department=world["department"], responsible=contact)
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.report_progress(
            action,
            author=world["people"]["coordinator"],
            text="På gång.",
            status=ActionStatus.ONGOING,
            progress=10,
        )
    assert sorted(mail_by_reader()) == ["kontakt@example.org"]


def test_a_resident_following_the_proposal_is_not_told_of_an_action_kept_from_the_public(
    story, world, django_capture_on_commit_callbacks
):
    proposal, _meeting = story
    proposal.followers.add(world["people"]["resident"])
    action = ActionFactory(origin_proposal=proposal, department=world["department"], is_public=False)
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.report_progress(
            action,
            author=world["people"]["coordinator"],
            text="På gång.",
            status=ActionStatus.ONGOING,
            progress=10,
        )
    assert sorted(mail_by_reader()) == sorted([PROPOSER, FOLLOWER])
    action.is_public = True
    action.save()
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.report_progress(
            action,
            author=world["people"]["coordinator"],
            text="Öppet.",
            status=ActionStatus.ONGOING,
            progress=20,
        )
    assert "invanare@example.org" in mail_by_reader()


def test_an_action_from_a_commitment_on_the_proposals_item_carries_the_story_on(
    story, world, django_capture_on_commit_callbacks
):
    proposal, _meeting = place(story, world, django_capture_on_commit_callbacks)
    commitment = CommitmentFactory(agenda_item=proposal.agenda_item, department=world["department"])
    action = ActionFactory(origin_commitment=commitment, department=world["department"])
    OutgoingMail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        followup_services.report_progress(
            action,
            author=world["people"]["coordinator"],
            text="Utredning klar.",
            status=ActionStatus.ONGOING,
            progress=40,
        )
    by = mail_by_reader()
    assert sorted(by) == sorted([PROPOSER, FOLLOWER])
    assert "Finskspråkig förskola" in by[FOLLOWER][0].body
