"""Small middleware the portal needs beyond Django's own."""

import functools
import time
from collections.abc import Callable

import csp.middleware
from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext


class PermissionsPolicyMiddleware:
    """Tell browsers that the portal never uses the camera, microphone, location and the like."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# What a view may set on its response to change the policy (django-csp's decorators); with any of them, or
# anything else out of the ordinary, the library's own middleware builds the header.
_PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt",
    "_csp_exempt_ro",
)
_NONCE = "csp-nonce-placeholder"


@functools.cache
def _policy(with_nonce: bool) -> str:
    """The policy as django-csp builds it from the settings, once per process, with a placeholder where the
    request's nonce goes."""
    return build_policy(nonce=_NONCE if with_nonce else None)


@receiver(setting_changed)
def _forget_policies(setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policy.cache_clear()


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, but the policy text is built once per process and only the request's nonce
    is put into it: building it from the settings took 60–200 µs of every response (scripts/middleware_cost.py).
    The headers are the library's, character for character (tests/test_security.py)."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if (
            settings.DEBUG
            or any(getattr(response, name, None) is not None for name in _PER_RESPONSE)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or (settings.CONTENT_SECURITY_POLICY or {}).get("EXCLUDE_URL_PREFIXES")
        ):
            return super().process_response(request, response)
        nonce = getattr(request, "_csp_nonce", None)
        policy = _policy(nonce is not None)
        if policy and HEADER not in response:
            response[HEADER] = policy.replace(_NONCE, nonce) if nonce is not None else policy
        if nonce is None:
            # As the library does: a nonce asked for after the header is written is an error, not a gap.
            request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response


class RememberLanguageMiddleware:
    """Remember the language of the last page visited, so that `/` opens in the person's choice."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE or 60 * 60 * 24 * 365,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=False,
                samesite="Lax",
            )
        return response


class IdleSessionMiddleware:
    """End a session after SESSION_COOKIE_AGE of inactivity without writing the session on every request.

    The expiry is pushed forward at most once a minute, which keeps the idle limit exact to the minute.
    """

    REFRESH_SECONDS = 60

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            now = int(time.time())
            if now - session.get("refreshed_at", 0) >= self.REFRESH_SECONDS:
                session["refreshed_at"] = now
        return self.get_response(request)


class AbsoluteSessionLifetimeMiddleware:
    """End a session SESSION_ABSOLUTE_SECONDS after signing in, however active it has been since.

    A session without the time it was signed in (core/auth.py records it at every sign-in) predates the
    rule and ends too. The request then goes on as a visitor's, so a page that needs signing in asks for it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.get("_auth_user_id"):
            from core.auth import SIGNED_IN_AT

            signed_in_at = session.get(SIGNED_IN_AT)
            if (
                not isinstance(signed_in_at, int)
                or time.time() - signed_in_at > settings.SESSION_ABSOLUTE_SECONDS
            ):
                logout(request)
                messages.info(request, gettext("Your session has ended. Sign in again to go on."))
        return self.get_response(request)
