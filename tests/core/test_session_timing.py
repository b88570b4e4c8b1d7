"""Timing (WCAG 2.2.1): signed-in pages tell the warning script when the session ends, "Stay signed in"
extends it, and a form sent after the session ended is kept for its writer across a new sign-in, shown
again unsent; never for someone else, never for long, never with a password or CSRF token."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from core.auth import SIGNED_IN_AT
from core.models import Session
from core.session_timing import KEPT_POST, OWNER_COOKIE
from proposals.models import Proposal

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # tests/factories.py UserFactory


def test_signed_in_pages_tell_when_the_session_ends_and_visitors_pages_do_not(client_for, world):
    page = client_for("representative").get(reverse("proposals:mine")).content.decode()
    body = page.split("<body", 1)[1].split(">", 1)[0]
    idle = int(body.split('data-session-idle-ends="')[1].split('"')[0])
    absolute = int(body.split('data-session-absolute-ends="')[1].split('"')[0])
    assert abs(idle - (time.time() + settings.SESSION_COOKIE_AGE)) < 120
    assert abs(absolute - (time.time() + settings.SESSION_ABSOLUTE_SECONDS)) < 120
    assert f'data-session-keep-alive-url="{reverse("core:session_keep_alive")}"' in body
    assert 'role="alertdialog"' in page and "js/session-timeout.js" in page
    visitor = client_for("anonymous").get(reverse("home")).content.decode()
    assert "data-session-idle-ends" not in visitor and "session-timeout" not in visitor


def test_staying_signed_in_pushes_the_idle_end_forward_but_not_the_absolute_end(client_for, world):
    client = client_for("representative")
    session = client.session
    session["refreshed_at"] = int(time.time()) - 3000
    session[SIGNED_IN_AT] = int(time.time()) - 3600
    session.save()
    before = Session.objects.get(session_key=session.session_key).expire_date
    response = client.post(reverse("core:session_keep_alive"))
    assert response.status_code == 200
    data = response.json()
    assert abs(data["idle_ends"] - (time.time() + settings.SESSION_COOKIE_AGE)) < 5
    assert data["absolute_ends"] == client.session[SIGNED_IN_AT] + settings.SESSION_ABSOLUTE_SECONDS
    assert Session.objects.get(session_key=session.session_key).expire_date > before
    assert response["Cache-Control"].startswith("max-age=0")
    # Near the absolute end, the idle end is no later than it.
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - settings.SESSION_ABSOLUTE_SECONDS + 60
    session.save()
    data = client.get(reverse("core:session_keep_alive")).json()
    assert data["idle_ends"] == data["absolute_ends"]


def test_a_visitor_cannot_keep_a_session_alive(client_for, world):
    response = client_for("anonymous").post(reverse("core:session_keep_alive"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


PROPOSAL = {
    "title": "Finskspråkig förskola i Jordbro",
    "description": "Det finns sex barn som väntar på en plats.",
    "why_it_matters": "Barnen har rätt till förskola på finska.",
    "language": "sv",
}


def end_the_session(client) -> None:
    """What two hours idle does: the session is gone from the store, the browser still sends its cookie."""
    Session.objects.filter(session_key=client.session.session_key).delete()


def sign_in(client, user, next_url: str):
    return client.post(
        f"{reverse('account_login')}?next={next_url}",
        {"login": user.email, "password": PASSWORD, "next": next_url},
        follow=True,
    )


def test_a_proposal_sent_after_the_session_ended_is_back_in_the_form_after_signing_in(client_for, world):
    representative = world["people"]["representative"]
    client = client_for("representative")
    url = reverse("proposals:propose")
    assert client.get(url).status_code == 200  # the browser now knows who is signed in here
    assert OWNER_COOKIE in client.cookies
    end_the_session(client)

    data = {**PROPOSAL, "forum": world["forums"]["finnish_dialogue"].pk, "csrfmiddlewaretoken": "old"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    kept = client.session[KEPT_POST]
    assert kept["path"] == url and "csrfmiddlewaretoken" not in kept["fields"]

    response = sign_in(client, representative, url)
    assert response.wsgi_request.user == representative
    assert response.request["PATH_INFO"] == url
    page = response.content.decode()
    assert PROPOSAL["description"] in page and f'value="{PROPOSAL["title"]}"' in page
    assert 'class="ds-alert"' in page  # the page says why the form is filled in
    assert not Proposal.objects.exists()  # kept for review, not sent
    assert KEPT_POST not in client.session
    # Taken once: the next visit shows an empty form.
    assert PROPOSAL["description"] not in client.get(url).content.decode()


def test_a_kept_form_is_never_shown_to_someone_else_signing_in_on_the_same_browser(client_for, world):
    client = client_for("representative")
    url = reverse("proposals:propose")
    client.get(url)
    end_the_session(client)
    client.post(url, {**PROPOSAL, "forum": world["forums"]["finnish_dialogue"].pk})
    response = sign_in(client, world["people"]["politician"], url)
    assert response.wsgi_request.user == world["people"]["politician"]
    assert PROPOSAL["description"] not in response.content.decode()
    assert KEPT_POST not in client.session


def test_a_kept_form_expires_and_never_holds_passwords(client_for, world):
    representative = world["people"]["representative"]
    client = client_for("representative")
    url = reverse("proposals:propose")
    client.get(url)
    end_the_session(client)
    client.post(url, {**PROPOSAL, "password": "secret", "new_password1": "x"})
    session = client.session
    assert set(session[KEPT_POST]["fields"]) == set(PROPOSAL)
    session[KEPT_POST]["at"] -= settings.SESSION_KEPT_POST_SECONDS + 1
    session.save()
    response = sign_in(client, representative, url)
    assert response.wsgi_request.user == representative
    assert PROPOSAL["description"] not in response.content.decode()


def test_a_form_from_a_browser_nobody_signed_in_on_is_not_kept(client_for, world):
    client = client_for("anonymous")
    response = client.post(reverse("proposals:propose"), PROPOSAL)
    assert response.status_code == 302
    assert KEPT_POST not in client.session
