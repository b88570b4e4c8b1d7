"""The mail server is down: notifications wait in the outbox and are retried with backoff until their time
is up; none is lost, none is sent twice.

A real worker delivers over real SMTP (Django's smtp backend) to a port on this machine. First nothing
listens there, so every attempt is refused; then a real SMTP server (aiosmtpd) starts on that port and
counts what it receives, per Message-ID. The waits are seconds here: 1, then 2 (MAIL_RETRY_DELAY_SECONDS
and MAIL_RETRY_MAX_DELAY_SECONDS: 1, 2, 4 … minutes up to an hour in production), and a message is given up
after MAIL_GIVE_UP_AFTER_SECONDS (two days in production).
"""

import datetime as dt
import socket
from collections import Counter
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils.translation import ngettext

from core.models import MailState, OutgoingMail, Role
from core.tasks import deliver_mail, deliver_waiting_mail
from tests.factories import UserFactory
from tests.integration.test_worker_killed import workers  # noqa: F401  (the worker fixture)
from tests.waiting import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


class MailServer:
    """A real SMTP server on 127.0.0.1:port, started and stopped by the test; it keeps every message."""

    def __init__(self, port: int):
        self.port = port
        self.received: list = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def per_message_id(self) -> Counter:
        return Counter(str(message["Message-ID"]) for message in self.received)


@pytest.fixture
def mail_server():
    """The port nobody listens on yet, and the server that will."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = MailServer(port)
    yield server
    server.stop()


def smtp_worker(workers, mail_server, give_up_after: int):  # noqa: F811
    return workers.start(
        DELIVERY_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mail_server.port),
        MAIL_RETRY_DELAY_SECONDS="1",
        MAIL_RETRY_MAX_DELAY_SECONDS="2",
        MAIL_GIVE_UP_AFTER_SECONDS=str(give_up_after),
    )


def notify(subject: str, to: str) -> OutgoingMail:
    """Django's mail API as the portal uses it: the outbox stores it, the commit hands it to the worker."""
    EmailMessage(subject, "Välkommen till dialogmötet.", to=[to]).send()
    return OutgoingMail.objects.get(subject=subject)


def test_mail_waits_while_the_server_is_down_and_is_delivered_once_when_it_is_back(
    workers,  # noqa: F811
    mail_server,
):
    worker = smtp_worker(workers, mail_server, give_up_after=3600)
    first = notify("Kallelse till dialogmöte", "aino@example.org")
    second = notify("Protokoll att justera", "ida@example.org")

    def refused_twice() -> bool:
        rows = OutgoingMail.objects.filter(pk__in=[first.pk, second.pk])
        return all(m.attempts >= 2 for m in rows)

    wait_until(refused_twice, 20, "two refused attempts for each message", interval=0.1)
    for stored in OutgoingMail.objects.filter(pk__in=[first.pk, second.pk]):
        assert stored.sent_at is None and stored.failed is False
        assert "ConnectionRefusedError" in stored.last_error
        assert stored.next_attempt_at > stored.created_at
    # The beat's sweep runs in the outage too: it queues what is due, and a second chain that finds its
    # message claimed or not yet due drops out, so each message keeps one chain of attempts.
    assert deliver_waiting_mail.delay().get(timeout=30) <= 2

    mail_server.start()
    wait_until(
        lambda: not OutgoingMail.objects.filter(pk__in=[first.pk, second.pk], sent_at__isnull=True).exists(),
        20,
        "both messages to be delivered",
        interval=0.1,
    )
    # Let the retries still pending in both chains run: each finds its message delivered and sends nothing.
    workers.wait_idle()
    first.refresh_from_db()
    second.refresh_from_db()
    assert mail_server.per_message_id() == {first.headers["Message-ID"]: 1, second.headers["Message-ID"]: 1}
    assert sorted(str(m["Subject"]) for m in mail_server.received) == sorted([first.subject, second.subject])
    assert first.last_error == "" and not first.failed and first.attempts >= 3

    # Once more, as the sweep and a redelivered task would: nothing new goes out.
    assert deliver_waiting_mail.delay().get(timeout=30) == 0
    assert deliver_mail.delay(first.pk).get(timeout=30) is True
    workers.wait_idle()
    assert len(mail_server.received) == 2
    # The wait doubled after the first refusal, up to its cap.
    log = worker.log_path.read_text()
    assert "Retry in 1s" in log and "Retry in 2s" in log


def test_mail_fails_when_its_time_is_up_and_an_administrator_can_send_it_again(
    workers,  # noqa: F811
    mail_server,
):
    smtp_worker(workers, mail_server, give_up_after=3)
    stored = notify("Kallelse till samråd", "kim@example.org")

    wait_until(lambda: OutgoingMail.objects.get(pk=stored.pk).failed, 20, "the message to be marked failed")
    stored.refresh_from_db()
    # Attempts at 0 s, 1 s (one second later) and 3 s: the last comes when the time is up, then it fails.
    assert stored.attempts == 3 and stored.sent_at is None
    assert stored.next_attempt_at == stored.round_started_at + dt.timedelta(seconds=3)
    assert "ConnectionRefusedError" in stored.last_error
    # No more attempts: not by the retry already queued, not by the sweep, not once the server is back.
    workers.wait_idle()
    assert deliver_waiting_mail.delay().get(timeout=30) == 0
    mail_server.start()
    assert deliver_mail.delay(stored.pk).get(timeout=30) is False
    workers.wait_idle()
    assert OutgoingMail.objects.get(pk=stored.pk).attempts == 3
    assert mail_server.received == []

    # An administrator sees it among the failed mail and sends it again.
    administrator = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(administrator)
    changelist = reverse("admin:core_outgoingmail_changelist")
    page = client.get(changelist, {"state": MailState.FAILED})
    assert page.status_code == 200
    assert "Kallelse till samråd" in page.content.decode()
    response = client.post(
        changelist, {"action": "deliver_again", "_selected_action": [stored.pk]}, follow=True
    )
    assert response.status_code == 200
    # The admin speaks the default language, as this test does.
    queued = ngettext(
        "%(count)d failed message is queued for delivery again.",
        "%(count)d failed messages are queued for delivery again.",
        1,
    ) % {"count": 1}
    assert [str(m) for m in response.context["messages"]] == [queued]

    wait_until(lambda: OutgoingMail.objects.get(pk=stored.pk).sent_at, 20, "the message to be delivered")
    workers.wait_idle()
    stored.refresh_from_db()
    assert stored.failed is False and stored.attempts == 1 and stored.last_error == ""
    assert mail_server.per_message_id() == {stored.headers["Message-ID"]: 1}
