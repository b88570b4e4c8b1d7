"""The mail outbox: nothing is lost if the broker or the mail server is down."""

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class MailState(models.TextChoices):
    """Where a message in the outbox stands; derived from its fields (OutgoingMail.state)."""

    WAITING = "waiting", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    POSSIBLY_SENT = "possibly_sent", _("Possibly sent: check before sending again")
    SENT = "sent", pgettext_lazy("a message in the outbox", "Sent")
    FAILED = "failed", _("Failed")


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, failed=False)

    def waiting(self):
        """Not sent, not given up, and no worker holds it (it waits for its next attempt)."""
        return self.unsent().filter(claim__isnull=True)

    def due(self, now: dt.datetime | None = None):
        """Waiting messages whose next attempt has come."""
        return self.waiting().filter(next_attempt_at__lte=now or timezone.now())

    def sending(self, now: dt.datetime | None = None):
        return self.unsent().filter(claim__isnull=False, claimed_until__gt=now or timezone.now())

    def possibly_sent(self, now: dt.datetime | None = None):
        """Claimed by a worker whose lease ran out with no outcome recorded: the server may have accepted it."""
        return self.unsent().filter(claim__isnull=False, claimed_until__lte=now or timezone.now())

    def in_state(self, state: str, now: dt.datetime | None = None):
        if state == MailState.SENT:
            return self.filter(sent_at__isnull=False)
        if state == MailState.FAILED:
            return self.filter(sent_at__isnull=True, failed=True)
        if state == MailState.WAITING:
            return self.waiting()
        if state == MailState.SENDING:
            return self.sending(now)
        if state == MailState.POSSIBLY_SENT:
            return self.possibly_sent(now)
        return self.none()


class OutgoingMail(models.Model):
    """A message waiting in (or delivered from) the outbox; nothing is lost if the broker or mail server is down.

    Delivery is at most once: a worker claims the message (`claim`, leased until `claimed_until`) in a commit
    of its own before it talks to the mail server, and records the outcome in another. A claim that is
    never released leaves the message "possibly sent", which only an administrator may send again.
    """

    subject = models.CharField(max_length=998)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    from_email = models.CharField(max_length=320)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    attachments = models.JSONField(default=list, blank=True, help_text="[filename, base64 content, mimetype]")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    failed = models.BooleanField(default=False)
    # The sweep and the retries try the message again from this time on (exponential backoff).
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # Attempts go on until MAIL_GIVE_UP_AFTER_SECONDS after this: the creation, or an administrator's retry.
    round_started_at = models.DateTimeField(default=timezone.now)
    # The worker sending it now: a token of its claim, when the attempt began and when its lease ends.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "failed"])]

    def __str__(self) -> str:
        return self.subject

    def state(self, now: dt.datetime | None = None) -> str:
        """One word for the admin: a claim past its lease with no outcome means the server may have it."""
        if self.sent_at is not None:
            return MailState.SENT
        if self.failed:
            return MailState.FAILED
        if self.claim is None:
            return MailState.WAITING
        if self.claimed_until is not None and self.claimed_until > (now or timezone.now()):
            return MailState.SENDING
        return MailState.POSSIBLY_SENT

    def get_state_display(self) -> "StrOrPromise":
        return MailState(self.state()).label
