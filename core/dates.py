"""Date helpers every app shares."""

import datetime

from django.utils import timezone


def iso_week(day: datetime.date | None = None) -> str:
    """The ISO week of a day (today by default) as "2026-W49": the key of once-a-week reminders."""
    year, week, _weekday = (day or timezone.localdate()).isocalendar()
    return f"{year}-W{week:02d}"
