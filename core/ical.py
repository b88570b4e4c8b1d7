"""iCalendar (RFC 5545) for meetings: invitations, updates, cancellations and personal feeds."""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Meeting

PRODID = "-//Haninge kommun//Nationella minoriteter//SV"


def meeting_event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", meeting.ical_uid)
    event.add("sequence", meeting.ical_sequence)
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    tz = timezone.get_default_timezone()
    event.add("dtstart", timezone.localtime(meeting.starts_at, tz))
    event.add("dtend", timezone.localtime(meeting.ends_at, tz))
    event.add("summary", f"{meeting.title} – {meeting.forum.name}")
    location = ", ".join(part for part in [meeting.location, meeting.video_url] if part)
    if location:
        event.add("location", location)
    url = settings.SITE_URL + meeting.get_absolute_url()
    event.add("url", url)
    lines = [meeting.description] if meeting.description else []
    items = list(meeting.agenda_items.all())
    if items:
        lines.append(_("Agenda") + ":")
        lines += [f"{number}. {item.title}" for number, item in enumerate(items, start=1)]
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def calendar_for(meetings: Iterable[Meeting], method: str | None = None, name: str | None = None) -> bytes:
    """A calendar with the meetings; `method` REQUEST or CANCEL for mail invitations, none for feeds."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    # VTIMEZONE for Europe/Stockholm, so that clients place the times right.
    calendar.add_missing_timezones()
    return calendar.to_ical()
