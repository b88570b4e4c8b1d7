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
            "BACKEND": "core.plumbing.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    response = client_for("politician").get(reverse("followup:dashboard"))
    assert response.status_code == 200 and "X-Page-Cache" not in response


def test_a_forums_public_feed_is_kept_for_every_subscriber_until_a_meeting_changes(
    client_for, world, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from icalendar import Calendar

    from tests.factories import MeetingFactory

    forum = world["forums"]["consultation"]
    url = reverse("core:forum_feed", kwargs={"slug": forum.slug})

    def summaries(response) -> set[str]:
        return {str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}

    first = client_for("anonymous").get(url)
    assert any(world["meetings"]["consultation"].title in summary for summary in summaries(first))
    # Another subscriber gets the same calendar without its meetings being read again: the forum (the
    # access check, on every request) and the check for bumps Redis refused.
    with django_assert_num_queries(2):
        again = client_for("anonymous").get(url)
    assert again.content == first.content and again["Content-Disposition"] == first["Content-Disposition"]

    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory(forum=forum, title="Samråd om modersmålsundervisning")
    assert any("Samråd om modersmålsundervisning" in s for s in summaries(client_for("anonymous").get(url)))

    # A forum that stops being public stops being served at once, kept entry or not.
    with django_capture_on_commit_callbacks(execute=True):
        forum.is_public = False
        forum.save()
    assert client_for("anonymous").get(url).status_code == 404


def test_the_translation_queue_is_kept_per_session_and_fresh_after_a_text_changes(
    client_for, world, django_capture_on_commit_callbacks
):
    from pages.models import VersionStatus
    from tests.pages.factories import published_page

    with django_capture_on_commit_callbacks(execute=True):
        page = published_page("sverigefinnar", fi=("Sverigefinnarnas rättigheter", "Oikeutesi."))
    client = client_for("coordinator")
    url = reverse("pages:queue_in", args=["fi"])
    first = client.get(url)
    assert first.status_code == 200 and "X-Page-Cache" not in first
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Another coordinator's session has its own page.
    assert "X-Page-Cache" not in client_for("administrator").get(url)

    version = page.version_in("fi")
    with django_capture_on_commit_callbacks(execute=True):
        version.status = VersionStatus.REVIEW
        version.save()
    assert "X-Page-Cache" not in client.get(url)


def test_a_page_from_the_cache_reads_only_what_the_access_rule_needs_and_the_rule_still_decides(
    client_for, world, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """An action's page and a proposal's page held by the cache are served after their access rules ran on
    the object's own row (core.views.access: get_hit_queryset), not on the page's twelve relations."""
    from core.models import Membership
    from followup.models import Action
    from proposals.models import Proposal

    with django_capture_on_commit_callbacks(execute=True):
        action = ActionFactory(cycle=CycleFactory(), title_sv="Språkcafé", is_public=True)
        proposal = Proposal.objects.create(
            forum=world["forums"]["finnish_dialogue"],
            proposer=world["people"]["admin_contact"],
            title="Finskspråkig förskola i Handen",
            description="Fler platser på finska.",
        )
    resident, representative = client_for("resident"), client_for("representative")
    for client, url in ((resident, action.get_absolute_url()), (representative, proposal.get_absolute_url())):
        first = client.get(url)
        assert first.status_code == 200 and "X-Page-Cache" not in first
    # The session with its person and the check for a bump Redis refused (core.sessions), and the action's row.
    with django_assert_num_queries(2) as hit:
        assert resident.get(action.get_absolute_url())["X-Page-Cache"] == "hit"
    (read,) = [q["sql"] for q in hit.captured_queries if '"followup_action"' in q["sql"]]
    assert "JOIN" not in read
    # The same, with the proposal's forum (the person's memberships for the rule came with the session).
    with django_assert_num_queries(2):
        assert representative.get(proposal.get_absolute_url())["X-Page-Cache"] == "hit"

    # A meeting: its row with its forum's, what the rule judges by alone; the person's ties came with the session.
    meeting = world["meetings"]["finnish"]
    assert representative.get(meeting.get_absolute_url()).status_code == 200
    with django_assert_num_queries(2) as hit:
        assert representative.get(meeting.get_absolute_url())["X-Page-Cache"] == "hit"
    (read,) = [q["sql"] for q in hit.captured_queries if '"core_meeting"' in q["sql"]]
    assert '"core_meeting"."title' not in read and '"core_forum"."name' not in read
    assert ['"core_session"' in q["sql"] and '"core_membership"' in q["sql"] for q in hit.captured_queries][
        :1
    ] == [True]

    # Access taken away without a bump reaching the cache (the test's transaction never commits): the rules,
    # run on every request, refuse at once although the pages are still held.
    Action.objects.filter(pk=action.pk).update(is_public=False)
    Membership.objects.filter(user=world["people"]["representative"]).delete()
    assert resident.get(action.get_absolute_url()).status_code == 404
    assert representative.get(proposal.get_absolute_url()).status_code == 404
    assert representative.get(meeting.get_absolute_url()).status_code == 404
