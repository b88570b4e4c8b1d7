"""Agenda proposals for Haninge's demo: one in every state of the workflow, some written in Finnish,
with the forum members' comments and the consultation log's records (on proposals and agenda items).

Keyed on natural keys (forum and title), so building twice with the same day changes nothing. The
states are written directly (no mail goes out); every person is the invented demo staff of demo/haninge.py.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import timezone

from core.models import AgendaItem, Department, Forum, Meeting, MeetingStatus, User
from core.services import add_agenda_item
from demo.upsert import upsert
from proposals.models import Comment, ConsultationForm, ConsultationRecord, Proposal, ProposalStatus

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class DemoProposal:
    forum: str
    proposer: str
    title: str
    description: str
    language: str
    days_ago: int
    status: str
    reason: str = ""
    why: str = ""
    department: str | None = None
    children: bool = False
    # "next" places it on the forum's next meeting, "past" on its last held one, "earlier" on the one
    # before that (or the last held one, early in the year).
    meeting: str | None = None
    # What the minutes of a held meeting say of it: the discussion and the decision.
    discussion: str = ""
    decision: str = ""
    merged_into: str | None = None
    deferred_days: int | None = None
    answered: bool | None = None
    answered_comment: str = ""
    followers: tuple[str, ...] = field(default_factory=tuple)


SVERIGEFINNAR = "dialog-sverigefinnar"
REP = "representant@example.org"

PROPOSALS = [
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Suomenkielinen kirjastotoiminta lapsille",
        description="Kirjastoon tarvitaan suomenkielisiä satutunteja ja lastenkirjoja.",
        why="Lapset tarvitsevat suomea myös koulun ulkopuolella.",
        language="fi",
        days_ago=3,
        status=ProposalStatus.RECEIVED,
        department="KOF",
        children=True,
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Suomenkielinen vanhustenhuolto Handenissa",
        description="Kuinka moni vanhainkoti tarjoaa hoitoa suomeksi, ja miten tietoa jaetaan?",
        language="fi",
        days_ago=40,
        status=ProposalStatus.UNDER_CONSIDERATION,
        reason="Samordnaren tar fram uppgifter från förvaltningen inför nästa möte.",
        department="SÄF",
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Finska i förskolan: platsgaranti",
        description="Vi vill diskutera hur kommunen informerar om rätten till förskola på finska.",
        language="sv",
        days_ago=20,
        status=ProposalStatus.PLACED,
        reason="Tas upp på nästa dialogmöte; förvaltningen bjuds in.",
        department="UBF",
        children=True,
        meeting="next",
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer="forvaltning@example.org",
        title="Information om förskola på finska",
        description="Samma fråga som platsgarantin, från förvaltningens håll.",
        language="sv",
        days_ago=18,
        status=ProposalStatus.MERGED,
        reason="Samma fråga som ”Finska i förskolan: platsgaranti”; behandlas tillsammans.",
        merged_into="Finska i förskolan: platsgaranti",
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Suomenkieliset katukyltit",
        description="Haluaisimme kaksikieliset katukyltit keskustaan.",
        language="fi",
        days_ago=60,
        status=ProposalStatus.DECLINED,
        reason=(
            "Skyltning av gator beslutas av byggnadsnämnden och ingår inte i dialoggruppens uppdrag. "
            "Samordnaren hjälper gärna till att lämna frågan som medborgarförslag."
        ),
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Sverigefinnarnas dag 24 februari",
        description="Hur uppmärksammar kommunen sverigefinnarnas dag nästa år?",
        language="sv",
        days_ago=45,
        status=ProposalStatus.DEFERRED,
        reason="Skjuts upp till hösten, när kulturförvaltningens plan för nästa år är klar.",
        deferred_days=120,
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Suomenkielinen kotipalvelu",
        description="Miten kotipalvelua saa suomeksi?",
        language="fi",
        days_ago=90,
        status=ProposalStatus.RESOLVED,
        reason="Behandlades på dialogmötet; förvaltningen återkopplar om personalens språk.",
        department="SÄF",
        meeting="earlier",
        discussion="Representanterna berättade att äldre som bett om hemtjänst på finska ofta får svensktalande personal.",
        decision="Socialförvaltningen kartlägger hemtjänstens finsktalande personal och informerar på finska om "
        "rätten till hemtjänst på finska; återkoppling till dialoggruppen.",
        answered=True,
        answered_comment="Kiitos, saimme hyvän vastauksen.",
    ),
    DemoProposal(
        forum=SVERIGEFINNAR,
        proposer=REP,
        title="Modersmålsundervisning i finska på högstadiet",
        description="Eleverna får för få timmar modersmål på högstadiet.",
        language="sv",
        days_ago=100,
        status=ProposalStatus.RESOLVED,
        reason="Behandlades på dialogmötet; förvaltningen hänvisade till skolans resurser.",
        department="UBF",
        children=True,
        meeting="past",
        answered=False,
        answered_comment="Vi fick inget svar på hur många timmar eleverna ska få.",
    ),
]


def _meeting(forum: Forum, which: str, today: dt.date) -> Meeting | None:
    now = timezone.make_aware(dt.datetime.combine(today, dt.time(12)), STOCKHOLM)
    meetings = Meeting.objects.filter(forum=forum)
    if which == "next":
        return (
            meetings.filter(starts_at__gte=now)
            .exclude(status__in=[MeetingStatus.HELD, MeetingStatus.CANCELLED])
            .order_by("starts_at")
            .first()
        )
    held = meetings.filter(starts_at__lt=now, status=MeetingStatus.HELD).order_by("-starts_at")
    if which == "earlier":
        return held[1:2].first() or held.first()
    return held.first()


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)), STOCKHOLM)


def _follow(proposal: Proposal, people: set[int]) -> None:
    missing = people - set(proposal.followers.values_list("pk", flat=True))
    if missing:
        proposal.followers.add(*missing)


def build_proposals_demo(today: dt.date) -> None:
    """Create or update the demo proposals; with the same day, a second run writes nothing."""
    people = {u.email: u for u in User.objects.all()}
    forums = {f.slug: f for f in Forum.objects.all()}
    departments = {d.code: d for d in Department.objects.all()}
    built: dict[str, Proposal] = {}
    for demo in PROPOSALS:
        forum, proposer = forums.get(demo.forum), people.get(demo.proposer)
        if forum is None or proposer is None:
            continue
        created = _at(today - dt.timedelta(days=demo.days_ago))
        item = None
        if demo.meeting:
            meeting = _meeting(forum, demo.meeting, today)
            if meeting is None:
                continue
            existing = meeting.agenda_items.filter(title=demo.title).first()
            closing = next((i for i in meeting.agenda_items.all() if i.is_any_other_business), None)
            if existing is None or (closing is not None and existing.position > closing.position):
                # Placed as the portal places a proposal: before any other business.
                existing = add_agenda_item(meeting, existing or AgendaItem(title=demo.title), None)
            position = existing.position
            item, _ = upsert(
                AgendaItem,
                meeting=meeting,
                title=demo.title,
                defaults={
                    "description": demo.description,
                    "presenter": proposer,
                    "position": position,
                    **(
                        {"minutes": f"<p>{demo.discussion}</p>", "decision": f"<p>{demo.decision}</p>"}
                        if demo.decision and meeting.status == MeetingStatus.HELD
                        else {}
                    ),
                },
            )
        defaults = {
            "proposer": proposer,
            "description": demo.description,
            "why_it_matters": demo.why,
            "language": demo.language,
            "minority": forum.minority,
            "department": departments.get(demo.department) if demo.department else None,
            "affects_children_and_youth": demo.children,
            "status": demo.status,
            "status_reason": demo.reason,
            "created_at": created,
            "status_changed_at": created + dt.timedelta(days=2)
            if demo.status != ProposalStatus.RECEIVED
            else created,
            "agenda_item": item,
            "merged_into": built.get(demo.merged_into) if demo.merged_into else None,
            "deferred_until": today + dt.timedelta(days=demo.deferred_days) if demo.deferred_days else None,
            "answered": demo.answered,
            "answered_comment": demo.answered_comment,
            "answered_at": created + dt.timedelta(days=20) if demo.answered is not None else None,
        }
        if demo.status == ProposalStatus.MERGED and defaults["merged_into"] is None:
            continue
        proposal, _ = upsert(Proposal, forum=forum, title=demo.title, defaults=defaults)
        wanted = {proposer.pk} | {people[e].pk for e in demo.followers if e in people}
        _follow(proposal, wanted)
        if demo.status == ProposalStatus.MERGED:
            # The duplicate's followers follow the survivor, as services.merge does.
            _follow(defaults["merged_into"], wanted)
        built[demo.title] = proposal
    _build_comments(built, people, today)
    _build_consultations(built, people, today)


@dataclass(frozen=True)
class DemoComment:
    proposal: str
    author: str
    text: str
    days_after: int


COMMENTS = [
    DemoComment(
        "Suomenkielinen kirjastotoiminta lapsille",
        "forvaltning.ubf@example.org",
        "Skolbiblioteken kan låna ut sina böcker på finska till sagostunderna. Jag hör med Handens bibliotek "
        "om en gemensam start till vårterminen.",
        1,
    ),
    DemoComment(
        "Suomenkielinen kirjastotoiminta lapsille",
        REP,
        "Kiitos! Lauantaiaamu sopisi monelle perheelle parhaiten.",
        2,
    ),
    DemoComment(
        "Suomenkielinen vanhustenhuolto Handenissa",
        "forvaltning@example.org",
        "Två av kommunens fem äldreboenden har finsktalande personal på varje pass. Jag tar fram väntetiderna "
        "till mötet.",
        6,
    ),
    DemoComment(
        "Suomenkielinen vanhustenhuolto Handenissa",
        REP,
        "Hyvä tietää. Toivomme, että tieto löytyy myös suomeksi kunnan verkkosivuilta.",
        8,
    ),
    DemoComment(
        "Finska i förskolan: platsgaranti",
        "forvaltning.ubf@example.org",
        "Vi ser över texten i köbeskedet så att rätten till förskola på finska står med, och visar förslaget "
        "på mötet.",
        4,
    ),
    DemoComment(
        "Sverigefinnarnas dag 24 februari",
        "samordnare@example.org",
        "Kulturförvaltningen lägger nästa års program i september; förslaget följer med dit.",
        3,
    ),
    DemoComment(
        "Modersmålsundervisning i finska på högstadiet",
        REP,
        "Vanhemmat ovat huolissaan: kaksi tuntia viikossa ei riitä.",
        5,
    ),
]


def _build_comments(proposals: dict[str, Proposal], people: dict[str, User], today: dt.date) -> None:
    for demo in COMMENTS:
        proposal, author = proposals.get(demo.proposal), people.get(demo.author)
        if proposal is None or author is None:
            continue
        written = min(proposal.created_at + dt.timedelta(days=demo.days_after), _at(today))
        upsert(Comment, proposal=proposal, author=author, text=demo.text, defaults={"created_at": written})


@dataclass(frozen=True)
class DemoConsultation:
    consulted: str
    form: str
    what_they_said: str
    how_it_changed: str
    # On a proposal (by title, days after it came in), or on a held meeting's agenda item (forum slug and
    # item title, the day of the meeting).
    proposal: str = ""
    days_after: int = 0
    forum: str = ""
    agenda_item: str = ""
    children: bool = False


CONSULTATIONS = [
    DemoConsultation(
        consulted="Haninge finska förening och Sverigefinska pensionärsföreningen",
        form=ConsultationForm.MEETING,
        what_they_said=(
            "De äldre vill kunna välja hemtjänst på finska och få veta i förväg vem i personalen som talar "
            "finska. Anhöriga tolkar i dag ofta själva."
        ),
        how_it_changed=(
            "Socialförvaltningen frågar nu alltid efter språkönskemål vid biståndsbeslutet och anger finska "
            "som merit när hemtjänsten anställer."
        ),
        proposal="Suomenkielinen kotipalvelu",
        days_after=21,
    ),
    DemoConsultation(
        consulted="Elevrådet på Vendelsö skola och elever som läser finska som modersmål",
        form=ConsultationForm.DIGITAL,
        what_they_said=(
            "Eleverna vill ha modersmålet inom skoldagen i stället för sent på eftermiddagen, och fler "
            "tillfällen att tala finska med varandra."
        ),
        how_it_changed="Utbildningsförvaltningen lägger modersmålet på skoltid på två skolor från vårterminen.",
        proposal="Modersmålsundervisning i finska på högstadiet",
        days_after=14,
        children=True,
    ),
    DemoConsultation(
        consulted="Föräldragruppen i Haninge finska förening",
        form=ConsultationForm.WRITTEN,
        what_they_said=(
            "Flera föräldrar visste inte att barnen har rätt till förskola på finska; de vill ha beskedet "
            "tillsammans med platserbjudandet, på svenska och finska."
        ),
        how_it_changed="Tas upp på dialogmötet, där utbildningsförvaltningen visar ett nytt köbesked.",
        proposal="Finska i förskolan: platsgaranti",
        days_after=5,
    ),
    DemoConsultation(
        consulted="Representanterna för de fem nationella minoriteterna i samrådsgruppen",
        form=ConsultationForm.MEETING,
        what_they_said=(
            "Målet om information på minoritetsspråken går inte att följa upp, eftersom ingen räknar vilka "
            "sidor som finns på språken."
        ),
        how_it_changed="Målet får en indikator: antal sidor på kommunens webbplats på varje minoritetsspråk.",
        forum="politiska-samradsgruppen",
        agenda_item="Minoritetspolitiska programmet: uppföljning av målen",
    ),
    DemoConsultation(
        consulted="Romska rådet och två romska ungdomar från Jordbro",
        form=ConsultationForm.MEETING,
        what_they_said=(
            "Ungdomarna berättade att en vuxen som kan romani chib och känner skolan gör det lättare att "
            "stanna kvar i skolan."
        ),
        how_it_changed="Utbildningsförvaltningen anställer en brobyggare på halvtid från januari.",
        forum="dialog-romer",
        agenda_item="Romsk inkludering i skolan: brobyggare",
        children=True,
    ),
]


def _build_consultations(proposals: dict[str, Proposal], people: dict[str, User], today: dt.date) -> None:
    recorder = people.get("samordnare@example.org")
    for demo in CONSULTATIONS:
        proposal, item = None, None
        if demo.proposal:
            proposal = proposals.get(demo.proposal)
            if proposal is None:
                continue
            day = min(
                timezone.localtime(proposal.created_at).date() + dt.timedelta(days=demo.days_after), today
            )
        else:
            item = (
                AgendaItem.objects.filter(
                    meeting__forum__slug=demo.forum,
                    title=demo.agenda_item,
                    meeting__status=MeetingStatus.HELD,
                    meeting__starts_at__date__lt=today,
                )
                .select_related("meeting")
                .order_by("meeting__starts_at")
                .first()
            )
            if item is None:
                continue
            day = timezone.localtime(item.meeting.starts_at).date()
        upsert(
            ConsultationRecord,
            proposal=proposal,
            agenda_item=item,
            consulted=demo.consulted,
            defaults={
                "consulted_on": day,
                "form": demo.form,
                "children_and_youth": demo.children,
                "what_they_said": demo.what_they_said,
                "how_it_changed": demo.how_it_changed,
                "recorded_by": recorder,
            },
        )
