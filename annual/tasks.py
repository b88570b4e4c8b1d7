"""Background work of the yearly follow-up: reminding the coordinators that it is due."""

from celery import shared_task

from . import services


@shared_task(name="annual.remind_due", max_retries=3)
def remind_due() -> int:
    """Every morning: tell the coordinators of a follow-up due soon (or today) that is not yet approved."""
    return services.remind_coordinators()
