"""The outbox: Django's mail API stores each message in the database, and a Celery task delivers it.

A message is committed with the change that caused it, so it is neither sent for a change that was
rolled back nor lost when Redis or the mail server is down: `deliver_waiting_mail` picks it up later.

Delivery is at most once per message the server accepted: a worker claims the message in a commit of its
own, talks to the server outside any transaction, then records the outcome in another commit. A failed
attempt is tried again with exponential backoff until MAIL_GIVE_UP_AFTER_SECONDS have passed. A claim
whose outcome was never recorded is never sent again by a retry or the sweep: once its lease has run out
the admin shows it as possibly sent, and an administrator decides.
"""

import base64
import datetime as dt
import functools
import logging
import time
import uuid
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.core.mail.utils import DNS_NAME
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import OutgoingMail
from .plumbing.broker import hand_over

logger = logging.getLogger(__name__)


def _attachment_record(attachment) -> list[str]:
    if hasattr(attachment, "filename"):  # Django 5.2's EmailAttachment namedtuple
        filename, content, mimetype = attachment.filename, attachment.content, attachment.mimetype
    else:
        filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return [filename or "", base64.b64encode(content).decode("ascii"), mimetype or "application/octet-stream"]


def _with_message_id(headers: dict) -> dict:
    """The headers with a Message-ID fixed once, when the message is stored.

    Django makes a new one for every sending; a fixed one makes a message that is ever sent twice (the
    server accepted it, then the database lost the record of that) the same message to the recipient's
    mail program, which shows it once.
    """
    headers = dict(headers)
    if not any(key.lower() == "message-id" for key in headers):
        headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    return headers


def store(message: EmailMessage) -> OutgoingMail:
    """Put one message in the outbox and queue its delivery once the transaction commits."""
    html = ""
    for content, mimetype in getattr(message, "alternatives", []) or []:
        if mimetype == "text/html":
            html = content
    now = timezone.now()
    mail = OutgoingMail.objects.create(
        subject=str(message.subject),
        body=str(message.body),
        html_body=html,
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        headers=_with_message_id(message.extra_headers),
        attachments=[_attachment_record(a) for a in message.attachments],
        next_attempt_at=now,
        round_started_at=now,
    )
    transaction.on_commit(lambda: queue_delivery(mail.pk))
    return mail


def queue_delivery(mail_id: int) -> None:
    """Hand the message to Celery; if the broker is down, the periodic sweep sends it later."""
    from .tasks import deliver_mail

    hand_over(deliver_mail, mail_id)


def build_message(mail: OutgoingMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email,
        to=mail.to,
        cc=mail.cc,
        bcc=mail.bcc,
        reply_to=mail.reply_to,
        headers=mail.headers,
        connection=get_connection(settings.DELIVERY_EMAIL_BACKEND),
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    for filename, content, mimetype in mail.attachments:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class DeliveryFailed(Exception):
    """The mail server did not take the message; it is tried again in `retry_in` seconds (None: given up)."""

    def __init__(self, mail_id: int, retry_in: float | None):
        super().__init__(mail_id, retry_in)
        self.mail_id = mail_id
        self.retry_in = retry_in


class SentButNotRecorded(Exception):
    """The mail server accepted the message, but the database did not take the record of it.

    The claim stays on the message, so nothing sends it again; `core.record_mail_sent` keeps trying to write
    the record down.
    """

    def __init__(self, mail_id: int, sent_at: dt.datetime):
        super().__init__(mail_id, sent_at)
        self.mail_id = mail_id
        self.sent_at = sent_at


# Seconds to wait between tries of writing down an outcome before giving the write to a task.
RECORD_PAUSES = (0.2, 1.0, 3.0)


def claim_lease() -> dt.timedelta:
    """How long a claim holds: past the task's hard time limit, when its worker is surely done or dead."""
    return dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


def retry_delay(attempts: int) -> float:
    """Exponential backoff after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour (the settings)."""
    delay = settings.MAIL_RETRY_DELAY_SECONDS * 2 ** min(max(attempts - 1, 0), 30)
    return float(min(delay, settings.MAIL_RETRY_MAX_DELAY_SECONDS))


def deliver(mail_id: int) -> bool:
    """Send one stored message at most once; return True when it is (or already was) delivered.

    Call it outside a transaction (the worker does): the claim must be committed before the mail server is
    asked, and the outcome is written in a transaction of its own afterwards.
    """
    mail, done = _claim(mail_id)
    if mail is None:
        return done
    try:
        build_message(mail).send()
    except Exception as exc:  # noqa: BLE001 - any transport error is recorded and retried
        raise DeliveryFailed(mail_id, _record_failure(mail, exc)) from exc
    sent_at = timezone.now()
    try:
        _persist(_mark_sent, mail_id, sent_at)
    except DatabaseError as exc:
        logger.error("Mail %s was accepted by the server but not recorded as sent", mail_id, exc_info=True)
        raise SentButNotRecorded(mail_id, sent_at) from exc
    return True


def _claim(mail_id: int) -> tuple[OutgoingMail | None, bool]:
    """Take the message for one attempt in a commit of its own; (None, delivered?) when there is nothing to do."""
    now = timezone.now()
    with transaction.atomic():
        # The row lock keeps two workers from claiming the same message at once.
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.failed:
            return None, False
        if mail.sent_at is not None:
            return None, True
        # Held by a worker now, or possibly sent by one that vanished mid-attempt: never sent blindly.
        if mail.claim is not None:
            return None, False
        # Not due yet: the attempt that failed last has queued its own retry (or the sweep comes back).
        if mail.next_attempt_at > now:
            return None, False
        mail.claim = uuid.uuid4()
        mail.claimed_at = now
        mail.claimed_until = now + claim_lease()
        mail.attempts += 1
        mail.save(update_fields=["claim", "claimed_at", "claimed_until", "attempts"])
    return mail, False


def _record_failure(mail: OutgoingMail, error: Exception) -> float | None:
    """Release the claim and set the next attempt; seconds until it, or None once the time is up."""
    now = timezone.now()
    give_up_at = mail.round_started_at + dt.timedelta(seconds=settings.MAIL_GIVE_UP_AFTER_SECONDS)
    failed = now >= give_up_at
    # The last attempt comes at the give-up time itself, not a whole delay after it.
    next_attempt_at = min(now + dt.timedelta(seconds=retry_delay(mail.attempts)), give_up_at)
    # If even this write fails, the claim stays and the message shows as possibly sent: never resent blindly.
    _persist(
        OutgoingMail.objects.filter(pk=mail.pk, claim=mail.claim).update,
        claim=None,
        claimed_at=None,
        claimed_until=None,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        failed=failed,
        next_attempt_at=next_attempt_at,
    )
    return None if failed else max((next_attempt_at - now).total_seconds(), 0.0)


def _mark_sent(mail_id: int, sent_at: dt.datetime) -> int:
    """The one write that records a delivery, whoever holds the claim now: the server has the message."""
    return OutgoingMail.objects.filter(pk=mail_id, sent_at__isnull=True).update(
        sent_at=sent_at,
        failed=False,
        last_error="",
        claim=None,
        claimed_at=None,
        claimed_until=None,
    )


def record_sent(mail_id: int, sent_at: dt.datetime) -> None:
    """Write down a delivery the server accepted but the database missed (core.record_mail_sent)."""
    _persist(_mark_sent, mail_id, sent_at)


def _persist(write, *args, **kwargs):
    """Run one write in autocommit, tried again a few times: a database blip must not lose an outcome."""
    for pause in (*RECORD_PAUSES, None):
        try:
            return write(*args, **kwargs)
        except DatabaseError:
            if pause is None:
                raise
            logger.warning("Recording the outcome of a mail delivery failed; trying again", exc_info=True)
            # A broken connection is replaced at the next query (never inside a caller's transaction).
            if not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()
            time.sleep(pause)
    return None


@transaction.atomic
def deliver_again(mails) -> int:
    """Give failed messages (never sent) a fresh round of attempts and queue them; return how many."""
    failed = list(
        OutgoingMail.objects.select_for_update()
        .filter(pk__in=[m.pk for m in mails], failed=True, sent_at__isnull=True)
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    OutgoingMail.objects.filter(pk__in=failed).update(
        failed=False, attempts=0, next_attempt_at=now, round_started_at=now
    )
    for mail_id in failed:
        transaction.on_commit(functools.partial(queue_delivery, mail_id))
    return len(failed)


@transaction.atomic
def send_possibly_sent_again(mails) -> int:
    """An administrator's decision: the messages whose outcome is unknown are sent once more; return how many.

    Only claims past their lease are released (their worker is surely gone); the recipient may get the
    message twice, with the same Message-ID, so most mail programs show it once.
    """
    now = timezone.now()
    unknown = list(
        OutgoingMail.objects.select_for_update()
        .filter(pk__in=[m.pk for m in mails])
        .possibly_sent(now)
        .values_list("pk", flat=True)
    )
    OutgoingMail.objects.filter(pk__in=unknown).update(
        claim=None, claimed_at=None, claimed_until=None, next_attempt_at=now, round_started_at=now
    )
    for mail_id in unknown:
        transaction.on_commit(functools.partial(queue_delivery, mail_id))
    return len(unknown)


class OutboxEmailBackend(BaseEmailBackend):
    """Django mail backend that writes to the outbox instead of talking to a server."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            store(message)
        return len(email_messages)
