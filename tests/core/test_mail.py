"""Mail goes through the outbox: stored with the change that caused it, delivered once, kept when sending fails."""

import datetime as dt

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from core import mail as outbox
from core.models import MailState, OutgoingMail, Role
from core.tasks import deliver_mail, deliver_waiting_mail, record_mail_sent
from tests.factories import UserFactory


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


class Clock:
    """A simulated clock for timezone.now: the outbox's waits pass in a test in no time."""

    def __init__(self, monkeypatch):
        # A moment ahead: rows made with the model's default (the real timezone.now) are due at once.
        self.now = timezone.now() + dt.timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def no_pauses(monkeypatch):
    """Writing an outcome down is tried again at once in tests (a second and more in production)."""
    monkeypatch.setattr(outbox, "RECORD_PAUSES", (0, 0, 0))


def stored_message(subject: str = "Kallelse") -> OutgoingMail:
    """A message stored and handed to the (eager) worker, as the commit of the change that wrote it does."""
    EmailMessage(subject, "Välkommen", to=["rep@example.org"]).send()
    stored = OutgoingMail.objects.get(subject=subject)
    deliver_mail(stored.pk)
    return stored


def sweep_every_five_minutes(clock: Clock, hours: float) -> None:
    """What beat does: the sweep every five minutes, for this long on the simulated clock."""
    for _ in range(round(hours * 12)):
        clock.advance(minutes=5)
        deliver_waiting_mail()


@pytest.mark.django_db
def test_failed_delivery_is_kept_and_sent_by_the_sweep_once_it_is_due(settings, clock):
    settings.DELIVERY_EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    stored = stored_message("Protokoll")
    stored.refresh_from_db()
    assert stored.sent_at is None
    assert stored.attempts == 1
    assert "ConnectionRefusedError" in stored.last_error
    assert stored.state() == MailState.WAITING
    assert stored.next_attempt_at == clock.now + dt.timedelta(minutes=1)
    assert mail.outbox == []

    settings.DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The sweep respects the next attempt's time: nothing is due yet.
    assert deliver_waiting_mail() == 0
    assert deliver_mail(stored.pk) is False
    clock.advance(minutes=1)
    assert deliver_waiting_mail() == 1
    stored.refresh_from_db()
    assert stored.sent_at == clock.now and stored.attempts == 2 and stored.claim is None
    assert [m.subject for m in mail.outbox] == ["Protokoll"]


@pytest.mark.django_db
def test_the_wait_between_attempts_doubles_up_to_an_hour(settings):
    settings.MAIL_RETRY_DELAY_SECONDS = 60
    settings.MAIL_RETRY_MAX_DELAY_SECONDS = 3600
    assert [outbox.retry_delay(n) for n in range(1, 10)] == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert outbox.retry_delay(5000) == 3600


@pytest.mark.django_db
def test_a_six_hour_outage_leaves_mail_waiting_and_it_is_sent_once_when_the_server_is_back(settings, clock):
    settings.DELIVERY_EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    stored = stored_message()
    sweep_every_five_minutes(clock, hours=6)
    stored.refresh_from_db()
    assert stored.failed is False and stored.sent_at is None
    assert stored.state() == MailState.WAITING
    # Backoff: a handful of attempts in six hours (1, 2, 4 … minutes, then hourly), not one every sweep.
    assert 8 <= stored.attempts <= 14
    assert stored.next_attempt_at - clock.now <= dt.timedelta(hours=1)

    settings.DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sweep_every_five_minutes(clock, hours=1.1)
    stored.refresh_from_db()
    assert stored.sent_at is not None and stored.last_error == ""
    sweep_every_five_minutes(clock, hours=2)
    assert deliver_mail(stored.pk) is True
    assert [m.subject for m in mail.outbox] == ["Kallelse"]


@pytest.mark.django_db
def test_mail_is_marked_failed_two_days_after_it_was_written(settings, clock):
    settings.DELIVERY_EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    stored = stored_message()
    sweep_every_five_minutes(clock, hours=47.5)
    stored.refresh_from_db()
    assert stored.failed is False
    sweep_every_five_minutes(clock, hours=1)
    stored.refresh_from_db()
    assert stored.failed is True and stored.state() == MailState.FAILED
    # The last attempt came at the give-up time itself.
    assert stored.next_attempt_at == stored.round_started_at + dt.timedelta(days=2)
    attempts = stored.attempts

    # Given up: neither the sweep nor a late retry sends it, even with the server back.
    settings.DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sweep_every_five_minutes(clock, hours=2)
    assert deliver_mail(stored.pk) is False
    stored.refresh_from_db()
    assert stored.attempts == attempts and mail.outbox == []

    # An administrator's "try again" starts a new round of two days; it goes out once.
    assert outbox.deliver_again([stored]) == 1
    stored.refresh_from_db()
    assert stored.failed is False and stored.attempts == 0 and stored.round_started_at == clock.now
    deliver_waiting_mail()
    assert [m.subject for m in mail.outbox] == ["Kallelse"]


@pytest.mark.django_db
def test_mail_the_server_accepted_is_not_sent_again_when_recording_it_fails_once(
    monkeypatch, no_pauses, django_capture_on_commit_callbacks
):
    calls = []
    original = outbox._mark_sent

    def commit_fails_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return original(*args)

    monkeypatch.setattr(outbox, "_mark_sent", commit_fails_once)
    with django_capture_on_commit_callbacks(execute=True):
        EmailMessage("Kallelse", "Välkommen", to=["rep@example.org"]).send()
    stored = OutgoingMail.objects.get()
    assert len(calls) == 2
    assert stored.sent_at is not None and stored.claim is None and stored.attempts == 1
    # A retry and the sweep find it sent.
    assert deliver_mail(stored.pk) is True
    assert deliver_waiting_mail() == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_mail_whose_delivery_was_never_recorded_is_not_resent_by_a_retry_or_the_sweep(
    monkeypatch, no_pauses, clock, settings
):
    def database_gone(*args):
        raise OperationalError("could not connect to server")

    original = outbox._mark_sent
    monkeypatch.setattr(outbox, "_mark_sent", database_gone)
    stored = stored_message()
    stored.refresh_from_db()
    assert len(mail.outbox) == 1
    assert stored.sent_at is None and stored.claim is not None
    assert stored.state() == MailState.SENDING

    # The task's retry, the sweep and a redelivered task all find the message claimed: nothing goes out.
    assert deliver_mail(stored.pk) is False
    assert deliver_waiting_mail() == 0
    clock.advance(seconds=settings.CELERY_TASK_TIME_LIMIT + 61)
    stored.refresh_from_db()
    assert stored.state() == MailState.POSSIBLY_SENT
    assert list(OutgoingMail.objects.possibly_sent()) == [stored]
    sweep_every_five_minutes(clock, hours=3)
    assert deliver_mail(stored.pk) is False
    assert len(mail.outbox) == 1

    # Once the database is back, the record of the accepted message is written down; it stays sent.
    monkeypatch.setattr(outbox, "_mark_sent", original)
    record_mail_sent(stored.pk, clock.now.isoformat())
    stored.refresh_from_db()
    assert stored.state() == MailState.SENT and stored.claim is None
    assert outbox.send_possibly_sent_again([stored]) == 0
    sweep_every_five_minutes(clock, hours=1)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_message_claimed_by_another_worker_is_not_sent(clock):
    stored = OutgoingMail.objects.create(
        subject="x", body="y", from_email="a@example.org", to=["b@example.org"]
    )
    claimed, _done = outbox._claim(stored.pk)
    assert claimed is not None
    # A second worker, now and after the lease ran out.
    assert deliver_mail(stored.pk) is False
    clock.advance(hours=1)
    assert deliver_mail(stored.pk) is False
    assert deliver_waiting_mail() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_administrator_sends_possibly_sent_mail_again_from_the_admin(
    client, clock, django_capture_on_commit_callbacks
):
    stored = OutgoingMail.objects.create(
        subject="Kallelse", body="y", from_email="a@example.org", to=["b@example.org"]
    )
    outbox._claim(stored.pk)  # a worker that vanished between the claim and the record
    waiting = OutgoingMail.objects.create(
        subject="Protokoll", body="y", from_email="a@example.org", to=["c@example.org"]
    )
    clock.advance(hours=1)
    administrator = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    client.force_login(administrator)
    changelist = reverse("admin:core_outgoingmail_changelist")

    page = client.get(changelist, {"state": MailState.POSSIBLY_SENT})
    assert page.status_code == 200
    assert list(page.context["cl"].queryset) == [stored]
    assert str(MailState.POSSIBLY_SENT.label) in page.content.decode()

    # Only the possibly sent message is released; a waiting one is left to the sweep.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            changelist,
            {"action": "send_possibly_sent_again", "_selected_action": [stored.pk, waiting.pk]},
            follow=True,
        )
    queued = ngettext(
        "%(count)d possibly sent message is queued for delivery again.",
        "%(count)d possibly sent messages are queued for delivery again.",
        1,
    ) % {"count": 1}
    assert [str(m) for m in response.context["messages"]] == [queued]
    stored.refresh_from_db()
    assert stored.state() == MailState.SENT
    assert [m.to for m in mail.outbox] == [["b@example.org"]]


class BrokenBackend:
    """A mail server that refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
