"""What the reads on every request cost, as Django's ORM and Redis backend make them and as the portal does.

The reads a page from the page cache cannot do without: the session with the signed-in person, one query
(core/sessions.py; Django reads them in two), the person alone as a session saved before its person's column
was written reads them (core/auth_backends.py), the page cache's check for bumps Redis refused (core/plumbing/pagecache.py),
and the page cache's lookup in Redis (core/plumbing/redis_cache.py). Each is timed both ways, alternately,
after a warm-up; the figures are the mean per call in microseconds. Run it in the environment scripts/bench.sh
sets, on the bench data (`make bench-data`):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/haninge_bench REDIS_URL=redis://127.0.0.1:6379/7 \\
      DJANGO_DEBUG=false DJANGO_SECRET_KEY=x .venv/bin/python scripts/hot_reads.py
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CALLS = int(os.environ.get("HOT_READS_CALLS", 3000))
WARMUP = 200


def mean_microseconds(read) -> float:
    for _ in range(WARMUP):
        read()
    started = time.perf_counter()
    for _ in range(CALLS):
        read()
    return (time.perf_counter() - started) / CALLS * 1e6


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haninge_portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
    from django.utils import timezone

    from core.auth_backends import load_user
    from core.models import PendingPageCacheBump, Session, User
    from core.plumbing import pagecache
    from core.plumbing.redis_cache import RedisCache
    from core.sessions import SessionStore

    session = Session.objects.exclude(user_id=None).order_by("-expire_date").first()
    person = User.objects.filter(pk=session.user_id).first() if session is not None else None
    if session is None or person is None:
        sys.exit("No signed-in session in the database: run make bench-data and make bench first.")
    location = settings.CACHES["shared"].get("LOCATION")
    if not location:
        sys.exit("REDIS_URL is not set: the page cache's lookup needs Redis.")

    def orm_session():
        return Session.objects.get(session_key=session.session_key, expire_date__gt=timezone.now())

    def portal_session():
        return SessionStore(session.session_key)._get_session_from_db()

    def orm_person():
        return User._default_manager.get(pk=person.pk)

    def portal_person():
        return load_user(str(person.pk))

    def orm_bump_check():
        return PendingPageCacheBump.objects.filter(pk=1).values_list("marker", "failures", "since").first()

    caches = {
        "django": DjangoRedisCache(location, {"KEY_PREFIX": "hot-reads"}),
        "portal": RedisCache(location, {"KEY_PREFIX": "hot-reads"}),
    }
    for cache in caches.values():
        cache.set("page", (1, "x" * 12_000, "text/html"))

    rows = [
        ("the session and the signed-in person", lambda: (orm_session(), orm_person()), portal_session),
        ("the signed-in person alone", orm_person, portal_person),
        ("the check for bumps Redis refused", orm_bump_check, pagecache._apply_pending_bumps),
        (
            "a page cache lookup in Redis",
            lambda: caches["django"].get_many(["version", "page"]),
            lambda: caches["portal"].get_many(["version", "page"]),
        ),
    ]
    print(f"µs per call, mean of {CALLS} after {WARMUP} of warm-up")
    print("| read | Django's way | the portal's |")
    print("|---|---:|---:|")
    for name, django_way, portal_way in rows:
        # Alternately, twice each, so that drift in the machine's speed falls on both.
        first, second = mean_microseconds(django_way), mean_microseconds(portal_way)
        first = (first + mean_microseconds(django_way)) / 2
        second = (second + mean_microseconds(portal_way)) / 2
        print(f"| {name} | {first:.0f} | {second:.0f} |")
    for cache in caches.values():
        cache.delete("page")


if __name__ == "__main__":
    main()
