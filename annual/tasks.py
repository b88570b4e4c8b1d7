"""Background work of the yearly follow-up: reminding the coordinators that it is due."""

from celery import shared_task

from . import services


@shared_task(name="annual.remind_due", max_retries=3)
def remind_due() -> int:
    """Every morning: tell the coordinators of a follow-up due soon (or today) that is not yet approved."""
    return services.remind_coordinators()


@shared_task(name="annual.open_phases", max_retries=3)
def open_phases() -> int:
    """Every morning: open the work of each phase of the wheel that has begun (annual.wheel)."""
    from .wheel import open_phases as open_due

    return len(open_due())
