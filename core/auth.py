"""One door in: every way to become signed in passes the same rate limits and, for the roles that need it,
the second factor in this session.

The doors are allauth's sign-in (password, then the authenticator code), password reset (which never signs
in), e-mail confirmation (never signs in) and the acceptance of an invitation (signs a new person in through
`sign_in` below). The admin's own login page sends people to allauth's (haninge_portal/urls.py). Whatever a
session was made by, `RequireSecondFactorMiddleware` lets a person whose role needs a second factor past
only when this session has passed one: a session made with a password alone is signed out again.
"""

from __future__ import annotations

import time

from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.core.internal import ratelimit
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import login, user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

# Keys the portal keeps in the session beside allauth's own record of how it was made.
SIGNED_IN_AT = "signed_in_at"

# Rate limits of the portal's own doors, in allauth's notation (amount/period/per): an invitation link is
# a secret of 256 bits, but looking links up and signing in through them is still limited per address.
RATE_LIMITS = {"invitation": "20/m/ip", "invitation_failed": "10/m/ip"}


def must_use_second_factor(user) -> bool:
    """Whether the person's role requires a second factor (MFA_REQUIRED_FOR; "administrator" covers staff)."""
    if not user.is_authenticated:
        return False
    required = settings.MFA_REQUIRED_FOR
    return bool(
        user.role in required or ("administrator" in required and (user.is_superuser or user.is_staff))
    )


def passed_second_factor(request: HttpRequest, user) -> bool:
    """Whether this session (not merely the account) was made or confirmed with a second factor."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def consume_rate_limit(request: HttpRequest, action: str) -> bool:
    """Count one use of one of the portal's own doors (GET included); False once the limit is reached."""
    usage = ratelimit.consume(request, app="core", action=action, config=RATE_LIMITS, limit_get=True)
    return usage is not None


def sign_in(request: HttpRequest, user, *, method: str) -> None:
    """Sign a person in through one of the portal's own doors, recording how, as allauth's forms do."""
    login(request, user, backend="core.auth_backends.PortalModelBackend")
    record_authentication(request, user, method=method)


@receiver(user_logged_in, dispatch_uid="core-auth-signed-in-at")
def _remember_when_signed_in(sender, request, user, **kwargs) -> None:
    """The session's absolute lifetime counts from here (AbsoluteSessionLifetimeMiddleware)."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


def record_enrolment(request: HttpRequest, user) -> None:
    """Setting up an authenticator app takes a valid code from it: this session has passed the factor."""
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is not None:
        record_authentication(
            request, user, "mfa", id=authenticator.pk, type=authenticator.type, enrolled=True
        )


def mark_both_factors_passed(session, user) -> None:
    """Record in a session made by `Client.force_login` that it passed the password and the code.

    For tools that sign a person in without a browser (the load benchmark, the test client); what the
    second-factor check then sees is what allauth records after a real two-step sign-in.
    """
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )

    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": Authenticator.Type.TOTP},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
