"""Who is signed in (read with the session), and coordinators and administrators must sign in with a second
factor (an authenticator app), in this session."""

from collections.abc import Callable
from urllib.parse import urlencode

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthenticationMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from .auth import must_use_second_factor, passed_second_factor, record_enrolment
from .auth_backends import offered_user

__all__ = [
    "AuthenticationMiddleware",
    "RequireSecondFactorMiddleware",
    "SignInForAccessMiddleware",
    "get_user",
    "must_use_second_factor",
]


def get_user(request: HttpRequest):
    """django.contrib.auth.get_user, once per request, with the person the session read brought along.

    Django's own checks all run as before (the backend named in the session, the person still allowed to sign
    in, the session's hash of their password); only the person's row is not read a second time. The session
    store offers a person only as read in this request, and they are taken only if they are the one whose
    primary key the session's data holds (core.auth_backends.load_user).
    """
    if not hasattr(request, "_cached_user"):
        session = request.session
        session.get(SESSION_KEY)  # reads the session, and with it the person it is signed in as
        token = offered_user.set(getattr(session, "signed_in_person", None))
        try:
            request._cached_user = auth.get_user(request)  # type: ignore[attr-defined]
        finally:
            offered_user.reset(token)
    return request._cached_user  # type: ignore[attr-defined]


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    """Django's, with request.user read by get_user() above."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))  # type: ignore[assignment]


class SignInForAccessMiddleware:
    """A view that found a visitor may gain access by signing in (`NeedsSignIn`) sends them to sign in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from .views.access import NeedsSignIn

        if isinstance(exception, NeedsSignIn):
            return redirect_to_login(exception.next_url or request.get_full_path())
        return None


class RequireSecondFactorMiddleware:
    """A person whose role needs a second factor gets past only with a session that has passed one.

    Without an authenticator app they are sent to set one up (which proves the factor for this session);
    with one, a session made by any door without the code (a password alone) is signed out and sent to
    sign in again, where the code is asked for. The account pages stay open, so nobody is locked out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is None
            or not must_use_second_factor(user)
            or passed_second_factor(request, user)
            or request.path_info.startswith((settings.STATIC_URL, "/healthz"))
        ):
            return self.get_response(request)
        if is_mfa_enabled(user):
            # No page at all, the account pages included (recovery codes!), for a session without the code.
            logout(request)
            messages.warning(request, gettext("Sign in again with your password and your authenticator app."))
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")
        if self._is_open(request.path_info):
            response = self.get_response(request)
            if (
                request.method == "POST"
                and request.path_info == reverse("mfa_activate_totp")
                and is_mfa_enabled(user)
            ):
                record_enrolment(request, user)
            return response
        messages.warning(
            request,
            gettext("Your role requires two-step sign-in. Set up an authenticator app to continue."),
        )
        return redirect("mfa_activate_totp")

    @staticmethod
    def _is_open(path: str) -> bool:
        """The account pages (sign-out, re-authentication, the second factor itself) and static files."""
        account_pages = reverse("account_login").rsplit("/", 2)[0] + "/"
        return path.startswith((account_pages, settings.STATIC_URL, "/healthz"))
