"""Background work of questionnaires: reminding those who have not answered."""

from celery import shared_task

from . import services


@shared_task(name="surveys.remind", max_retries=3)
def remind() -> int:
    """Every morning: two days before a questionnaire's last day, remind those who have not answered."""
    return services.remind()
