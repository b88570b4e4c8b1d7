"""Commitments and feedback for Haninge's demo meetings: issues the dialogue groups lifted to the
administration, the departments' answers, and an answer the Roma council has received.

Every topic a dialogue meeting's minutes say was lifted to a department (LIFTED, written into the minutes
by demo/meetings.py) has its commitment; once the forum's next meeting is past, the answer was heard there.

Keyed on natural keys (meeting and title), so building twice with the same day changes nothing.
Every person is the invented demo staff of demo/haninge.py.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import translation

from core.models import AgendaItem, Department, Forum, Meeting, MeetingStatus, Tier, User
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


@dataclass(frozen=True)
class LiftedIssue:
    """A dialogue meeting's topic that the minutes lift to a department, and what the department answered."""

    department: str
    title: str
    description: str
    answer: str


CONTACT = {
    "SÄF": "forvaltning@example.org",
    "UBF": "forvaltning.ubf@example.org",
    "KOF": "forvaltning.kof@example.org",
    "KSF": "forvaltning.ksf@example.org",
}

# Topic of a dialogue meeting (demo/meetings.py TOPICS) -> the issue lifted to a department.
LIFTED = {
    "Förskola på finska: efterfrågan och platser": LiftedIssue(
        "UBF",
        "Kö och platser i förskola på finska",
        "Gruppen vill veta hur många barn som står i kö till förskola helt eller delvis på finska, och när "
        "fler platser öppnar.",
        "I oktober stod 23 barn i kö till förskola på finska. En avdelning med finskspråkig personal öppnar "
        "i Vendelsö i augusti, med plats för 15 barn.",
    ),
    "Sverigefinnarnas dag 24 februari": LiftedIssue(
        "KOF",
        "Program för sverigefinnarnas dag",
        "Gruppen vill att dagen uppmärksammas med flaggning och ett program på finska för barn och vuxna.",
        "Kommunhuset flaggar, Handens bibliotek har sagostund på finska och en utställning om sverigefinsk "
        "historia visas i kommunhusets entré under februari.",
    ),
    "Finskspråkig personal inom hemtjänsten": LiftedIssue(
        "SÄF",
        "Finska som merit vid rekrytering till hemtjänsten",
        "Representanterna vill att kunskaper i finska efterfrågas när hemtjänsten anställer.",
        "Från november anges finska som merit i hemtjänstens annonser, och två av höstens nyanställda talar "
        "finska.",
    ),
    "Information på finska på kommunens webbplats": LiftedIssue(
        "KSF",
        "Fler sidor på finska på kommunens webbplats",
        "Sidorna om äldreomsorg, förskola och kontakt med kommunen finns inte på finska.",
        "Kommunikationsenheten översätter sidorna om äldreomsorg, förskola och kontakt under våren och "
        "samlar dem under Suomeksi på startsidan.",
    ),
    "Romsk inkludering i skolan: brobyggare": LiftedIssue(
        "UBF",
        "Brobyggare i grundskolan",
        "Rådet vill att skolor med romska elever kan få stöd av en romsk brobyggare.",
        "Utbildningsförvaltningen anställer en brobyggare på halvtid från januari, med placering i Handen "
        "och stöd till alla grundskolor som ber om det.",
    ),
    "Romernas nationaldag 8 april": LiftedIssue(
        "KOF",
        "Romernas nationaldag i kommunen",
        "Rådet föreslår flaggning och ett öppet firande på Kulturhuset i Handen.",
        "Kommunen flaggar den 8 april och Kulturhuset i Handen står för lokal och marknadsföring av ett öppet "
        "firande som rådet planerar.",
    ),
    "Boendefrågor och kontakt med Haninge Bostäder": LiftedIssue(
        "KSF",
        "En kontaktperson hos Haninge Bostäder",
        "Rådet vill ha en namngiven kontakt hos Haninge Bostäder för frågor om boende och diskriminering.",
        "Haninge Bostäder har utsett en kontaktperson i kundtjänsten, som deltar i rådets möte en gång om året.",
    ),
    "Val till romska rådet vid öppet möte": LiftedIssue(
        "KSF",
        "Lokal och annonsering inför valet till romska rådet",
        "Valet till rådet hålls vid ett öppet möte; rådet behöver lokal och hjälp att sprida kallelsen.",
        "Kommunen bokar sal Neptunus och annonserar mötet på webbplatsen, i biblioteken och på romani chib.",
    ),
    "Samiska nationaldagen 6 februari": LiftedIssue(
        "KOF",
        "Samiska nationaldagen i Handen",
        "Gruppen vill att den samiska flaggan hissas och att dagen uppmärksammas på biblioteken.",
        "Samiska flaggan hissas vid kommunhuset och biblioteken visar samisk litteratur och film hela veckan.",
    ),
    "Modersmålsundervisning i samiska": LiftedIssue(
        "UBF",
        "Modersmål i samiska på distans",
        "Familjer får inte veta att barnen har rätt till modersmål i samiska även när de är få.",
        "Modersmål i samiska ges på distans tillsammans med Sameskolstyrelsen; informationen skickas nu med "
        "skolans välkomstbrev.",
    ),
    "Samisk kultur på biblioteken": LiftedIssue(
        "KOF",
        "Samisk litteratur i biblioteken",
        "Gruppen föreslår att biblioteken köper in böcker på samiska och om samisk kultur.",
        "Biblioteken har köpt in 25 titlar på nord- och sydsamiska och om samisk kultur, utställda i Handen.",
    ),
    "Kontakt med Sametinget": LiftedIssue(
        "KSF",
        "Kommunens kontakt med Sametinget",
        "Gruppen vill att kommunen tar kontakt med Sametinget om stöd till förvaltningsarbetet.",
        "Minoritetssamordnaren har haft ett första möte med Sametinget och bjuder in dem till ett dialogmöte.",
    ),
    "Meänkieli i förskolan": LiftedIssue(
        "UBF",
        "Meänkieli i förskolan",
        "Representanten frågar hur föräldrar får veta om rätten till delar av förskolan på meänkieli.",
        "Informationen om förskola på minoritetsspråk finns nu också på meänkieli och skickas med köbeskedet.",
    ),
    "Tornedalingarnas dag 15 juli": LiftedIssue(
        "KOF",
        "Tornedalingarnas dag",
        "Gruppen vill att dagen syns i kommunen trots att den infaller under sommaruppehållet.",
        "Kommunhuset flaggar den 15 juli och Handens bibliotek har en sommarutställning om Tornedalen.",
    ),
    "Litteratur på meänkieli i biblioteken": LiftedIssue(
        "KOF",
        "Böcker på meänkieli",
        "Biblioteken har få eller inga böcker på meänkieli.",
        "Biblioteken har köpt in 18 titlar på meänkieli, och fjärrlån från andra kommuner är kostnadsfria.",
    ),
    "Ungas delaktighet": LiftedIssue(
        "KOF",
        "Unga tornedalingar i dialogen",
        "Gruppen vill nå unga och föreslår en träff på en fritidsgård.",
        "Fritidsgården i Jordbro står värd för en träff för unga i april, tillsammans med STR-T:s ungdomsförbund.",
    ),
    "Förintelsens minnesdag 27 januari": LiftedIssue(
        "KOF",
        "Förintelsens minnesdag",
        "Församlingen föreslår en minnesstund och att skolorna uppmärksammar dagen.",
        "En minnesstund hålls i kommunhuset och alla högstadieskolor har fått lektionsmaterial inför dagen.",
    ),
    "Jiddisch i modersmålsundervisningen": LiftedIssue(
        "UBF",
        "Modersmål i jiddisch",
        "Familjer vet inte att barnen har rätt till modersmål i jiddisch även om de är få.",
        "Modersmål i jiddisch erbjuds på distans; rätten står nu i informationen som skickas till alla "
        "vårdnadshavare.",
    ),
    "Trygghet och säkerhet vid evenemang": LiftedIssue(
        "KSF",
        "Trygghet vid judiska evenemang",
        "Församlingen vill att kommunen är med och planerar säkerheten vid öppna evenemang.",
        "Säkerhetssamordnaren går igenom varje öppet evenemang med församlingen och polisen i förväg.",
    ),
    "Judisk kultur på Haningedagen": LiftedIssue(
        "KOF",
        "Judisk kultur på Haningedagen",
        "Gruppen vill ha en plats på Haningedagen för judisk musik och mat.",
        "Kulturförvaltningen reserverar en plats på scenen och ett tält åt församlingen på Haningedagen.",
    ),
}


def lifted_issue(forum: Forum, topic: str) -> LiftedIssue | None:
    """The issue a dialogue meeting lifts to a department under this topic, if any."""
    return LIFTED.get(topic) if forum.tier == Tier.DIALOGUE else None


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
    return built + _build_lifted(today)


def _build_lifted(today: dt.date) -> list[Commitment]:
    """A commitment for each topic a held dialogue meeting lifted to a department, answered and heard."""
    departments = {d.code: d for d in Department.objects.filter(code__in=CONTACT)}
    people = {u.email: u for u in User.objects.filter(email__in=[*CONTACT.values(), *CREATORS.values()])}
    items = (
        AgendaItem.objects.filter(
            meeting__forum__tier=Tier.DIALOGUE,
            meeting__status=MeetingStatus.HELD,
            meeting__starts_at__date__lt=today,
            title__in=LIFTED,
        )
        .select_related("meeting__forum")
        .order_by("meeting__starts_at")
    )
    built = []
    for item in items:
        issue, origin = LIFTED[item.title], item.meeting
        meeting_day = origin.starts_at.date()
        following = _next_meeting(origin)
        due_on = following.starts_at.date() if following else meeting_day + dt.timedelta(days=60)
        contact = people.get(CONTACT[issue.department])
        defaults = {
            "forum": origin.forum,
            "description": issue.description,
            "department": departments[issue.department],
            "responsible": contact,
            "due_on": due_on,
            "created_by": people.get(CREATORS.get(origin.forum.slug, CREATORS["default"])),
            "created_at": origin.ends_at,
            "status": CommitmentStatus.OPEN,
            "answer": "",
            "answered_at": None,
            "answered_by": None,
            "received_at": None,
            "received_at_meeting": None,
        }
        if following is not None and following.starts_at.date() < today:
            # Answered two weeks before the next meeting, which heard the answer.
            answered_on = max(meeting_day + dt.timedelta(days=1), due_on - dt.timedelta(days=14))
            defaults.update(
                status=CommitmentStatus.RECEIVED,
                answer=issue.answer,
                answered_at=_at_ten(answered_on),
                answered_by=contact,
                received_at=following.starts_at,
                received_at_meeting=following,
            )
        elif (today - meeting_day).days > 30:
            # The answer came last week; the next meeting will hear it.
            defaults.update(
                status=CommitmentStatus.ANSWERED,
                answer=issue.answer,
                answered_at=_at_ten(today - dt.timedelta(days=7)),
                answered_by=contact,
            )
        commitment, _ = upsert(Commitment, agenda_item=item, title=issue.title, defaults=defaults)
        built.append(commitment)
    return built


# Who wrote the commitment down: the Roma council's process leader, elsewhere the coordinator.
CREATORS = {"dialog-romer": "processledare@example.org", "default": "samordnare@example.org"}
