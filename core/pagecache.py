"""A cache of whole rendered pages in Redis, for the pages people open most, that nobody sees stale.

What a page shows depends on who asks, so a signed-in page is kept per session (its CSRF token and the
person's own links are in it); pages for visitors are shared when they carry no CSRF token. Every entry
is stamped with the data version it was rendered at. Any write bumps the version once it is committed
(a model saved or deleted anywhere, or any request that is not GET/HEAD/OPTIONS), so the next page after
a change, the changer's own first of all, is rendered afresh. Entries also end with the day and after
PAGE_CACHE_SECONDS, for what changes with time alone (overdue, upcoming).

Access checks still run on every request: the cache wraps the view's `get`, after the permission mixins.
The CSP nonce of a stored page is swapped for the new request's. A page with a message waiting (after a
form was sent) is never served from or stored in the cache. If Redis is down, pages are rendered as if
there were no cache.
"""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator

logger = logging.getLogger(__name__)

VERSION_KEY = "pages:data-version"
NONCE_MARK = "\ue010csp-nonce\ue011"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Rows written on the way that change no page: sessions, the mail outbox, reminders sent, task results.
IGNORED_MODELS = {
    "sessions.session",
    "core.outgoingmail",
    "core.accesslogentry",
    "followup.stalereminder",
    "django_celery_beat.periodictask",
    "django_celery_beat.periodictasks",
    "django_celery_beat.crontabschedule",
    "django_celery_beat.intervalschedule",
    "admin.logentry",
}


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def bump() -> None:
    """A new data version: every stored page becomes stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet, or evicted: start from a value no entry can carry
        cache.set(VERSION_KEY, time.time_ns(), None)
    except Exception:  # Redis down: nothing can be served from it either
        logger.warning("Could not bump the page cache version", exc_info=True)


def bump_after_commit() -> None:
    transaction.on_commit(bump)


def _on_write(sender, **kwargs) -> None:
    if sender._meta.label_lower not in IGNORED_MODELS and not sender.__name__.startswith("Historical"):
        bump_after_commit()


def connect_signals() -> None:
    post_save.connect(_on_write, dispatch_uid="pagecache-save")
    post_delete.connect(_on_write, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_write, dispatch_uid="pagecache-m2m")


class BumpOnWriteMiddleware:
    """A request that may have written anything (bulk updates send no signals) makes every page stale."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS and enabled():
            bump()
        return response


def _key(request) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        session_key = request.session.session_key
        if not session_key:
            return None
        scope = hashlib.sha256(session_key.encode()).hexdigest()[:32]
    else:
        scope = "visitor"
    hx = "hx" if request.headers.get("HX-Request") else "page"
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"pages:{scope}:{request.LANGUAGE_CODE}:{hx}:{timezone.localdate().isoformat()}:{path}"


def cached_page(view):
    """Decorate a view function (or a class-based view's `get`) whose page may be kept."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not enabled() or request.method not in {"GET", "HEAD"} or len(messages.get_messages(request)):
            return view(request, *args, **kwargs)
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        try:
            found = cache.get_many([VERSION_KEY, key])
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            return view(request, *args, **kwargs)
        version = found.get(VERSION_KEY)
        entry = found.get(key)
        if version is not None and entry is not None and entry[0] == version:
            return _from_entry(request, entry)
        if version is None:
            bump()
            version = cache.get(VERSION_KEY)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if version is not None and _may_keep(request, response):
            _store(request, response, key, version)
        return response

    return wrapper


def _may_keep(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Disposition") or "no-store" in response.get("Cache-Control", ""):
        return False
    user = getattr(request, "user", None)
    shared = user is None or not user.is_authenticated
    # A visitor's page with a CSRF token is theirs alone; it is not shared with other visitors.
    return not (shared and request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _store(request, response, key: str, version: int) -> None:
    content = response.content.decode(response.charset)
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str):
        content = content.replace(nonce, NONCE_MARK)
    entry = (version, content, response["Content-Type"])
    try:
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Could not store a page in the cache", exc_info=True)


def _from_entry(request, entry) -> HttpResponse:
    _version, content, content_type = entry
    if NONCE_MARK in content:
        content = content.replace(NONCE_MARK, str(request.csp_nonce))
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = "hit"
    return response


cached_get = method_decorator(cached_page, name="get")
