"""Background work of the shared app: delivering mail from the outbox."""

from celery import shared_task
from django.conf import settings

from . import mail
from .models import OutgoingMail


@shared_task(
    name="core.deliver_mail",
    bind=True,
    max_retries=5,
    acks_late=True,
)
def deliver_mail(self, mail_id: int) -> bool:
    """Deliver one message; safe to run twice (a sent message is never sent again)."""
    try:
        return mail.deliver(mail_id)
    except Exception as exc:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            # Without a broker there is nobody to retry later: the sweep picks the message up.
            return False
        raise self.retry(exc=exc, countdown=settings.MAIL_RETRY_DELAY_SECONDS) from exc


@shared_task(name="core.deliver_waiting_mail")
def deliver_waiting_mail() -> int:
    """Queue every message still waiting in the outbox (after a broker or mail server outage)."""
    waiting = list(
        OutgoingMail.objects.filter(sent_at__isnull=True, failed=False)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    for mail_id in waiting:
        deliver_mail.delay(mail_id)
    return len(waiting)


@shared_task(name="core.apply_retention")
def apply_retention() -> dict[str, int]:
    """Every night: pseudonymise long-ended memberships, delete old outbox mail and expired sessions."""
    from .privacy import apply_retention as run

    return run()
