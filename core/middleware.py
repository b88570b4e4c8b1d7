"""Coordinators and administrators must sign in with a second factor (an authenticator app)."""

from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

SESSION_FLAG = "second_factor_checked"


def must_use_second_factor(user) -> bool:
    """Whether the person's role requires a second factor (MFA_REQUIRED_FOR; "administrator" covers staff)."""
    if not user.is_authenticated:
        return False
    required = settings.MFA_REQUIRED_FOR
    return bool(
        user.role in required or ("administrator" in required and (user.is_superuser or user.is_staff))
    )


class RequireSecondFactorMiddleware:
    """Until a person who must use a second factor has set one up, every page sends them to set it up.

    Setting it up and the other account pages stay open, so nobody is locked out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and must_use_second_factor(user)
            and not self._is_open(request.path_info)
            and not self._has_second_factor(request, user)
        ):
            messages.warning(
                request,
                gettext("Your role requires two-step sign-in. Set up an authenticator app to continue."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _has_second_factor(request: HttpRequest, user) -> bool:
        """Checked once a session (the adapter keeps a required second factor from being removed)."""
        if request.session.get(SESSION_FLAG) == user.pk:
            return True
        if is_mfa_enabled(user):
            request.session[SESSION_FLAG] = user.pk
            return True
        return False

    @staticmethod
    def _is_open(path: str) -> bool:
        """The account pages (sign-out, re-authentication, the second factor itself) and static files."""
        account_pages = reverse("account_login").rsplit("/", 2)[0] + "/"
        return path.startswith((account_pages, settings.STATIC_URL, "/healthz"))
