"""The consultation group keeps a protocol: its held meetings' items carry § numbers, and each protocol was
approved (justerat) by the chair and two adjusters a week after the meeting. The dialogue and working groups
keep plain notes (demo/haninge.py). The newest protocol is rendered as PDF by demo_data, the rest by the sweep.
"""

import datetime as dt

from django.utils import timezone

from core.models import Forum, Meeting, MeetingStatus, MinutesSigner, MinutesStatus, SignerRole, User
from core.services import number_paragraphs
from demo.upsert import upsert

CHAIR = "politiker@example.org"
ADJUSTERS = ["representant@example.org", "representant.romer@example.org"]


def held_protocol_meetings() -> list[Meeting]:
    """The consultation group's held meetings with approved or published minutes, oldest first."""
    return list(
        Meeting.objects.filter(
            forum__slug="politiska-samradsgruppen",
            status=MeetingStatus.HELD,
            minutes_status__in=[MinutesStatus.APPROVED, MinutesStatus.PUBLISHED],
        ).order_by("starts_at")
    )


def build_protocols_demo(today: dt.date) -> None:
    """Number the items and record the approval of each held consultation meeting; a second run writes nothing."""
    people = {u.email: u for u in User.objects.filter(email__in=[CHAIR, *ADJUSTERS])}
    if Forum.objects.filter(slug="politiska-samradsgruppen").first() is None or len(people) < 3:
        return
    now = timezone.now()
    for meeting in held_protocol_meetings():
        number_paragraphs(meeting)
        approved = min(meeting.ends_at + dt.timedelta(days=7), now)
        chosen = [(CHAIR, SignerRole.CHAIR)] + [(email, SignerRole.ADJUSTER) for email in ADJUSTERS]
        for offset, (email, role) in enumerate(chosen):
            upsert(
                MinutesSigner,
                meeting=meeting,
                user=people[email],
                defaults={"role": role, "approved_at": approved - dt.timedelta(hours=len(chosen) - offset)},
            )
