"""What an IT security review tries first: the response headers, a POST without its CSRF token on every
URL of the portal, `next=` that points off the site. (The database cutting the connections:
tests/integration/test_database_restart.py.)"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.test_permission_matrix import EXPECTATIONS

pytestmark = pytest.mark.django_db


def test_every_page_carries_the_security_headers(client_for, world):
    for role in ("anonymous", "coordinator"):
        response = client_for(role).get(reverse("home"))
        policy = response["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert "script-src 'self'" in policy  # and a nonce on the pages that run a script
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url_name", sorted(EXPECTATIONS))
def test_every_post_needs_its_csrf_token(url_name, world):
    """Signed in as a coordinator (who may post the most), without the token: refused, nothing done."""
    kwargs, _expected = EXPECTATIONS[url_name]
    if callable(kwargs):
        kwargs = kwargs(world)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["people"]["coordinator"])
    response = client.post(reverse(url_name, kwargs=kwargs), {"title": "x", "text": "x"})
    assert response.status_code == 403, f"{url_name} accepted a POST without a CSRF token"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "https:evil.example", "/\\evil.example"]
)
def test_signing_in_never_sends_anyone_off_the_site(client, world, target):
    person = world["people"]["representative"]
    person.set_password("ett långt lösenord 2026")
    person.save()
    response = client.post(
        reverse("account_login") + f"?next={target}",
        {"login": person.email, "password": "ett långt lösenord 2026", "next": target},
    )
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith("//") and "evil.example" not in location
