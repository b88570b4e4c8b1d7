"""Accounts by invitation: representatives, administration contacts and politicians do not sign up.

A coordinator invites a person by email; the mail carries a random token that is stored only as a hash,
valid for `INVITATION_VALID_DAYS` and for one use. Accepting creates the account (or gives an existing
resident's account the role) and the seat in the forum the invitation names.
"""

import datetime as dt
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .history import stamp
from .models import (
    Invitation,
    InvitationStatus,
    Membership,
    Role,
    User,
    invitation_token_hash,
)


def find(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("forum", "department", "invited_by")
        .filter(token_hash=invitation_token_hash(token))
        .first()
    )


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = invitation_token_hash(token)
    invitation.expires_at = timezone.now() + dt.timedelta(days=settings.INVITATION_VALID_DAYS)
    return token


def _send(invitation: Invitation, token: str) -> None:
    with translation.override(invitation.language or settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "link": settings.SITE_URL.rstrip("/") + reverse("core:invitation_accept", args=[token]),
            "days": settings.INVITATION_VALID_DAYS,
        }
        subject = " ".join(render_to_string("core/email/invitation_subject.txt", context).split())
        body = render_to_string("core/email/invitation_body.txt", context)
        EmailMultiAlternatives(subject, body, to=[invitation.email]).send()


@transaction.atomic
def invite(invitation: Invitation, by: User) -> Invitation:
    """Save the invitation and mail its link once the transaction commits."""
    invitation.email = invitation.email.strip().lower()
    invitation.invited_by = by
    token = _new_token(invitation)
    invitation.save()
    _send(invitation, token)
    return invitation


@transaction.atomic
def resend(invitation: Invitation, by: User) -> Invitation:
    """A new link, valid from now; the old link stops working."""
    if invitation.status() in {InvitationStatus.ACCEPTED, InvitationStatus.REVOKED}:
        raise ValidationError(_("This invitation has been used or withdrawn and cannot be sent again."))
    token = _new_token(invitation)
    invitation.invited_by = by
    invitation.save(update_fields=["token_hash", "expires_at", "invited_by"])
    _send(invitation, token)
    return invitation


@transaction.atomic
def revoke(invitation: Invitation) -> Invitation:
    if invitation.status() == InvitationStatus.ACCEPTED:
        raise ValidationError(_("This invitation has already been accepted."))
    if not invitation.revoked_at:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def _grant(invitation: Invitation, user: User) -> None:
    """The role (never lower than the person already has) and the seat the invitation names."""
    if user.role == Role.RESIDENT:
        user.role = invitation.role
    if invitation.department_id and not user.department_id:
        user.department_id = invitation.department_id
    user.save(update_fields=["role", "department"])
    if invitation.forum_id:
        today = timezone.localdate()
        already = Membership.objects.current().filter(user=user, forum_id=invitation.forum_id).exists()
        if not already:
            membership = Membership(
                user=user,
                forum_id=invitation.forum_id,
                role=invitation.forum_role,
                starts_on=today,
                ends_on=invitation.term_ends_on
                if invitation.term_ends_on and invitation.term_ends_on >= today
                else None,
                nominated_by=invitation.nominated_by,
            )
            stamp(membership, by=invitation.invited_by)
            stamp(membership, reason="invitation accepted")
            membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])


@transaction.atomic
def accept_new(invitation: Invitation, full_name: str, password: str) -> User:
    """Create the account: the link proved the address, so it is verified."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status() != InvitationStatus.PENDING:
        raise ValidationError(_("This invitation link is no longer valid."))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this email address already exists. Sign in to accept."))
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        full_name=full_name,
        language=invitation.language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    _grant(invitation, user)
    return user


@transaction.atomic
def accept_existing(invitation: Invitation, user: User) -> User:
    """A signed-in person whose address the invitation names takes the role and the seat."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status() != InvitationStatus.PENDING:
        raise ValidationError(_("This invitation link is no longer valid."))
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(_("This invitation is for another email address."))
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
    _grant(invitation, user)
    return user
