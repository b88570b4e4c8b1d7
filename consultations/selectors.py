"""Reads of the consultation tier: the follow-up of the dialogue for the political consultation group.

Seed 001: the consultation group is continuously told which dialogue meetings were held and which issues
are current. For a consultation meeting, that is the dialogue since the group's previous meeting.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from core.models import AgendaItem, Forum, Meeting, MeetingStatus, NationalMinority, Tier

# Without an earlier consultation meeting, the overview looks back this many months.
LOOK_BACK_MONTHS = 3


@dataclass
class MinorityDialogue:
    """One minority's dialogue group and the dialogue meetings it held in the period."""

    forum: Forum
    minority: NationalMinority | None
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def issues(self) -> list[str]:
        """The agenda item titles of the meetings held, in meeting order, each title once."""
        seen: set[str] = set()
        titles = []
        for meeting in self.meetings:
            for item in meeting.agenda_items.all():
                key = item.title.strip().casefold()
                if key and key not in seen:
                    seen.add(key)
                    titles.append(item.title.strip())
        return titles


@dataclass
class DialogueOverview:
    """The dialogue held between the previous consultation meeting (or a look-back) and this one."""

    meeting: Meeting
    previous: Meeting | None
    since: dt.datetime
    until: dt.datetime
    minorities: list[MinorityDialogue]


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """The same local day and time `months` earlier (the last day of a shorter month)."""
    local = timezone.localtime(moment)
    index = local.year * 12 + local.month - 1 - months
    year, month = divmod(index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day)


def previous_consultation_meeting(meeting: Meeting) -> Meeting | None:
    """The forum's last meeting before this one that was not cancelled."""
    return (
        Meeting.objects.filter(forum_id=meeting.forum_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .exclude(pk=meeting.pk)
        .order_by("-starts_at", "-pk")
        .first()
    )


def dialogue_since_previous_consultation(meeting: Meeting) -> DialogueOverview:
    """Per dialogue group, the dialogue meetings held since the previous consultation meeting; four queries."""
    previous = previous_consultation_meeting(meeting)
    since = previous.starts_at if previous else months_before(meeting.starts_at, LOOK_BACK_MONTHS)
    held = (
        Meeting.objects.filter(
            status=MeetingStatus.HELD, starts_at__gte=since, starts_at__lt=meeting.starts_at
        )
        .order_by("starts_at", "pk")
        .prefetch_related(Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")))
    )
    forums = (
        Forum.objects.filter(tier=Tier.DIALOGUE)
        .select_related("minority")
        .prefetch_related(Prefetch("meetings", queryset=held, to_attr="held_meetings"))
        .order_by("minority__order", "minority__slug", "name", "pk")
    )
    return DialogueOverview(
        meeting=meeting,
        previous=previous,
        since=since,
        until=meeting.starts_at,
        minorities=[MinorityDialogue(forum, forum.minority, forum.held_meetings) for forum in forums],
    )
