"""Small middleware the portal needs beyond Django's own."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
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
