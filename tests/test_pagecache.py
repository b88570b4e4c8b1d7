"""The page cache (core/plumbing/pagecache.py) against the real Redis: a page is served again from the cache, and
nobody sees a stale page after a change, the person who made it least of all; each session sees only its
own pages; a waiting message is never lost; a page is still served when Redis is down."""

import contextlib
import re

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.plumbing import pagecache
from followup.models import ActionStatus
from tests.factories import ActionFactory, CycleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches[pagecache.CACHE_ALIAS].clear()
    yield
    with contextlib.suppress(Exception):  # the test that stops Redis points the cache at a closed port
        caches[pagecache.CACHE_ALIAS].clear()


def without_nonces(response) -> str:
    return re.sub(r'nonce="[^"]*"', 'nonce=""', response.content.decode())


def test_the_register_is_served_from_the_cache_until_an_action_changes(
    client_for, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action = ActionFactory(
            cycle=CycleFactory(), title_sv="Språkcafé på meänkieli", status=ActionStatus.ONGOING
        )
    client = client_for("coordinator")
    url = reverse("followup:register")
    first = client.get(url)
    assert "Språkcafé på meänkieli" in first.content.decode() and "X-Page-Cache" not in first
    again = client.get(url)
    # The same page, but for the request's own CSP nonce.
    assert again["X-Page-Cache"] == "hit" and without_nonces(again) == without_nonces(first)
    assert f'nonce="{again.wsgi_request.csp_nonce}"' in again.content.decode()

    # A change anywhere, once committed, makes the next page fresh.
    with django_capture_on_commit_callbacks(execute=True):
        action.title_sv = "Språkcafé på meänkieli i Handen"
        action.save()
    fresh = client.get(url)
    assert "X-Page-Cache" not in fresh and "Språkcafé på meänkieli i Handen" in fresh.content.decode()


def test_the_person_who_writes_sees_the_new_figure_at_once(client_for, world):
    action = ActionFactory(
        cycle=CycleFactory(), department=world["department"], status=ActionStatus.ONGOING, progress=10
    )
    client = client_for("coordinator")
    page = reverse("followup:action_detail", kwargs={"pk": action.pk})
    register = reverse("followup:register")
    client.get(register)
    assert client.get(register)["X-Page-Cache"] == "hit"
    response = client.post(
        reverse("followup:action_update", kwargs={"pk": action.pk}),
        {
            "written_on": timezone.localdate().isoformat(),
            "text": "Klart till hälften",
            "status": ActionStatus.ONGOING,
            "progress": 55,
        },
    )
    assert response.status_code == 302 and response["Location"] == page
    after = client.get(register)
    assert "X-Page-Cache" not in after and 'data-progress="55"' in after.content.decode()


def test_each_session_sees_its_own_page(client_for, world):
    politician, coordinator = client_for("politician"), client_for("coordinator")
    url = reverse("home")
    politician.get(url)
    assert politician.get(url)["X-Page-Cache"] == "hit"
    page = coordinator.get(url)
    assert "X-Page-Cache" not in page
    assert world["people"]["coordinator"].get_short_name() in page.content.decode()
    assert world["people"]["politician"].get_short_name() not in page.content.decode()


def test_a_waiting_message_is_shown_not_a_cached_page(client_for, world):
    client = client_for("representative")
    url = reverse("home")
    client.get(url)
    client.post(reverse("core:calendar_feed_reset"))  # leaves a message for the next page
    page = client.get(url)
    assert "X-Page-Cache" not in page and 'class="ds-alert' in page.content.decode()


def test_a_stored_page_carries_the_nonce_of_the_request_that_reads_it():
    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

    cached = pagecache.cached_page(view)

    def get():
        from django.contrib.auth.models import AnonymousUser

        request = RequestFactory().get("/sv/x/")
        request.LANGUAGE_CODE = "sv"
        request.user = AnonymousUser()
        return request

    first_request = get()
    first_request.csp_nonce = first_request._csp_nonce = "first"
    assert cached(first_request).content == b'<script nonce="first">go()</script>'
    second_request = get()
    second_request.csp_nonce = "second"
    second = cached(second_request)
    assert second["X-Page-Cache"] == "hit" and second.content == b'<script nonce="second">go()</script>'


def test_pages_are_served_when_redis_is_down(client_for, world, settings):
    settings.CACHES = {
        **settings.CACHES,
        pagecache.CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    response = client_for("politician").get(reverse("followup:dashboard"))
    assert response.status_code == 200 and "X-Page-Cache" not in response
