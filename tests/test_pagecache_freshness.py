"""The page cache is never staler than its promise, against the real Redis and PostgreSQL: a bump Redis
refused is applied before the next stored page is served; writes that send no signal (`.update()`,
`bulk_create`, raw SQL, a nightly task) bump too; and a page read from a lagging replica is not stored."""

import contextlib
import datetime as dt

import pytest
import redis
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core import tasks
from core.models import Membership, PendingPageCacheBump
from core.plumbing import pagecache
from followup.models import Action, ActionStatus
from haninge_portal.db_router import PrimaryReplicaRouter, ReplicaReadsMiddleware
from tests.factories import ActionFactory, CycleFactory, MembershipFactory

pytestmark = pytest.mark.django_db

TITLE = "Romskt kulturarv i Brandbergen"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches[pagecache.CACHE_ALIAS].clear()
    yield
    with contextlib.suppress(Exception):
        caches[pagecache.CACHE_ALIAS].clear()


def version():
    return caches[pagecache.CACHE_ALIAS].get(pagecache.VERSION_KEY)


def refuse_bumps(monkeypatch, times: int) -> None:
    """Redis refuses the next `times` bumps, then answers again."""
    cache = caches[pagecache.CACHE_ALIAS]
    real = cache.incr
    left = [times]

    def incr(*args, **kwargs):
        if left[0]:
            left[0] -= 1
            raise redis.ConnectionError("Connection refused")
        return real(*args, **kwargs)

    monkeypatch.setattr(cache, "incr", incr)


@pytest.fixture
def public_action(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ActionFactory(
            cycle=CycleFactory(), title_sv=TITLE, status=ActionStatus.ONGOING, is_public=True
        )


def cached_register(client) -> str:
    """Open the register twice: the second is served from the cache. Returns the page."""
    url = reverse("followup:register")
    first = client.get(url)
    assert "X-Page-Cache" not in first
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit"
    return again.content.decode()


# --- A bump Redis refused -----------------------------------------------------------------------------


# A signed-in person's session read carries the check for a pending bump (core.sessions); a visitor's
# request asks it on its own. Both see the page fresh.
WHO = ["anonymous", "resident"]


@pytest.mark.parametrize("role", WHO)
def test_a_bump_redis_refused_is_applied_before_the_next_page_is_served(
    role, client_for, world, public_action, django_capture_on_commit_callbacks, monkeypatch
):
    visitor = client_for(role)
    assert TITLE in cached_register(visitor)

    refuse_bumps(monkeypatch, times=1)
    with django_capture_on_commit_callbacks(execute=True):
        public_action.is_public = False
        public_action.save()
    assert PendingPageCacheBump.objects.get().failures == 1

    # Redis answers again: the page is fresh, the waiting bump is applied and cleared, and caching goes on.
    page = visitor.get(reverse("followup:register"))
    assert "X-Page-Cache" not in page and TITLE not in page.content.decode()
    assert not PendingPageCacheBump.objects.exists()
    assert visitor.get(reverse("followup:register"))["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("role", WHO)
def test_while_redis_still_refuses_the_bump_pages_are_rendered_afresh_and_not_stored(
    role, client_for, world, public_action, django_capture_on_commit_callbacks, monkeypatch
):
    visitor = client_for(role)
    url = reverse("followup:register")
    assert TITLE in cached_register(visitor)

    # The write's bump, and the attempts of the next two pages.
    refuse_bumps(monkeypatch, times=3)
    with django_capture_on_commit_callbacks(execute=True):
        Action.objects.filter(pk=public_action.pk).update(is_public=False)
    for _ in range(2):
        page = visitor.get(url)
        assert "X-Page-Cache" not in page and TITLE not in page.content.decode()
    assert PendingPageCacheBump.objects.get().failures == 1

    assert "X-Page-Cache" not in visitor.get(url)
    assert not PendingPageCacheBump.objects.exists()
    assert visitor.get(url)["X-Page-Cache"] == "hit"


def test_a_bump_refused_after_the_session_was_read_is_not_missed(client_for, world, monkeypatch):
    """The session read carries whether a bump is pending; a bump refused later in the same request (a write
    on the way to the page) makes the request ask again."""
    client = client_for("resident")
    request = RequestFactory().get("/")
    session = client.session
    assert isinstance(session, SessionBase)
    session.load()  # the request's session read: nothing pending
    request.session = session
    assert pagecache._pending_bump(request) is None

    refuse_bumps(monkeypatch, times=2)
    pagecache.bump()  # this write's bump is refused and written down
    # Asked again, not taken from the session read: Redis still refuses, so no stored page may be served.
    assert pagecache._apply_pending_bumps(request) is False
    assert pagecache._apply_pending_bumps(request) is True
    assert not PendingPageCacheBump.objects.exists()


def test_refused_bumps_count_on_one_row_and_one_refused_meanwhile_is_kept(monkeypatch):
    refuse_bumps(monkeypatch, times=2)
    pagecache.bump()
    pagecache.bump()
    pending = PendingPageCacheBump.objects.get()
    assert pending.failures == 2

    # A bump refused while the pending ones are applied changes the marker: the row stays for the next page.
    def refused_meanwhile():
        refuse_bumps(monkeypatch, times=1)
        pagecache.bump()

    monkeypatch.setattr(pagecache, "_increment", refused_meanwhile)
    assert pagecache._apply_pending_bumps() is True
    assert PendingPageCacheBump.objects.get().failures == 3
    monkeypatch.undo()
    assert pagecache._apply_pending_bumps() is True
    assert not PendingPageCacheBump.objects.exists()


# --- Writes that send no signal -----------------------------------------------------------------------


def update(action):
    Action.objects.filter(pk=action.pk).update(title_sv="Romskt kulturarv i Jordbro")


def bulk_create(action):
    Action.objects.bulk_create(
        [
            Action(
                cycle=action.cycle,
                department=action.department,
                title="Sverigefinska böcker i Handen",
                title_sv="Sverigefinska böcker i Handen",
                status=ActionStatus.ONGOING,
                is_public=True,
            )
        ]
    )


def raw_sql(action):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE followup_action SET is_public = false WHERE id = %s", [action.pk])


def queryset_delete(action):
    Action.objects.filter(pk=action.pk).delete()


@pytest.mark.parametrize("write", [update, bulk_create, raw_sql, queryset_delete])
def test_a_write_outside_a_request_that_sends_no_signal_makes_the_next_page_fresh(
    write, client_for, world, public_action, django_capture_on_commit_callbacks
):
    visitor = client_for("anonymous")
    before = cached_register(visitor)
    with django_capture_on_commit_callbacks(execute=True):
        write(public_action)
    page = visitor.get(reverse("followup:register"))
    assert "X-Page-Cache" not in page and page.content.decode() != before


def test_opening_pages_writes_nothing_that_bumps(client_for, world, django_capture_on_commit_callbacks):
    """The hook must not take the writes a page view makes (session, access log) for changes of data."""
    pages = [
        reverse("home"),
        reverse("followup:register"),
        reverse("followup:dashboard"),
        reverse("search:results"),
    ]
    for role in ("anonymous", "representative", "coordinator"):
        client = client_for(role)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            shown = [url for url in pages if client.get(url).status_code == 200]
            served = [client.get(url) for url in shown]
        assert not [cb for cb in callbacks if isinstance(cb, pagecache._BumpAfterCommit)], role
        assert len(shown) >= 3 and [page.get("X-Page-Cache") for page in served] == ["hit"] * len(shown), role


@pytest.mark.django_db(transaction=True)
def test_a_write_bumps_when_its_transaction_commits_and_at_once_in_autocommit():
    pagecache.bump()
    start = version()
    action = ActionFactory(cycle=CycleFactory())  # autocommit: each statement is committed, and bumps
    assert version() > start

    before = version()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE followup_action SET progress = 90 WHERE id = %s", [action.pk])
        Action.objects.filter(pk=action.pk).update(progress=95)
        assert version() == before  # not committed yet: a page rendered now is still the old one
    assert version() == before + 1  # one bump for the whole transaction

    with contextlib.suppress(RuntimeError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(progress=99)
        raise RuntimeError("rolled back")
    assert version() == before + 1


@pytest.mark.django_db(transaction=True)
def test_the_nightly_pseudonymisation_bumps_and_a_night_with_nothing_to_do_does_not():
    long_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    membership = MembershipFactory(starts_on=long_ago - dt.timedelta(days=365), ends_on=long_ago)
    pagecache.bump()
    before = version()
    assert tasks.apply_retention()["memberships"] == 1
    assert Membership.objects.get(pk=membership.pk).user is None
    assert version() > before

    # Only the outbox and sessions are cleaned: tables that change no page.
    quiet = version()
    assert tasks.apply_retention()["memberships"] == 0
    assert version() == quiet


def test_every_new_database_connection_watches_writes_once():
    extra = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        extra.ensure_connection()
        extra.close()
        extra.ensure_connection()  # a reconnection (CONN_MAX_AGE, a Celery worker's next task)
        assert extra.execute_wrappers.count(pagecache._watch_writes) == 1
    finally:
        extra.close()


@pytest.mark.parametrize(
    ("sql", "bumps"),
    [
        ('SELECT "followup_action"."id" FROM "followup_action" FOR UPDATE', False),
        ('INSERT INTO "followup_action" ("title") VALUES (%s), (%s)', True),
        ('UPDATE "followup_action" SET "progress" = %s', True),
        ('DELETE FROM "followup_action" WHERE "id" IN (%s)', True),
        ("update public.followup_action set progress = 1", True),
        ("/* nightly; clean */ delete from followup_action", True),
        ("SELECT 1; UPDATE followup_action SET progress = 1", True),
        ("WITH gone AS (DELETE FROM followup_action RETURNING id) SELECT count(*) FROM gone", True),
        ("WITH x AS (SELECT id FROM followup_action) SELECT * FROM x FOR UPDATE", False),
        ('TRUNCATE "django_session", "followup_action" RESTART IDENTITY CASCADE', True),
        (
            "MERGE INTO followup_action a USING x ON a.id = x.id WHEN MATCHED THEN UPDATE SET progress = 1",
            True,
        ),
        ("COPY followup_action (id, title) FROM STDIN", True),
        ("COPY (SELECT * FROM followup_action) TO STDOUT", False),
        ("CALL refresh_everything()", True),
        ('SAVEPOINT "s1_x1"', False),
        # Tables that change no page, and the pending bump itself (its upsert must not bump again).
        ('UPDATE "django_session" SET "expire_date" = %s WHERE "session_key" = %s', False),
        ('INSERT INTO "core_accesslogentry" ("path") VALUES (%s)', False),
        ('DELETE FROM "core_outgoingmail" WHERE "sent_at" < %s', False),
        ('TRUNCATE "django_session"', False),
        (
            "INSERT INTO core_pendingpagecachebump (id, failures) VALUES (1, 1) ON CONFLICT (id) "
            "DO UPDATE SET failures = core_pendingpagecachebump.failures + 1",
            False,
        ),
    ],
)
def test_which_statements_bump(sql, bumps):
    assert pagecache.changes_pages(sql) is bumps


# --- A read replica -----------------------------------------------------------------------------------


def test_a_page_read_from_a_lagging_replica_is_not_stored(client_for, world, public_action, monkeypatch):
    """The replica mirrors the primary in tests: its lag is simulated where its position is read."""
    monkeypatch.setattr(pagecache, "_reads_from", lambda: "replica")
    needed = []
    primary_position, replayed_position = pagecache._primary_position, pagecache._replayed_position
    monkeypatch.setattr(
        pagecache, "_primary_position", lambda: needed.append(primary_position()) or needed[-1]
    )
    visitor = client_for("anonymous")
    url = reverse("followup:register")

    # One byte short of the primary's position taken after the version was read.
    monkeypatch.setattr(pagecache, "_replayed_position", lambda alias: needed[-1] - 1)
    assert "X-Page-Cache" not in visitor.get(url)
    assert "X-Page-Cache" not in visitor.get(url)  # it was not stored
    # The real positions, from PostgreSQL: a database that replays no log (the primary) is no standby.
    assert needed[0] > 0 and replayed_position(DEFAULT_DB_ALIAS) is None

    monkeypatch.setattr(pagecache, "_replayed_position", lambda alias: needed[-1])
    assert "X-Page-Cache" not in visitor.get(url)
    assert visitor.get(url)["X-Page-Cache"] == "hit"


def test_the_replica_rule_follows_the_router(settings):
    settings.DATABASE_ROUTERS = [PrimaryReplicaRouter()]
    seen = {}

    def view(request):
        seen[request.method] = pagecache._reads_from()
        return HttpResponse("ok")

    ReplicaReadsMiddleware(view)(RequestFactory().get("/sv/followup/"))
    ReplicaReadsMiddleware(view)(RequestFactory().post("/sv/followup/"))
    assert seen == {"GET": "replica", "POST": DEFAULT_DB_ALIAS}
    assert pagecache._reads_from() == DEFAULT_DB_ALIAS  # outside a request: the primary, always current
