"""Timing (WCAG 2.2.1): people are warned before their session ends, and a form sent after it ended is kept.

A session ends SESSION_COOKIE_AGE after the last activity (IdleSessionMiddleware) and, however active,
SESSION_ABSOLUTE_SECONDS after signing in (AbsoluteSessionLifetimeMiddleware). Pages tell the script
static/js/session-timeout.js both times (data attributes on <body>, `body_attributes`); it warns
SESSION_WARNING_SECONDS before the idle end with a button that calls `keep_alive` (core/views/session.py),
and says at the absolute end that it cannot be extended.

A form posted after the session ended is sent to sign in. `KeepPostAcrossSignInMiddleware` keeps what was
posted (no files, passwords or CSRF token) in the new visitor's session for SESSION_KEPT_POST_SECONDS, and
after signing in, `RestoreKeptPostMixin` puts it back into the same form on the same path for the person
to review and send. It is restored only to the person whose session ended: a signed cookie names who was
signed in in this browser (never across people), and it is taken once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import resolve_url
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

KEPT_POST = "kept_post"
OWNER_COOKIE = "signed_in_here"
OWNER_SALT = "core.session_timing.owner"
# Fields never kept: the CSRF token is the old session's, and passwords are never stored.
NEVER_KEPT = ("csrfmiddlewaretoken",)
NEVER_KEPT_PARTS = ("password", "token", "otp", "code")
# A kept form larger than this is not kept (the session is not a file store).
KEPT_POST_MAX_CHARS = 100_000


def warning_seconds() -> int:
    return getattr(settings, "SESSION_WARNING_SECONDS", 5 * 60)


def kept_post_seconds() -> int:
    return getattr(settings, "SESSION_KEPT_POST_SECONDS", 30 * 60)


def expiry_times(request: HttpRequest) -> dict[str, int] | None:
    """When the signed-in session ends if left idle, and when it ends whatever happens (Unix seconds)."""
    from core.auth import SIGNED_IN_AT

    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    if session is None or user is None or not user.is_authenticated:
        return None
    now = int(time.time())
    # The idle limit counts from the last refresh (at most a minute old), never later than the server's.
    refreshed_at = session.get("refreshed_at") or now
    idle = int(refreshed_at) + settings.SESSION_COOKIE_AGE
    signed_in_at = session.get(SIGNED_IN_AT)
    absolute = (
        int(signed_in_at) if isinstance(signed_in_at, int) else now
    ) + settings.SESSION_ABSOLUTE_SECONDS
    return {"idle": min(idle, absolute), "absolute": absolute, "now": now}


def body_attributes(request: HttpRequest) -> SafeString:
    """The data attributes of <body> that tell the warning script the session's times (signed in only)."""
    from django.urls import reverse

    times = expiry_times(request)
    if times is None:
        return SafeString("")
    attributes = {
        "data-session-idle-ends": times["idle"],
        "data-session-absolute-ends": times["absolute"],
        "data-session-server-now": times["now"],
        "data-session-warn-seconds": warning_seconds(),
        "data-session-keep-alive-url": reverse("core:session_keep_alive"),
        # A page from the page cache may be minutes old: the script then reads the server's clock here.
        "data-session-clock-url": reverse("health"),
    }
    return format_html_join("", ' {}="{}"', attributes.items())


def refresh(request: HttpRequest) -> dict[str, int]:
    """Push the idle end forward now (the session is saved with a new expiry)."""
    request.session["refreshed_at"] = int(time.time())
    request.session.modified = True
    return expiry_times(request) or {}


# --- Keeping a posted form across a new sign-in ------------------------------------------------


def _owner_of(request: HttpRequest) -> str | None:
    """Who was last signed in in this browser, from the signed cookie (None if unknown or too old)."""
    value = request.COOKIES.get(OWNER_COOKIE)
    if not value:
        return None
    try:
        return signing.loads(
            value, salt=OWNER_SALT, max_age=settings.SESSION_ABSOLUTE_SECONDS + settings.SESSION_COOKIE_AGE
        )
    except signing.BadSignature:
        return None


def _is_kept(name: str) -> bool:
    lowered = name.lower()
    return name not in NEVER_KEPT and not any(part in lowered for part in NEVER_KEPT_PARTS)


def _sent_to_sign_in(response: HttpResponse) -> bool:
    if response.status_code not in (301, 302, 303) or "Location" not in response:
        return False
    return urlsplit(response["Location"]).path == urlsplit(resolve_url(settings.LOGIN_URL)).path


def keep_post(request: HttpRequest, owner: str) -> bool:
    """Keep the posted fields of a visitor sent to sign in, for the same path and person, briefly."""
    fields = {name: request.POST.getlist(name) for name in request.POST if _is_kept(name)}
    if not fields or sum(len(v) for values in fields.values() for v in values) > KEPT_POST_MAX_CHARS:
        return False
    request.session[KEPT_POST] = {
        "path": request.path,
        "owner": owner,
        "at": int(time.time()),
        "fields": fields,
    }
    return True


def take_kept_post(request: HttpRequest) -> QueryDict | None:
    """The form kept for this path and person, taken once; None when there is none or it is not theirs."""
    session = getattr(request, "session", None)
    if session is None or KEPT_POST not in session:
        return None
    kept = session.get(KEPT_POST) or {}
    user = request.user
    if not user.is_authenticated or kept.get("path") != request.path:
        return None
    del session[KEPT_POST]
    if kept.get("owner") != str(user.pk) or time.time() - kept.get("at", 0) > kept_post_seconds():
        return None
    data = QueryDict(mutable=True)
    for name, values in kept.get("fields", {}).items():
        data.setlist(name, values)
    return data


class KeepPostAcrossSignInMiddleware:
    """Keep a form posted by someone whose session has ended; remember who is signed in in this browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        owner = _owner_of(request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None:
            return response
        if user.is_authenticated:
            if owner != str(user.pk):
                response.set_cookie(
                    OWNER_COOKIE,
                    signing.dumps(str(user.pk), salt=OWNER_SALT),
                    max_age=settings.SESSION_ABSOLUTE_SECONDS + settings.SESSION_COOKIE_AGE,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        elif request.method == "POST" and owner and _sent_to_sign_in(response):
            keep_post(request, owner)
        return response


if TYPE_CHECKING:
    from django.views.generic import FormView

    # The mixin below is mixed into a FormView: mypy reads it as one, Python as a plain mixin.
    _FormView = FormView
else:
    _FormView = object


class RestoreKeptPostMixin(_FormView):
    """For a FormView: after signing in again, the form kept from the ended session is shown again, unsent."""

    def get_initial(self) -> dict:
        initial = super().get_initial()
        if self.request.method != "GET":
            return initial
        kept = take_kept_post(self.request)
        if kept is None:
            return initial
        form_class = self.get_form_class()
        for name, field in form_class.base_fields.items():
            if name not in kept:
                continue
            values = kept.getlist(name)
            multiple = getattr(field.widget, "allow_multiple_selected", False)
            initial[name] = values if multiple else values[-1]
        messages.info(
            self.request,
            gettext(
                "You were signed out before the form was sent. What you wrote has been kept: "
                "check it and send it again."
            ),
        )
        return initial
