"""Dates and times in Stockholm time, written the way the active language writes them.

For PDFs and mail, which a worker renders from stored values: `{% load local_time %}`.
"""

import datetime as dt

from django import template
from django.utils import formats, timezone

register = template.Library()


@register.filter
def local_datetime(value: dt.datetime | str | None) -> str:
    """A moment in Stockholm time, written the way the active language writes it (sv 2026-12-01 22.50).

    Takes a datetime or the ISO text a report snapshot stores (often UTC), so a PDF made by a worker says
    the same time as the page.
    """
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


@register.filter
def local_date(value: dt.date | str | None) -> str:
    """A day written the way the active language writes it (sv 2026-12-01, fi 1.12.2026)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    elif isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return formats.date_format(value, "SHORT_DATE_FORMAT")


@register.filter
def machine_time(value: dt.date | dt.datetime | None) -> str:
    """The value of a `<time datetime>`: a date as 2026-12-01, a moment in Stockholm time to the second."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()
