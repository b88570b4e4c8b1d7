"""Commitments and feedback for Haninge's demo meetings: issues the dialogue groups lifted to the
administration, the departments' answers, and an answer the Roma council has received.

Keyed on natural keys (meeting and title), so building twice with the same day changes nothing.
Every person is the invented demo staff of demo/haninge.py.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import translation

from core.models import AgendaItem, Department, Forum, Meeting, MeetingStatus, User
from demo.upsert import upsert
from dialogues.models import Commitment, CommitmentStatus

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class DemoCommitment:
    forum: str
    agenda_item: str
    position: int
    title: str
    description: str
    department: str
    responsible: str
    created_by: str
    # Days after the meeting the answer is due, or (due_next_month) a month from today.
    due_in_days: int | None
    due_next_month: bool
    answer: str
    received: bool


COMMITMENTS = [
    DemoCommitment(
        forum="dialog-sverigefinnar",
        agenda_item="Äldreomsorg på finska",
        position=1,
        title="Finskspråkig personal inom hemtjänsten",
        description=(
            "Representanterna vill veta hur många i hemtjänsten som talar finska, och hur förvaltningen "
            "ska se till att den som vill får hemtjänst på finska."
        ),
        department="SÄF",
        responsible="forvaltning@example.org",
        created_by="samordnare@example.org",
        due_in_days=60,
        due_next_month=False,
        answer=(
            "Elva medarbetare i hemtjänsten talar finska, fördelade på tre av fyra områden. Från januari "
            "frågar biståndshandläggarna alltid om den enskilde vill ha hemtjänst på finska, och "
            "rekryteringsannonser anger finska som merit."
        ),
        received=False,
    ),
    DemoCommitment(
        forum="dialog-sverigefinnar",
        agenda_item="Förskola och skola på finska",
        position=2,
        title="Information om rätten till förskola på finska",
        description=(
            "Föräldrar känner inte till rätten till förskola helt eller delvis på finska. Gruppen vill att "
            "informationen finns på finska och skickas med när barnet får plats i kön."
        ),
        department="UBF",
        responsible="forvaltning.ubf@example.org",
        created_by="samordnare@example.org",
        due_in_days=None,
        due_next_month=True,
        answer="",
        received=False,
    ),
    DemoCommitment(
        forum="dialog-sverigefinnar",
        agenda_item="Övriga frågor",
        position=3,
        title="Skyltning på finska i kommunhusets reception",
        description="Receptionen och självbetjäningen i kommunhuset saknar skyltar på finska.",
        department="KSF",
        responsible="forvaltning.ksf@example.org",
        created_by="samordnare@example.org",
        due_in_days=90,
        due_next_month=False,
        answer="",
        received=False,
    ),
    DemoCommitment(
        forum="dialog-romer",
        agenda_item="Romsk kultur i skola och bibliotek",
        position=1,
        title="Romsk kulturhistoria i skolbiblioteken",
        description=(
            "Rådet föreslår att skolbiblioteken köper in barn- och ungdomsböcker om romsk historia och "
            "kultur, också på romani chib."
        ),
        department="KOF",
        responsible="forvaltning.kof@example.org",
        created_by="processledare@example.org",
        due_in_days=90,
        due_next_month=False,
        answer=(
            "Biblioteken har köpt in 40 titlar, varav tolv på romani chib, och skolbiblioteken lånar dem "
            "som en vandrande boklåda. Under romernas dag hölls högläsning i Handens bibliotek."
        ),
        received=True,
    ),
]


def build_dialogues_demo(today: dt.date) -> list[Commitment]:
    """Add the demo commitments to the first meeting of the year of two dialogue groups, once held."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(today)


def _first_meeting_of_year(forum: Forum, year: int) -> Meeting | None:
    return (
        Meeting.objects.filter(forum=forum, starts_at__year=year)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
        .first()
    )


def _next_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(forum_id=meeting.forum_id, starts_at__gt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
        .first()
    )


def _next_month(today: dt.date) -> dt.date:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return dt.date(year, month, min(today.day, 28))


def _at_ten(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=STOCKHOLM)


def _build(today: dt.date) -> list[Commitment]:
    forums = {f.slug: f for f in Forum.objects.filter(slug__in={c.forum for c in COMMITMENTS})}
    departments = {d.code: d for d in Department.objects.filter(code__in={c.department for c in COMMITMENTS})}
    emails = {c.responsible for c in COMMITMENTS} | {c.created_by for c in COMMITMENTS}
    people = {u.email: u for u in User.objects.filter(email__in=emails)}
    built = []
    for spec in COMMITMENTS:
        forum = forums.get(spec.forum)
        origin = _first_meeting_of_year(forum, today.year) if forum else None
        # Nothing is lifted from a meeting that has not taken place yet.
        if origin is None or origin.starts_at.date() >= today:
            continue
        item, _ = upsert(
            AgendaItem,
            meeting=origin,
            title=spec.agenda_item,
            defaults={"position": spec.position},
        )
        meeting_day = origin.starts_at.date()
        due_on = (
            _next_month(today) if spec.due_next_month else meeting_day + dt.timedelta(days=spec.due_in_days)
        )
        defaults = {
            "forum": forum,
            "description": spec.description,
            "department": departments[spec.department],
            "responsible": people.get(spec.responsible),
            "due_on": due_on,
            "created_by": people.get(spec.created_by),
            "created_at": origin.ends_at,
            "status": CommitmentStatus.OPEN,
            "answer": "",
            "answered_at": None,
            "answered_by": None,
            "received_at": None,
            "received_at_meeting": None,
        }
        if spec.answer:
            # A received answer came a month after the meeting; one still waiting came in last week.
            answered_on = (
                meeting_day + dt.timedelta(days=30) if spec.received else today - dt.timedelta(days=5)
            )
            answered_on = max(meeting_day, min(answered_on, today - dt.timedelta(days=1)))
            defaults.update(
                status=CommitmentStatus.ANSWERED,
                answer=spec.answer,
                answered_at=_at_ten(answered_on),
                answered_by=people.get(spec.responsible),
            )
            following = _next_meeting(origin) if spec.received else None
            if following is not None and following.starts_at.date() < today:
                defaults.update(
                    status=CommitmentStatus.RECEIVED,
                    received_at=following.starts_at,
                    received_at_meeting=following,
                )
        commitment, _ = upsert(Commitment, agenda_item=item, title=spec.title, defaults=defaults)
        built.append(commitment)
    return built
