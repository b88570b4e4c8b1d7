"""Strong sign-in: coordinators and administrators must use an authenticator app (TOTP), everyone else
may; the code is asked for at sign-in; a required one cannot be removed; failed sign-ins are limited and
say nothing about whether the account exists."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def clean_rate_limits():
    cache.clear()
    yield
    cache.clear()


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_a_coordinator_without_an_authenticator_app_is_sent_to_set_one_up(world):
    coordinator = UserFactory(role=Role.COORDINATOR, second_factor=False)
    client = Client()
    client.force_login(coordinator)
    for url in (reverse("home"), reverse("followup:dashboard"), reverse("proposals:inbox")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert "Din roll kräver inloggning i två steg" in page.content.decode()
    # Signing out stays open: nobody is locked in.
    assert client.post(reverse("account_logout")).status_code == 302


def test_everyone_else_may_use_the_portal_without_one_and_may_turn_it_on(client_for, world):
    client = client_for("representative")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


def test_the_code_is_asked_for_at_sign_in_and_a_wrong_one_is_refused(world):
    secret = generate_totp_secret()
    coordinator = UserFactory(email="samordnare2@example.org", role=Role.COORDINATOR, second_factor=secret)
    client = Client()
    first = client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    assert first.status_code == 302 and first["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("home")).wsgi_request.user.is_anonymous  # not signed in yet

    wrong = client.post(
        reverse("mfa_authenticate"), {"code": "000000" if code_for(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 200 and "Felaktig kod" in wrong.content.decode()
    assert client.get(reverse("home")).wsgi_request.user.is_anonymous

    right = client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert right.status_code == 302
    assert client.get(reverse("home")).wsgi_request.user == coordinator


def test_a_required_authenticator_cannot_be_removed(world):
    secret = generate_totp_secret()
    coordinator = UserFactory(email="samordnare3@example.org", role=Role.COORDINATOR, second_factor=secret)
    client = Client()
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # as removal asks first
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "Du kan inte inaktivera tvåfaktorsautentisering." in response.content.decode()
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()


def test_failed_sign_ins_are_limited_and_do_not_tell_whether_the_account_exists(world):
    person = world["people"]["representative"]
    known = Client().post(reverse("account_login"), {"login": person.email, "password": "wrong-password"})
    unknown = Client().post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong-password"}
    )
    message = "Epost-adressen och/eller lösenordet är felaktigt."
    assert message in known.content.decode() and message in unknown.content.decode()

    client = Client()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": person.email, "password": "wrong-password"})
    blocked = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert blocked.wsgi_request.user.is_anonymous
    assert "För många misslyckade inloggningsförsök" in blocked.content.decode()
