"""Sign-in without Redis, against a private redis-server on a port of its own that the test stops: signing in
with the password and the authenticator code, signing out and resetting a password work, and the rate
limits still count (they live in PostgreSQL, the "default" cache)."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from core.models import OutgoingMail, Role
from tests.factories import UserFactory
from tests.integration.private_redis import PrivateRedis

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def redis_stopped(tmp_path, settings):
    """The portal's Redis ("shared": pages, sessions read through it) on a private server, then stopped."""
    server = PrivateRedis(tmp_path)
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "core.plumbing.redis_cache.RedisCache", "LOCATION": server.url},
    }
    settings.PAGE_CACHE_SECONDS = 300
    caches["shared"].set("probe", 1)
    server.stop()
    caches["shared"].close()
    yield server
    server.close()


def test_redis_is_really_down(redis_stopped):
    import redis

    with pytest.raises(redis.ConnectionError):
        caches["shared"].get("probe")


def test_with_redis_down_a_coordinator_signs_in_with_both_factors_and_out(redis_stopped, world):
    secret = generate_totp_secret()
    coordinator = UserFactory(
        email="samordnare.utan.redis@example.org", role=Role.COORDINATOR, second_factor=False
    )
    TOTP.activate(coordinator, secret)
    client = Client()
    first = client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    assert first.status_code == 302 and first["Location"] == reverse("mfa_authenticate")
    second = client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert second.status_code == 302
    dashboard = client.get(reverse("followup:dashboard"))
    assert dashboard.status_code == 200 and dashboard.wsgi_request.user == coordinator
    # The same code a second time is refused: the record of used codes is in PostgreSQL too.
    replay = Client()
    replay.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    refused = replay.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert refused.status_code == 200 and "Felaktig kod" in refused.content.decode()

    out = client.post(reverse("account_logout"))
    assert out.status_code == 302
    assert client.get(reverse("home")).wsgi_request.user.is_anonymous


def test_with_redis_down_the_rate_limit_still_counts(redis_stopped, world):
    resident = world["people"]["resident"]
    client = Client()
    for _ in range(5):
        assert (
            client.post(reverse("account_login"), {"login": resident.email, "password": "wrong"}).status_code
            == 200
        )
    right = client.post(reverse("account_login"), {"login": resident.email, "password": PASSWORD})
    assert right.status_code == 200
    assert "_auth_user_id" not in client.session


def test_with_redis_down_a_password_is_reset_and_then_signs_in(redis_stopped, world):
    resident = world["people"]["resident"]
    client = Client()
    assert client.post(reverse("account_reset_password"), {"email": resident.email}).status_code == 302
    body = OutgoingMail.objects.filter(to__contains=[resident.email]).latest("pk").body
    link = re.search(r"https?://[^/]+(/\S+/password/reset/key/\S+/)", body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    action = form.redirect_chain[-1][0] if form.redirect_chain else link
    new_password = "Ett-nytt-lösenord-2026"
    done = client.post(action, {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    signed_in = Client()
    response = signed_in.post(reverse("account_login"), {"login": resident.email, "password": new_password})
    assert response.status_code == 302
    assert signed_in.get(reverse("home")).wsgi_request.user == resident
