"""Accounts with a role come by invitation: a coordinator sends a link, valid for a time and for one use."""

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from core.models import ForumRole, Invitation, Membership, OutgoingMail, Role, User
from tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _invite(client, world, **overrides):
    data = {
        "full_name": "Sanna Sverigefinne",
        "email": "Sanna@Example.org",
        "role": Role.REPRESENTATIVE,
        "forum": world["forums"]["finnish_dialogue"].pk,
        "forum_role": ForumRole.REPRESENTATIVE,
        "nominated_by": "Haninge finska förening",
        "language": "fi",
        **overrides,
    }
    return client.post(reverse("core:invitation_create"), data)


def _link(mail: OutgoingMail) -> str:
    return re.search(r"https?://\S+/invitations/accept/\S+/", mail.body).group(0)


def test_a_coordinator_invites_and_the_link_creates_the_account_with_its_seat(
    client_for, world, django_capture_on_commit_callbacks
):
    coordinator = client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(coordinator, world)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "sanna@example.org" and invitation.invited_by == world["people"]["coordinator"]
    mail = OutgoingMail.objects.get(to=["sanna@example.org"])
    # Written in the language chosen for the invitee, with a link into the Finnish pages.
    assert "Hei Sanna Sverigefinne" in mail.body and "/fi/invitations/accept/" in mail.body
    link = _link(mail)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash  # only a hash is kept

    visitor = client_for("anonymous")
    page = visitor.get(reverse("core:invitation_accept", args=[token]))
    assert page.status_code == 200 and "sanna@example.org" in page.content.decode()
    response = visitor.post(
        reverse("core:invitation_accept", args=[token]),
        {
            "full_name": "Sanna Sverigefinne",
            "password1": "Tornio-Haparanda-1809",
            "password2": "Tornio-Haparanda-1809",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="sanna@example.org")
    assert (
        user.role == Role.REPRESENTATIVE
        and user.language == "fi"
        and user.check_password("Tornio-Haparanda-1809")
    )
    assert EmailAddress.objects.get(user=user).verified
    seat = Membership.objects.get(user=user)
    assert (
        seat.forum == world["forums"]["finnish_dialogue"] and seat.nominated_by == "Haninge finska förening"
    )
    assert seat.starts_on == timezone.localdate()
    # Signed in, and the forum's members are now theirs to see.
    forum_page = visitor.get(reverse("core:forum_detail", args=[seat.forum.slug]))
    assert "Aino Representant" in forum_page.content.decode()

    # The link works once.
    again = client_for("anonymous").get(reverse("core:invitation_accept", args=[token]))
    assert again.status_code == 410
    assert "inte längre giltig" in again.content.decode()


def test_a_refused_password_keeps_the_invitation_open_and_says_why_in_swedish(client_for, world):
    invitation = InvitationFactory(token="abc-token")
    visitor = client_for("anonymous")
    response = visitor.post(
        reverse("core:invitation_accept", args=["abc-token"]),
        {"full_name": "Ny Person", "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Det här lösenordet är för kort." in text
    assert "Detta lösenord är enbart numeriskt." in text
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None

    response = visitor.post(
        reverse("core:invitation_accept", args=["abc-token"]),
        {
            "full_name": "Ny Person",
            "password1": "Tornio-Haparanda-1809",
            "password2": "Tornio-Haparanda-1808",
        },
    )
    assert "Lösenorden skiljer sig åt." in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_expired_or_withdrawn_link_opens_nothing(client_for, world):
    InvitationFactory(token="old", expires_at=timezone.now() - dt.timedelta(minutes=1))
    withdrawn = InvitationFactory(token="withdrawn")
    withdrawn.revoked_at = timezone.now()
    withdrawn.save()
    visitor = client_for("anonymous")
    for token in ("old", "withdrawn"):
        response = visitor.post(
            reverse("core:invitation_accept", args=[token]),
            {"full_name": "X", "password1": "Tornio-Haparanda-1809", "password2": "Tornio-Haparanda-1809"},
        )
        assert response.status_code == 410
    assert visitor.get(reverse("core:invitation_accept", args=["never-sent"])).status_code == 404
    assert User.objects.filter(email__startswith="invited").count() == 0


def test_an_existing_resident_signs_in_and_takes_the_role(client_for, world):
    resident = world["people"]["resident"]
    InvitationFactory(
        token="for-ida",
        email=resident.email,
        role=Role.ADMIN_CONTACT,
        department=world["department"],
        forum=world["forums"]["finnish_dialogue"],
        forum_role=ForumRole.ADMIN_CONTACT,
    )
    anonymous = client_for("anonymous").get(reverse("core:invitation_accept", args=["for-ida"]))
    assert "Logga in" in anonymous.content.decode()
    # Someone else signed in may not take it.
    other = client_for("politician").post(reverse("core:invitation_accept", args=["for-ida"]))
    assert other.status_code == 409
    response = client_for("resident").post(reverse("core:invitation_accept", args=["for-ida"]))
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.role == Role.ADMIN_CONTACT and resident.department == world["department"]
    assert Membership.objects.current().filter(user=resident, role=ForumRole.ADMIN_CONTACT).exists()


def test_the_form_refuses_what_cannot_work_and_sends_nothing(client_for, world):
    coordinator = client_for("coordinator")
    cases = [
        ({"email": world["people"]["representative"].email}, "redan ett konto"),
        ({"role": Role.ADMIN_CONTACT, "forum": "", "forum_role": ""}, "förvaltning"),
        ({"forum_role": ""}, "roll i forumet"),
        ({"term_ends_on": "2001-01-01"}, "bakåt i tiden"),
        ({"role": Role.COORDINATOR}, "giltigt alternativ"),
    ]
    for overrides, words in cases:
        response = _invite(coordinator, world, **overrides)
        assert response.status_code == 200, overrides
        assert words in response.content.decode(), overrides
    assert not Invitation.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_resending_retires_the_old_link_and_withdrawing_closes_it(client_for, world):
    invitation = InvitationFactory(token="first", expires_at=timezone.now() - dt.timedelta(days=1))
    coordinator = client_for("coordinator")
    listing = coordinator.get(reverse("core:invitation_list")).content.decode()
    assert invitation.email in listing and "Utgången" in listing
    coordinator.post(reverse("core:invitation_resend", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + dt.timedelta(days=13)
    assert client_for("anonymous").get(reverse("core:invitation_accept", args=["first"])).status_code == 404
    link = _link(OutgoingMail.objects.get(to=[invitation.email]))
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert client_for("anonymous").get(reverse("core:invitation_accept", args=[token])).status_code == 200

    coordinator.post(reverse("core:invitation_revoke", args=[invitation.pk]))
    assert client_for("anonymous").get(reverse("core:invitation_accept", args=[token])).status_code == 410
    # Withdrawn is final: it cannot be sent again.
    response = coordinator.post(reverse("core:invitation_resend", args=[invitation.pk]), follow=True)
    assert "kan inte skickas igen" in response.content.decode()


def test_open_sign_up_gives_only_the_resident_role(client_for, world):
    response = client_for("anonymous").post(
        reverse("account_signup"),
        {
            "full_name": "Ny Invånare",
            "email": "ny@example.org",
            "password1": "Tornio-Haparanda-1809",
            "password2": "Tornio-Haparanda-1809",
            "role": Role.COORDINATOR,
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="ny@example.org").role == Role.RESIDENT


def test_the_invitation_list_pins_its_queries(client_for, world, django_assert_num_queries):
    coordinator = client_for("coordinator")
    InvitationFactory()
    coordinator.get(reverse("core:invitation_list"))
    with django_assert_num_queries(3) as small:
        coordinator.get(reverse("core:invitation_list"))
    for _ in range(20):
        InvitationFactory(forum=world["forums"]["roma_dialogue"], invited_by=UserFactory())
    with django_assert_num_queries(len(small.captured_queries)):
        coordinator.get(reverse("core:invitation_list"))


def test_a_forum_given_in_the_address_is_only_taken_when_it_is_a_number(client_for, world):
    coordinator = client_for("coordinator")
    forum = world["forums"]["finnish_dialogue"]
    for value in ("²", "x", "-1", "99999999999999999999"):
        assert coordinator.get(reverse("core:invitation_create"), {"forum": value}).status_code == 200
    page = coordinator.get(reverse("core:invitation_create"), {"forum": forum.pk}).content.decode()
    assert f'<option value="{forum.pk}" selected>' in page
