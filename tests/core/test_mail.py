"""Mail goes through the outbox: stored with the change that caused it, delivered once, kept when sending fails."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from core.models import OutgoingMail
from core.tasks import deliver_mail, deliver_waiting_mail


@pytest.mark.django_db
def test_mail_waits_in_the_outbox_until_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        EmailMessage("Kallelse", "Välkommen", to=["rep@example.org"]).send()
    stored = OutgoingMail.objects.get()
    assert stored.sent_at is None
    assert mail.outbox == []
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_committed_mail_is_delivered_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = EmailMessage("Kallelse", "Välkommen", to=["rep@example.org"])
        message.attach("mote.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
        message.send()
    stored = OutgoingMail.objects.get()
    assert stored.sent_at is not None
    assert len(mail.outbox) == 1
    delivered = mail.outbox[0]
    assert delivered.subject == "Kallelse"
    assert delivered.to == ["rep@example.org"]
    assert delivered.attachments[0][0] == "mote.ics"
    # Running the task again (a retry, a second worker) sends nothing more.
    assert deliver_mail(stored.pk) is True
    assert deliver_waiting_mail() == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_failed_delivery_is_kept_and_sent_by_the_sweep(settings, django_capture_on_commit_callbacks):
    settings.DELIVERY_EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        EmailMessage("Protokoll", "Justerat", to=["rep@example.org"]).send()
    stored = OutgoingMail.objects.get()
    assert stored.sent_at is None
    assert stored.attempts == 1
    assert "ConnectionRefusedError" in stored.last_error
    assert mail.outbox == []

    settings.DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_waiting_mail() == 1
    stored.refresh_from_db()
    assert stored.sent_at is not None
    assert [m.subject for m in mail.outbox] == ["Protokoll"]


@pytest.mark.django_db
def test_delivery_gives_up_after_the_configured_attempts(settings):
    settings.DELIVERY_EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    settings.MAIL_DELIVERY_MAX_ATTEMPTS = 2
    stored = OutgoingMail.objects.create(
        subject="x", body="y", from_email="a@example.org", to=["b@example.org"]
    )
    for _ in range(2):
        with pytest.raises(ConnectionRefusedError):
            from core.mail import deliver

            deliver(stored.pk)
    stored.refresh_from_db()
    assert stored.failed is True
    assert deliver_waiting_mail() == 0


class BrokenBackend:
    """A mail server that refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
