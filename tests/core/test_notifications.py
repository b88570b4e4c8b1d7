"""Notifications people control: a delivery per kind, digests built when they are sent, follows."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from core.digests import send_digests
from core.follows import follow, followers_of, is_following
from core.models import (
    Delivery,
    DigestEntry,
    Follow,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesStatus,
    NotificationPreference,
    OutgoingMail,
)
from core.notifications import KINDS, deliveries
from core.services import move_minutes, notify
from tests.factories import ActionFactory, ForumFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MINUTES = "core/email/minutes_published"


def outbox() -> list[OutgoingMail]:
    """The messages stored in the outbox (delivery follows on commit, which a test transaction never reaches)."""
    return list(OutgoingMail.objects.order_by("pk"))


def choose(person, kind: str, delivery: str) -> None:
    NotificationPreference.objects.update_or_create(user=person, kind=kind, defaults={"delivery": delivery})


def tell(person, meeting: Meeting, kind: str = "minutes_published") -> int:
    return notify(
        [person],
        MINUTES,
        {"meeting": meeting},
        kind=kind,
        about=meeting,
        about_permission="core.view_meeting",
    )


def test_a_kind_turned_off_sends_nothing_and_keeps_nothing(world):
    person = world["people"]["representative"]
    choose(person, "minutes_published", Delivery.OFF)
    assert tell(person, world["meetings"]["finnish"]) == 0
    assert outbox() == []
    assert not DigestEntry.objects.exists()


def test_a_required_kind_is_sent_at_once_whatever_is_stored(world):
    person = world["people"]["representative"]
    choose(person, "meeting_notice", Delivery.OFF)
    tell(person, world["meetings"]["finnish"], kind="meeting_notice")
    assert [m.to for m in outbox()] == [[person.email]]


def test_an_unknown_kind_is_a_programming_error(world):
    with pytest.raises(ValueError, match="unknown kind"):
        tell(world["people"]["representative"], world["meetings"]["finnish"], kind="no_such_kind")


def test_a_daily_digest_is_one_mail_in_the_persons_language_with_links_and_is_sent_once(world):
    person = world["people"]["representative"]  # writes in Finnish
    choose(person, "minutes_published", Delivery.DAILY)
    tell(person, world["meetings"]["finnish"])
    tell(person, world["meetings"]["consultation"])
    assert outbox() == []
    assert DigestEntry.objects.filter(user=person).count() == 2

    assert send_digests(Delivery.WEEKLY) == 0  # not a weekly kind
    assert send_digests(Delivery.DAILY) == 1
    assert len(outbox()) == 1
    digest = outbox()[0]
    assert digest.to == [person.email]
    with translation.override("fi"):
        assert digest.subject == translation.ngettext(
            "Your daily digest: %(counter)s message", "Your daily digest: %(counter)s messages", 2
        ) % {"counter": 2}
    for meeting in (world["meetings"]["finnish"], world["meetings"]["consultation"]):
        assert f"/fi/meetings/{meeting.pk}/" in digest.body
    # The digest greets once, not once per message.
    assert digest.body.count("Aino") == 1
    assert not DigestEntry.objects.exists()
    assert send_digests(Delivery.DAILY) == 0
    assert len(outbox()) == 1


def test_a_kind_turned_off_before_the_digest_is_left_out_of_it(world):
    person = world["people"]["representative"]
    choose(person, "minutes_published", Delivery.WEEKLY)
    tell(person, world["meetings"]["finnish"])
    choose(person, "minutes_published", Delivery.OFF)
    assert send_digests(Delivery.WEEKLY) == 0
    assert outbox() == []
    assert not DigestEntry.objects.exists()


def test_a_digest_leaves_out_what_the_person_may_no_longer_see(world):
    person = world["people"]["representative"]
    choose(person, "minutes_published", Delivery.DAILY)
    tell(person, world["meetings"]["finnish"])  # the Sweden Finns' dialogue group: members only
    tell(person, world["meetings"]["consultation"])  # public
    Membership.objects.filter(user=person, forum=world["forums"]["finnish_dialogue"]).delete()
    assert send_digests(Delivery.DAILY) == 1
    body = outbox()[0].body
    assert f"/meetings/{world['meetings']['consultation'].pk}/" in body
    assert f"/meetings/{world['meetings']['finnish'].pk}/" not in body
    assert not DigestEntry.objects.exists()


def test_a_digest_of_only_what_is_no_longer_visible_sends_no_mail(world):
    person = world["people"]["representative"]
    choose(person, "minutes_published", Delivery.DAILY)
    tell(person, world["meetings"]["finnish"])
    Meeting.objects.filter(pk=world["meetings"]["finnish"].pk).update(status=MeetingStatus.CANCELLED)
    Membership.objects.filter(user=person).delete()
    assert send_digests(Delivery.DAILY) == 0
    assert outbox() == []


def test_the_settings_page_saves_choices_but_never_turns_off_a_required_kind(client_for, world):
    client = client_for("representative")
    url = reverse("core:notification_settings")
    page = client.get(url)
    assert page.status_code == 200
    assert str(KINDS["meeting_notice"].label) in page.content.decode()
    choices = {key: Delivery.IMMEDIATE for key, kind in KINDS.items() if not kind.required}
    choices |= {"proposal_story": Delivery.WEEKLY, "comment": Delivery.OFF, "meeting_notice": Delivery.OFF}
    response = client.post(url, choices)
    assert response.status_code == 302
    person = world["people"]["representative"]
    assert deliveries([person], "proposal_story") == {person.pk: Delivery.WEEKLY}
    assert deliveries([person], "comment") == {person.pk: Delivery.OFF}
    assert deliveries([person], "meeting_notice") == {person.pk: Delivery.IMMEDIATE}
    assert not NotificationPreference.objects.filter(kind="meeting_notice").exists()


def test_a_choice_that_is_not_offered_is_refused_with_a_message_and_changes_nothing(client_for, world):
    client = client_for("representative")
    choices = {key: Delivery.IMMEDIATE for key, kind in KINDS.items() if not kind.required}
    choices["comment"] = "hourly"
    response = client.post(reverse("core:notification_settings"), choices)
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_following_an_action_from_its_page_and_stopping_again(client_for, world):
    action = ActionFactory(is_public=True, department=world["department"])
    resident = world["people"]["resident"]
    client = client_for("resident")
    page = client.get(action.get_absolute_url()).content.decode()
    assert reverse("core:follow", args=["action", action.pk]) in page
    client.post(reverse("core:follow", args=["action", action.pk]), {"next": action.get_absolute_url()})
    assert is_following(resident, action)
    assert followers_of(action) == [resident]
    settings_page = client.get(reverse("core:notification_settings")).content.decode()
    assert action.get_absolute_url() in settings_page
    client.post(reverse("core:unfollow", args=["action", action.pk]))
    assert not is_following(resident, action)


def test_an_action_the_person_may_not_see_cannot_be_followed(client_for, world):
    hidden = ActionFactory(is_public=False, department=world["department"])
    response = client_for("resident").post(reverse("core:follow", args=["action", hidden.pk]))
    assert response.status_code == 404
    assert not Follow.objects.exists()
    visitor = Client().post(reverse("core:follow", args=["action", hidden.pk]))
    assert visitor.status_code in (302, 404)
    assert not Follow.objects.exists()


def test_followers_who_may_no_longer_see_an_action_hear_nothing_of_it(world):
    action = ActionFactory(is_public=True, department=world["department"])
    resident = world["people"]["resident"]
    follow(resident, action)
    action.is_public = False
    action.save()
    assert followers_of(action) == []


def test_those_who_follow_a_forum_hear_of_its_published_minutes(world, django_capture_on_commit_callbacks):
    forum = world["forums"]["consultation"]
    resident = world["people"]["resident"]
    follow(resident, forum)
    meeting = MeetingFactory(
        forum=forum,
        starts_at=timezone.now() - dt.timedelta(days=3),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.APPROVED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        move_minutes(meeting, MinutesStatus.PUBLISHED, world["people"]["coordinator"])
    assert [resident.email] in [m.to for m in outbox()]


@pytest.mark.parametrize("follows", [1, 20])
def test_the_settings_page_costs_the_same_whatever_one_follows(
    follows, client_for, world, django_assert_num_queries
):
    person = world["people"]["representative"]
    for _ in range(follows):
        follow(person, ActionFactory(is_public=True, department=world["department"]))
        follow(person, ForumFactory(is_public=True))
    client = client_for("representative")
    client.get(reverse("core:notification_settings"))
    with django_assert_num_queries(QUERIES):
        client.get(reverse("core:notification_settings"))


QUERIES = 6
