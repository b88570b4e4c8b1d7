"""The outbox: Django's mail API stores each message in the database, and a Celery task delivers it.

A message is committed with the change that caused it, so it is neither sent for a change that was
rolled back nor lost when Redis or the mail server is down: `deliver_waiting_mail` picks it up later.
"""

import base64
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.utils import timezone

from .broker import hand_over
from .models import OutgoingMail


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
    mail = OutgoingMail.objects.create(
        subject=message.subject,
        body=message.body,
        html_body=html,
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        headers=_with_message_id(message.extra_headers),
        attachments=[_attachment_record(a) for a in message.attachments],
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


def deliver(mail_id: int) -> bool:
    """Send one stored message once; return True when it is (or already was) delivered."""
    error: Exception | None = None
    with transaction.atomic():
        # The row lock keeps two workers from sending the same message at once.
        mail = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.failed:
            return False
        if mail.sent_at is not None:
            return True
        mail.attempts += 1
        try:
            build_message(mail).send()
        except Exception as exc:  # noqa: BLE001 - any transport error is recorded and retried
            error = exc
            mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            mail.failed = mail.attempts >= settings.MAIL_DELIVERY_MAX_ATTEMPTS
            mail.save(update_fields=["attempts", "last_error", "failed"])
        else:
            mail.sent_at = timezone.now()
            mail.last_error = ""
            mail.save(update_fields=["attempts", "sent_at", "last_error"])
    if error is not None:
        raise error
    return True


@transaction.atomic
def deliver_again(mails) -> int:
    """Give failed messages (never sent) a fresh round of attempts and queue them; return how many."""
    failed = list(
        OutgoingMail.objects.select_for_update()
        .filter(pk__in=[m.pk for m in mails], failed=True, sent_at__isnull=True)
        .values_list("pk", flat=True)
    )
    OutgoingMail.objects.filter(pk__in=failed).update(failed=False, attempts=0)
    for mail_id in failed:
        transaction.on_commit(lambda mail_id=mail_id: queue_delivery(mail_id))
    return len(failed)


class OutboxEmailBackend(BaseEmailBackend):
    """Django mail backend that writes to the outbox instead of talking to a server."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            store(message)
        return len(email_messages)
