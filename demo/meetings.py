"""A year of meetings for every forum of the three tiers, with agendas, attendance and minutes."""

import datetime as dt
from zoneinfo import ZoneInfo

from core.models import (
    RSVP,
    AgendaItem,
    Attendance,
    Department,
    Forum,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesStatus,
    Presence,
    Tier,
    User,
    is_any_other_business_title,
)
from demo.dialogues import lifted_issue

STOCKHOLM = ZoneInfo("Europe/Stockholm")

TITLES = {
    "samrad": (
        "Samråd med de nationella minoriteterna",
        "Neuvonpito kansallisten vähemmistöjen kanssa",
        "Consultation with the national minorities",
    ),
    "sverigefinnar": (
        "Dialogmöte sverigefinnar",
        "Ruotsinsuomalaisten dialogikokous",
        "Sweden Finns' dialogue meeting",
    ),
    "romer": ("Dialogmöte romska rådet", "Romanineuvoston dialogikokous", "Roma council dialogue meeting"),
    "samer": ("Dialogmöte samer", "Saamelaisten dialogikokous", "Sami dialogue meeting"),
    "tornedalingar": (
        "Dialogmöte tornedalingar",
        "Tornionlaaksolaisten dialogikokous",
        "Tornedalians' dialogue meeting",
    ),
    "judar": ("Dialogmöte judar", "Juutalaisten dialogikokous", "Jewish dialogue meeting"),
    "aldreomsorg": (
        "Arbetsgrupp: finskspråkig äldreomsorg",
        "Työryhmä: suomenkielinen vanhustenhuolto",
        "Working group: Finnish-language elderly care",
    ),
    "skola": (
        "Arbetsgrupp: modersmål och tvåspråkig skola",
        "Työryhmä: äidinkieli ja kaksikielinen koulu",
        "Working group: mother tongue and bilingual school",
    ),
}

# forum key -> (hour, place, [(month, day), ...])
SCHEDULE = {
    "samrad": (17, "Haninge kommunhus, sal Poseidon", [(2, 12), (5, 14), (9, 17), (12, 10)]),
    "sverigefinnar": (15, "Handens bibliotek, studierummet", [(3, 5), (5, 28), (10, 8), (12, 3)]),
    "romer": (16, "Kulturhuset i Handen", [(4, 2), (6, 11), (9, 24), (11, 5)]),
    "samer": (16, "Kulturhuset i Handen", [(3, 19), (5, 7), (9, 10), (11, 19)]),
    "tornedalingar": (15, "Haninge kommunhus, sal Neptunus", [(4, 16), (6, 4), (10, 22), (12, 8)]),
    "judar": (16, "Haninge kommunhus, sal Neptunus", [(3, 26), (5, 20), (10, 29), (12, 1)]),
    "aldreomsorg": (10, "Teams", [(2, 26), (6, 11), (9, 3), (11, 12)]),
    "skola": (14, "Utbildningsförvaltningen, Handen", [(2, 5), (4, 23), (10, 1)]),
}
# The school group did its work the year before and was closed in December (demo/workinggroups.py).
YEAR_OFFSET = {"skola": -1}

TOPICS = {
    "samrad": [
        "Minoritetspolitiska programmet: uppföljning av målen",
        "Finskspråkig äldreomsorg: lägesrapport från SÄF",
        "Handlingsplanen: vad har genomförts i år",
        "Nästa års agenda och årssnurran",
    ],
    "sverigefinnar": [
        "Förskola på finska: efterfrågan och platser",
        "Sverigefinnarnas dag 24 februari",
        "Finskspråkig personal inom hemtjänsten",
        "Information på finska på kommunens webbplats",
    ],
    "romer": [
        "Romsk inkludering i skolan: brobyggare",
        "Romernas nationaldag 8 april",
        "Boendefrågor och kontakt med Haninge Bostäder",
        "Val till romska rådet vid öppet möte",
    ],
    "samer": [
        "Samiska nationaldagen 6 februari",
        "Modersmålsundervisning i samiska",
        "Samisk kultur på biblioteken",
        "Kontakt med Sametinget",
    ],
    "tornedalingar": [
        "Meänkieli i förskolan",
        "Tornedalingarnas dag 15 juli",
        "Litteratur på meänkieli i biblioteken",
        "Ungas delaktighet",
    ],
    "judar": [
        "Förintelsens minnesdag 27 januari",
        "Jiddisch i modersmålsundervisningen",
        "Trygghet och säkerhet vid evenemang",
        "Judisk kultur på Haningedagen",
    ],
    "aldreomsorg": [
        "Kartläggning av finskspråkig personal",
        "Lokal för en finskspråkig avdelning",
        "Information till äldre och anhöriga på finska",
        "Tidplan och rapport till samrådsgruppen",
    ],
    "skola": [
        "Tvåspråkig undervisning: erfarenheter från första året",
        "Modersmålslärare: rekrytering",
        "Information till vårdnadshavare",
    ],
}

MINUTES = {
    "Återkoppling från förvaltningarna": (
        "Förvaltningskontakterna redogjorde för svaren på de frågor som lyftes vid förra mötet.",
        "Gruppen tackar för återkopplingen.",
    ),
    "Återkoppling från dialoggrupperna": (
        "Samordnaren redogjorde för vilka dialogmöten som hållits sedan förra samrådet och vilka frågor som är aktuella.",
        "Samrådsgruppen noterar informationen.",
    ),
    "Övriga frågor": ("Inga övriga frågor.", ""),
}


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=STOCKHOLM)


def _topic_minutes(forum: Forum, title: str, departments: dict[str, str]) -> tuple[str, str]:
    """What a topic's minutes say: a dialogue meeting lifts it to a department (a commitment follows, in
    demo/dialogues.py); the consultation group and the working groups carry it on themselves."""
    discussion = (
        f"Gruppen diskuterade {title[0].lower() + title[1:]}. Representanterna lyfte behovet av "
        "information på minoritetsspråket och av att frågan följs upp."
    )
    issue = lifted_issue(forum, title)
    if issue is not None:
        name = departments[issue.department]
        decision = f"Frågan lyfts till {name[0].lower() + name[1:]}, som återkommer till nästa möte."
    elif forum.tier == Tier.CONSULTATION:
        decision = "Samrådsgruppen noterar informationen; frågan följs upp i handlingsplanen."
    else:
        decision = "Arbetsgruppen arbetar vidare med frågan och redovisar på nästa möte."
    return discussion, decision


def _first_item(forum_key: str) -> str:
    return (
        "Återkoppling från dialoggrupperna" if forum_key == "samrad" else "Återkoppling från förvaltningarna"
    )


def build_meetings(forums: dict[str, Forum], year: int, today: dt.date, upsert, coordinator: User) -> None:
    """Every forum's meetings of the year; the past ones held, attended and minuted, the next ones called."""
    departments = {d.code: d.name_sv or d.name for d in Department.objects.all()}
    for key, (hour, place, dates) in SCHEDULE.items():
        forum = forums[key]
        sv, fi, en = TITLES[key]
        for index, (month, day) in enumerate(dates):
            starts_at = _at(dt.date(year + YEAR_OFFSET.get(key, 0), month, day), hour)
            members = list(
                Membership.objects.current(on=starts_at.date()).filter(forum=forum).select_related("user")
            )
            held = starts_at.date() < today
            soon = not held and (starts_at.date() - today).days <= 21
            meeting, _ = upsert(
                Meeting,
                forum=forum,
                starts_at=starts_at,
                defaults={
                    "title": sv,
                    "title_sv": sv,
                    "title_fi": fi,
                    "title_en": en,
                    "ends_at": starts_at + dt.timedelta(hours=2),
                    "location": "" if place == "Teams" else place,
                    "video_url": "https://meet.example.org/haninge-arbetsgrupp" if place == "Teams" else "",
                    "status": MeetingStatus.HELD
                    if held
                    else (MeetingStatus.AGENDA_PUBLISHED if soon else MeetingStatus.PLANNED),
                    "minutes_status": MinutesStatus.PUBLISHED if held else MinutesStatus.DRAFT,
                    "created_by": coordinator,
                },
            )
            topic = TOPICS[key][index % len(TOPICS[key])]
            items = [(_first_item(key), 20, coordinator), (topic, 45, None), ("Övriga frågor", 10, None)]
            for position, (title, minutes, presenter) in enumerate(items, start=1):
                discussion, decision = MINUTES.get(title) or _topic_minutes(forum, title, departments)
                defaults = {
                    "title": title,
                    "duration_minutes": minutes,
                    "presenter": presenter,
                    "minutes": f"<p>{discussion}</p>" if held else "",
                    "decision": f"<p>{decision}</p>" if held and decision else "",
                }
                lookup = {"position": position}
                if is_any_other_business_title(title):
                    # Found by its title: proposals placed on the meeting go before it and move it down.
                    lookup = {"title": defaults.pop("title")}
                    if not meeting.agenda_items.filter(**lookup).exists():
                        defaults["position"] = position
                upsert(AgendaItem, meeting=meeting, defaults=defaults, **lookup)
            for number, membership in enumerate(members):
                excused = held and number == 1 and len(members) > 2
                upsert(
                    Attendance,
                    meeting=meeting,
                    user=membership.user,
                    defaults={
                        "rsvp": RSVP.DECLINED if excused else (RSVP.ATTENDING if held else RSVP.NO_REPLY),
                        "presence": Presence.EXCUSED
                        if excused
                        else (Presence.PRESENT if held else Presence.UNKNOWN),
                    },
                )
