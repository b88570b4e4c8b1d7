"""Reads of the consultation tier: the follow-up of the dialogue for the political consultation group.

Seed 001: the consultation group is continuously told which dialogue meetings were held and which issues
are current. For a consultation meeting, that is the dialogue since the group's previous meeting.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Subquery
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
            for title in meeting.issue_titles:  # type: ignore[attr-defined]
                key = title.strip().casefold()
                if key and key not in seen:
                    seen.add(key)
                    titles.append(title.strip())
        return titles


@dataclass
class DialogueOverview:
    """The dialogue held between the previous consultation meeting (or a look-back) and this one."""

    meeting: Meeting
    previous_pk: int | None  # the previous consultation meeting, if there is one
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


def previous_consultation_meetings(meeting: Meeting):
    """The forum's meetings before this one that were not cancelled, the last first."""
    return (
        Meeting.objects.filter(forum_id=meeting.forum_id, starts_at__lt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .exclude(pk=meeting.pk)
        .order_by("-starts_at", "-pk")
    )


def dialogue_since_previous_consultation(meeting: Meeting) -> DialogueOverview:
    """Per dialogue group, the dialogue meetings held since the previous consultation meeting, with their
    agenda items' titles; two queries (the previous meeting comes with the groups)."""
    previous = previous_consultation_meetings(meeting)
    forums = list(
        Forum.objects.filter(tier=Tier.DIALOGUE)
        .select_related("minority")
        .annotate(
            previous_pk=Subquery(previous.values("pk")[:1]),
            previous_starts_at=Subquery(previous.values("starts_at")[:1]),
        )
        .order_by("minority__order", "minority__slug", "name", "pk")
    )
    if forums:
        previous_pk, previous_starts_at = forums[0].previous_pk, forums[0].previous_starts_at
    else:
        previous_pk, previous_starts_at = previous.values_list("pk", "starts_at").first() or (None, None)
    since = previous_starts_at or months_before(meeting.starts_at, LOOK_BACK_MONTHS)
    by_pk = {forum.pk: forum for forum in forums}
    held: dict[int, list[Meeting]] = {forum.pk: [] for forum in forums}
    if forums:
        for one in (
            Meeting.objects.filter(
                forum__in=list(held),
                status=MeetingStatus.HELD,
                starts_at__gte=since,
                starts_at__lt=meeting.starts_at,
            )
            .annotate(
                issue_titles=ArraySubquery(
                    AgendaItem.objects.filter(meeting=OuterRef("pk"))
                    .order_by("position", "pk")
                    .values("title")
                )
            )
            .order_by("starts_at", "pk")
        ):
            one.forum = by_pk[one.forum_id]  # as a prefetch would
            held[one.forum_id].append(one)
    return DialogueOverview(
        meeting=meeting,
        previous_pk=previous_pk,
        since=since,
        until=meeting.starts_at,
        minorities=[MinorityDialogue(forum, forum.minority, held[forum.pk]) for forum in forums],
    )
