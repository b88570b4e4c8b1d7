"""Background work of the shared app: delivering mail from the outbox, rendering the meetings' protocols."""

import datetime as dt
import logging
import math

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from . import mail, protocols
from .models import Meeting, MeetingStatus, OutgoingMail
from .plumbing.broker import hand_over
from .reminders import remind_once
from .services import invited_people

logger = logging.getLogger(__name__)


@shared_task(
    name="core.deliver_mail",
    bind=True,
    # The outbox bounds the attempts by time (MAIL_GIVE_UP_AFTER_SECONDS), not Celery's count.
    max_retries=None,
    acks_late=True,
)
def deliver_mail(self, mail_id: int) -> bool:
    """Deliver one message at most once; safe to run twice (a sent or claimed message is never sent again)."""
    try:
        return mail.deliver(mail_id)
    except mail.DeliveryFailed as failure:
        if failure.retry_in is None or settings.CELERY_TASK_ALWAYS_EAGER:
            # Given up, or without a broker nobody retries later: the sweep picks the message up when due.
            return False
        raise self.retry(exc=failure.__cause__, countdown=math.ceil(failure.retry_in)) from failure
    except mail.SentButNotRecorded as lost:
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            hand_over(record_mail_sent, lost.mail_id, lost.sent_at.isoformat())
        return True
    except DatabaseError as exc:
        # Nothing was sent: the claim was not taken, or the failure was not written down (the claim stays
        # and the retry finds it held).
        if settings.CELERY_TASK_ALWAYS_EAGER:
            return False
        raise self.retry(exc=exc, countdown=settings.MAIL_RETRY_DELAY_SECONDS) from exc


@shared_task(name="core.record_mail_sent", bind=True, max_retries=10, acks_late=True)
def record_mail_sent(self, mail_id: int, sent_at: str) -> None:
    """Write down a delivery the server accepted while the database was away; it never sends anything."""
    try:
        mail.record_sent(mail_id, dt.datetime.fromisoformat(sent_at))
    except DatabaseError as exc:
        raise self.retry(exc=exc, countdown=settings.MAIL_RETRY_DELAY_SECONDS) from exc


@shared_task(name="core.deliver_waiting_mail")
def deliver_waiting_mail() -> int:
    """Queue every message whose next attempt has come (after a broker or mail server outage)."""
    now = timezone.now()
    possibly_sent = OutgoingMail.objects.possibly_sent(now).count()
    if possibly_sent:
        logger.error(
            "%d outgoing messages may have been sent but were not recorded; an administrator decides in the admin",
            possibly_sent,
        )
    due = list(OutgoingMail.objects.due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True))
    for mail_id in due:
        deliver_mail.delay(mail_id)
    return len(due)


@shared_task(name="core.apply_retention")
def apply_retention() -> dict[str, int]:
    """Every night: pseudonymise long-ended memberships, delete old outbox mail and expired sessions."""
    from .privacy import apply_retention as run

    return run()


@shared_task(name="core.render_protocols", max_retries=3, acks_late=True)
def render_protocols(meeting_id: int) -> int:
    """Render the approved minutes' protocol in Swedish and Finnish; safe to run twice."""
    return protocols.render_protocols(meeting_id)


@shared_task(name="core.render_missing_protocols")
def render_missing_protocols() -> int:
    """The sweep: render the protocols a lost task left unmade, a few meetings a run, newest first."""
    return sum(protocols.render_protocols(pk) for pk in protocols.meetings_missing_protocols())


@shared_task(name="core.send_daily_digests")
def send_daily_digests() -> int:
    """The daily digests (beat, every morning); safe to run twice: a sent entry is gone."""
    from .digests import send_digests
    from .models import Delivery

    return send_digests(Delivery.DAILY)


@shared_task(name="core.send_weekly_digests")
def send_weekly_digests() -> int:
    """The weekly digests (beat, Monday mornings); safe to run twice."""
    from .digests import send_digests
    from .models import Delivery

    return send_digests(Delivery.WEEKLY)


@shared_task(name="core.remind_meetings", max_retries=3)
def remind_meetings(today: str | None = None) -> int:
    """Remind those invited to each called meeting that begins MEETING_REMINDER_DAYS_BEFORE days from today.

    Only called meetings (agenda published, not cancelled or held): nobody is reminded of a meeting they
    were never called to. Once per meeting, person and day (core.reminders): a second run sends nothing.
    `today` (ISO date) lets a test, or a run that was missed, choose the day.
    """
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    days = settings.MEETING_REMINDER_DAYS_BEFORE
    target = day + dt.timedelta(days=days)
    meetings = (
        Meeting.objects.filter(status=MeetingStatus.AGENDA_PUBLISHED, starts_at__date=target)
        .select_related("forum")
        .order_by("starts_at", "pk")
    )
    sent = 0
    for meeting in meetings:
        sent += remind_once(
            "meeting_reminder",
            meeting,
            invited_people(meeting),
            day,
            "core/email/meeting_reminder",
            {"meeting": meeting, "days": days},
        )
    return sent
