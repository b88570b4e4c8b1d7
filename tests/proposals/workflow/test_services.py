"""The workflow's service functions: every allowed move, every forbidden one, and what each step does."""

import itertools

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from core.models import AgendaItem, MeetingStatus
from proposals import services
from proposals.models import TRANSITIONS, Proposal, ProposalStatus
from tests.factories import AgendaItemFactory

ALL = [s.value for s in ProposalStatus]
FORBIDDEN = [(a, b) for a, b in itertools.product(ALL, ALL) if b not in TRANSITIONS[a]]
ALLOWED = [(a, b) for a in ALL for b in sorted(TRANSITIONS[a])]


def _put_in(proposal: Proposal, status: str, survivor: Proposal | None = None) -> Proposal:
    """Set a status directly (with what the constraints require) to test the move out of it."""
    Proposal.objects.filter(pk=proposal.pk).update(
        status=status,
        status_reason="set up",
        merged_into=survivor if status == ProposalStatus.MERGED else None,
    )
    proposal.refresh_from_db()
    return proposal


def _step(proposal: Proposal, target: str, world, other: Proposal) -> Proposal:
    by = world["people"]["coordinator"]
    if target == ProposalStatus.UNDER_CONSIDERATION:
        return services.consider(proposal, by, "Vi bereder frågan.")
    if target == ProposalStatus.PLACED:
        return services.place_on_agenda(proposal, world["meetings"]["finnish"], by, "På nästa möte.")
    if target == ProposalStatus.MERGED:
        return services.merge(proposal, other, by, "Samma fråga.")
    if target == ProposalStatus.DEFERRED:
        return services.defer(proposal, by, "Till hösten.", until=timezone.localdate())
    if target == ProposalStatus.DECLINED:
        return services.decline(proposal, by, "Hör inte till gruppen.")
    return services.resolve(proposal, by, "Behandlat.")


@pytest.mark.parametrize(("current", "target"), ALLOWED, ids=[f"{a}->{b}" for a, b in ALLOWED])
def test_every_allowed_move_works(current, target, world, make_proposal):
    other = make_proposal(title="Överlevande")
    proposal = _put_in(make_proposal(), current, survivor=other)
    _step(proposal, target, world, other)
    proposal.refresh_from_db()
    assert proposal.status == target
    assert proposal.status_reason
    assert proposal.history.first().status == target


@pytest.mark.parametrize(("current", "target"), FORBIDDEN, ids=[f"{a}->{b}" for a, b in FORBIDDEN])
def test_every_forbidden_move_is_refused_and_changes_nothing(current, target, world, make_proposal):
    other = make_proposal(title="Överlevande")
    proposal = _put_in(make_proposal(), current, survivor=other)
    before = proposal.history.count()
    with pytest.raises(ValidationError) as error:
        services.move(proposal, target, world["people"]["coordinator"], "skäl", merged_into=other)
    expected = gettext("A proposal cannot go from “%(current)s” to “%(target)s”.") % {
        "current": ProposalStatus(current).label,
        "target": ProposalStatus(target).label,
    }
    assert error.value.messages == [expected]
    proposal.refresh_from_db()
    assert proposal.status == current
    assert proposal.history.count() == before


def test_submitting_makes_the_proposer_a_follower(proposal, world):
    assert list(proposal.followers.all()) == [world["people"]["representative"]]
    assert proposal.status == ProposalStatus.RECEIVED
    assert proposal.language == "fi"


def test_only_members_of_the_forum_may_propose_to_it(world, make_proposal):
    with pytest.raises(ValidationError):
        make_proposal(forum_key="roma_dialogue")
    assert not Proposal.objects.exists()


def test_decline_without_a_reason_is_refused(proposal, world):
    with pytest.raises(ValidationError):
        services.decline(proposal, world["people"]["coordinator"], "  ")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED


def test_place_creates_an_agenda_item_last_but_before_any_other_business(proposal, world):
    meeting = world["meetings"]["finnish"]
    services.place_on_agenda(proposal, meeting, world["people"]["coordinator"], "Tas upp.")
    proposal.refresh_from_db()
    item = proposal.agenda_item
    assert item.meeting == meeting
    assert item.title == proposal.title
    titles = list(meeting.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles == ["Återkoppling från förvaltningen (finnish)", proposal.title, "Övriga frågor"]
    assert len(set(meeting.agenda_items.values_list("position", flat=True))) == 3


@pytest.mark.parametrize(
    "closing", ["Övriga frågor", "Muut asiat", "Any other business", "4. Övriga frågor."]
)
def test_place_finds_any_other_business_in_every_language(make_proposal, world, closing):
    meeting = world["meetings"]["finnish"]
    meeting.agenda_items.filter(title="Övriga frågor").update(title=closing)
    AgendaItemFactory(meeting=meeting, title="Punkt efter övriga frågor", position=3)
    proposal = make_proposal()
    services.place_on_agenda(proposal, meeting, world["people"]["coordinator"])
    titles = list(meeting.agenda_items.order_by("position", "pk").values_list("title", flat=True))
    assert titles.index(proposal.title) == titles.index(closing) - 1


def test_place_on_an_agenda_without_any_other_business_adds_it_last(proposal, world):
    meeting = world["meetings"]["finnish"]
    meeting.agenda_items.filter(title="Övriga frågor").delete()
    services.place_on_agenda(proposal, meeting, world["people"]["coordinator"])
    assert (
        list(meeting.agenda_items.order_by("position").values_list("title", flat=True))[-1] == proposal.title
    )


@pytest.mark.parametrize("key", ["roma", "consultation"])
def test_place_refuses_a_meeting_of_another_forum(proposal, world, key):
    with pytest.raises(ValidationError):
        services.place_on_agenda(proposal, world["meetings"][key], world["people"]["coordinator"])
    assert not AgendaItem.objects.filter(title=proposal.title).exists()


@pytest.mark.parametrize("status", [MeetingStatus.HELD, MeetingStatus.CANCELLED])
def test_place_refuses_a_held_or_cancelled_meeting(proposal, world, status):
    meeting = world["meetings"]["finnish"]
    meeting.status = status
    meeting.save()
    with pytest.raises(ValidationError):
        services.place_on_agenda(proposal, meeting, world["people"]["coordinator"])
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.RECEIVED
    assert proposal.agenda_item is None


def test_merge_moves_the_duplicates_followers_to_the_survivor(world, make_proposal):
    survivor = make_proposal(title="Överlevande")
    duplicate = make_proposal(title="Dubblett", proposer_key="admin_contact")
    services.merge(duplicate, survivor, world["people"]["coordinator"], "Samma fråga.")
    duplicate.refresh_from_db()
    assert duplicate.status == ProposalStatus.MERGED
    assert duplicate.merged_into == survivor
    assert set(survivor.followers.all()) == {
        world["people"]["representative"],
        world["people"]["admin_contact"],
    }


def test_merge_refuses_another_forum(world, make_proposal):
    survivor = make_proposal(forum_key="consultation")
    duplicate = make_proposal()
    with pytest.raises(ValidationError):
        services.merge(duplicate, survivor, world["people"]["coordinator"])
    duplicate.refresh_from_db()
    assert duplicate.status == ProposalStatus.RECEIVED


def test_followers_are_told_in_their_own_language_with_the_reason(
    proposal, world, django_capture_on_commit_callbacks
):
    follower = world["people"]["other_representative"]  # Swedish
    proposal.followers.add(follower)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(proposal, world["people"]["coordinator"], "Frågan hör till kommunstyrelsen.")
    assert sorted(message.to[0] for message in mail.outbox) == ["rep2@example.org", "rep@example.org"]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Frågan hör till kommunstyrelsen." in by_address["rep@example.org"].body
    assert "Frågan hör till kommunstyrelsen." in by_address["rep2@example.org"].body
    # Each mail is rendered in its reader's language: the representative reads Finnish, the other Swedish.
    assert f"/fi/proposals/{proposal.pk}/" in by_address["rep@example.org"].body
    assert f"/sv/proposals/{proposal.pk}/" in by_address["rep2@example.org"].body


def test_nothing_is_mailed_when_the_move_is_refused(proposal, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        services.resolve(proposal, world["people"]["coordinator"], "")
    assert callbacks == []
    assert mail.outbox == []


def test_only_the_proposer_marks_answered_and_only_when_placed_or_resolved(proposal, world):
    rep, coordinator = world["people"]["representative"], world["people"]["coordinator"]
    with pytest.raises(ValidationError):
        services.mark_answered(proposal, rep, True, "")  # still received
    services.place_on_agenda(proposal, world["meetings"]["finnish"], coordinator, "")
    with pytest.raises(ValidationError):
        services.mark_answered(proposal, coordinator, True, "")
    services.mark_answered(proposal, rep, False, "Inget beslut.")
    proposal.refresh_from_db()
    assert proposal.answered is False
    assert proposal.answered_comment == "Inget beslut."
    assert proposal.answered_at is not None


def test_administrator_deletes_with_a_reason_kept_in_history(proposal, world):
    pk = proposal.pk
    with pytest.raises(ValidationError):
        services.delete_proposal(proposal, world["people"]["coordinator"], "Personuppgifter")
    with pytest.raises(ValidationError):
        services.delete_proposal(proposal, world["people"]["administrator"], "")
    services.delete_proposal(proposal, world["people"]["administrator"], "Personuppgifter av misstag")
    assert not Proposal.objects.filter(pk=pk).exists()
    record = Proposal.history.filter(id=pk).latest("history_date")
    assert record.history_type == "-"
    assert record.history_change_reason == "Personuppgifter av misstag"
    assert record.history_user == world["people"]["administrator"]
