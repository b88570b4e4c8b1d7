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


@pytest.mark.parametrize("path", ["home", "api", "redirect"])
def test_the_policy_header_is_the_one_django_csp_builds(path, client_for, world):
    """The portal's CSPMiddleware builds the policy once and puts each request's nonce in it: the header is
    still the library's, character for character, and a new nonce every request."""
    from csp.utils import build_policy

    url = {"home": reverse("home"), "api": "/api/v1/meetings/", "redirect": "/"}[path]
    client = client_for("coordinator" if path == "home" else "anonymous")
    first, second = client.get(url), client.get(url)
    nonces = []
    for response in (first, second):
        nonce = getattr(response.wsgi_request, "_csp_nonce", None)
        assert response["Content-Security-Policy"] == build_policy(nonce=nonce)
        nonces.append(nonce)
    if path == "home":  # the page runs its script with a nonce
        assert nonces[0] and nonces[1] and nonces[0] != nonces[1]
        assert f"'nonce-{nonces[1]}'" in second["Content-Security-Policy"]
        assert f'nonce="{nonces[1]}"' in second.content.decode()
    else:
        assert "nonce" not in first["Content-Security-Policy"]


def test_a_changed_policy_and_a_report_only_policy_are_sent_as_set(client, settings):
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    response = client.get("/api/v1/meetings/")
    assert set(response["Content-Security-Policy"].split("; ")) == {
        "default-src 'self'",
        "img-src 'self' data:",
    }
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'none'"


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
