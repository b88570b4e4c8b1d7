"""Invitations to an account with a role and, optionally, a seat in a forum."""

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .forums import Forum, ForumRole
from .organisation import Department
from .people import Role, User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def invitation_token_hash(token: str) -> str:
    """Only a hash of an invitation's token is stored: a copy of the database opens no accounts."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("invitation status", "Waiting")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Withdrawn")


# Roles a coordinator may give by invitation; coordinators and administrators are made by administrators.
INVITABLE_ROLES = [Role.REPRESENTATIVE, Role.ADMIN_CONTACT, Role.POLITICIAN]


class Invitation(models.Model):
    """A coordinator's invitation to an account with a role and, optionally, a seat in a forum.

    The link in the mail carries a random token, valid until `expires_at` and for one use.
    """

    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=32, choices=[(r.value, r.label) for r in INVITABLE_ROLES])
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For administration contacts: the department they answer for."),
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("seat in forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person becomes a member of this forum when they accept."),
    )
    forum_role = models.CharField(
        _("role in the forum"), max_length=32, choices=ForumRole.choices, blank=True
    )
    term_ends_on = models.DateField(_("term ends"), null=True, blank=True)
    nominated_by = models.CharField(
        _("nominated by"),
        max_length=200,
        blank=True,
        help_text=_("The association or body that nominated the person."),
    )
    language = models.CharField(
        _("language of the mail"), max_length=8, choices=settings.LANGUAGES, default="sv"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, verbose_name=_("account"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"

    def status(self, now: dt.datetime | None = None) -> str:
        """Accepted and withdrawn are final; a waiting invitation expires at its time."""
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if (now or timezone.now()) >= self.expires_at:
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    # The status at one moment, set on each invitation of a list by the view that shows it.
    current_status: str

    def get_status_display(self) -> "StrOrPromise":
        return InvitationStatus(self.status()).label
