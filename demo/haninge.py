"""Haninge as the seeds describe it: minorities, departments, the three tiers, the wheel, goals and actions.

Every person here is invented; no name, address or number comes from the seeds.
Each record is keyed on a natural key, so building twice changes nothing.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.models import (
    Department,
    Forum,
    ForumRole,
    Language,
    Membership,
    MinutesKind,
    NationalMinority,
    Role,
    Tier,
    User,
)
from demo.annual import build_annual_demo
from demo.dialogues import build_dialogues_demo
from demo.duties import build_duties_demo
from demo.followup import build_followup_demo
from demo.meetings import build_meetings
from demo.notifications import build_notifications_demo
from demo.pages import build_pages_demo
from demo.proposals import build_proposals_demo
from demo.protocols import build_protocols_demo
from demo.upsert import upsert
from demo.workinggroups import build_workinggroups_demo

DEMO_PASSWORD = "haninge-demo-2026"  # noqa: S105 - printed for the demo; never used in production
STOCKHOLM = ZoneInfo("Europe/Stockholm")

LANGUAGES = [
    # code, sv, fi, en, native, right to left
    ("fi", "finska", "suomi", "Finnish", "suomi", False),
    ("fit", "meänkieli", "meänkieli", "Meänkieli", "meänkieli", False),
    ("se", "nordsamiska", "pohjoissaame", "Northern Sami", "davvisámegiella", False),
    ("smj", "lulesamiska", "luulajansaame", "Lule Sami", "julevsámegiella", False),
    ("sma", "sydsamiska", "eteläsaame", "Southern Sami", "åarjelsaemien gïele", False),
    ("rom", "romani chib", "romani", "Romani", "romani čhib", False),
    (
        "rmy",
        "romani chib (kalderash)",
        "romani (kalderaš)",
        "Vlax Romani (Kalderash)",
        "romani čhib (kalderash)",
        False,
    ),
    ("yi", "jiddisch", "jiddiš", "Yiddish", "ייִדיש", True),
]

MINORITIES = [
    # slug, sv, fi, en, languages
    ("judar", "Judar", "Juutalaiset", "Jews", ["yi"]),
    ("romer", "Romer", "Romanit", "Roma", ["rom", "rmy"]),
    ("samer", "Samer", "Saamelaiset", "Sami", ["se", "smj", "sma"]),
    ("sverigefinnar", "Sverigefinnar", "Ruotsinsuomalaiset", "Sweden Finns", ["fi"]),
    ("tornedalingar", "Tornedalingar", "Tornionlaaksolaiset", "Tornedalians", ["fit"]),
]

DEPARTMENTS = [
    (
        "SÄF",
        "Social- och äldreförvaltningen",
        "Sosiaali- ja vanhushuoltohallinto",
        "Social and Elderly Care",
        "department",
    ),
    ("UBF", "Utbildningsförvaltningen", "Opetushallinto", "Education Department", "department"),
    (
        "KOF",
        "Kultur- och fritidsförvaltningen",
        "Kulttuuri- ja vapaa-aikahallinto",
        "Culture and Leisure",
        "department",
    ),
    (
        "KSF",
        "Kommunstyrelseförvaltningen",
        "Kunnanhallituksen hallinto",
        "Municipal Executive Office",
        "department",
    ),
    (
        "SBF",
        "Stadsbyggnadsförvaltningen",
        "Kaupunkirakennushallinto",
        "Urban Planning Department",
        "department",
    ),
    ("HB", "Haninge Bostäder AB", "Haninge Bostäder AB", "Haninge Bostäder (housing company)", "company"),
]


@dataclass(frozen=True)
class Person:
    email: str
    name: str
    role: str
    title: str = ""
    department: str | None = None
    language: str = "sv"


PEOPLE = [
    Person("samordnare@example.org", "Elin Sandberg", Role.COORDINATOR, "Minoritetssamordnare"),
    Person("processledare@example.org", "Jonas Ekholm", Role.COORDINATOR, "Processledare"),
    Person("admin@example.org", "Kim Bergman", Role.ADMINISTRATOR, "Systemförvaltare"),
    Person("politiker@example.org", "Anders Holmgren", Role.POLITICIAN, "Ordförande, samrådsgruppen"),
    Person(
        "politiker2@example.org", "Leila Saarinen", Role.POLITICIAN, "Ledamot, samrådsgruppen", language="fi"
    ),
    Person("representant@example.org", "Aino Mäkelä", Role.REPRESENTATIVE, language="fi"),
    Person("representant.romer@example.org", "Milan Stojanović", Role.REPRESENTATIVE),
    Person("representant.samer@example.org", "Ánne Niia", Role.REPRESENTATIVE),
    Person("representant.tornedalingar@example.org", "Per Vuolle", Role.REPRESENTATIVE),
    Person("representant.judar@example.org", "Ruth Adler", Role.REPRESENTATIVE),
    Person(
        "forvaltning@example.org", "Helena Strömberg", Role.ADMIN_CONTACT, "Enhetschef äldreomsorg", "SÄF"
    ),
    Person("forvaltning.ubf@example.org", "Mikael Norén", Role.ADMIN_CONTACT, "Utvecklingsledare", "UBF"),
    Person("forvaltning.kof@example.org", "Lena Ahlqvist", Role.ADMIN_CONTACT, "Kulturstrateg", "KOF"),
    Person("forvaltning.ksf@example.org", "Peter Nylander", Role.ADMIN_CONTACT, "Utredare", "KSF"),
    Person("invanare@example.org", "Lisa Karlsson", Role.RESIDENT),
]

# The first person of each role is the one printed as the demo login for that role.
LOGIN_ORDER = [
    Role.COORDINATOR,
    Role.ADMINISTRATOR,
    Role.POLITICIAN,
    Role.REPRESENTATIVE,
    Role.ADMIN_CONTACT,
    Role.RESIDENT,
]


def _names(sv: str, fi: str, en: str, field: str = "name") -> dict:
    return {f"{field}_sv": sv, f"{field}_fi": fi, f"{field}_en": en, field: sv}


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def build(today: dt.date | None = None) -> dict:
    """Create or update Haninge's demo data; return the logins to print."""
    # Translated fields read in the default language, so that comparing them finds nothing changed.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(today or timezone.localdate())


def _build(today: dt.date) -> dict:
    year = today.year

    languages = {}
    for code, sv, fi, en, native, rtl in LANGUAGES:
        languages[code], _ = upsert(
            Language, code=code, defaults={**_names(sv, fi, en), "native_name": native, "right_to_left": rtl}
        )

    minorities = {}
    for order, (slug, sv, fi, en, codes) in enumerate(MINORITIES):
        minority, _ = upsert(NationalMinority, slug=slug, defaults={**_names(sv, fi, en), "order": order})
        minority.languages.set([languages[c] for c in codes])
        minorities[slug] = minority

    departments = {}
    for code, sv, fi, en, kind in DEPARTMENTS:
        departments[code], _ = upsert(Department, code=code, defaults={**_names(sv, fi, en), "kind": kind})

    people = {}
    for person in PEOPLE:
        user, created = upsert(
            User,
            email=person.email,
            defaults={
                "full_name": person.name,
                "role": person.role,
                "title": person.title,
                "department": departments.get(person.department) if person.department else None,
                "language": person.language,
                "is_staff": person.role == Role.ADMINISTRATOR,
                "is_superuser": person.role == Role.ADMINISTRATOR,
            },
        )
        if created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        upsert(EmailAddress, user=user, email=person.email, defaults={"verified": True, "primary": True})
        people[person.email] = user

    forums = _build_forums(minorities)
    _build_memberships(forums, people, year)
    build_workinggroups_demo(today)
    build_meetings(forums, year, today, upsert, people["samordnare@example.org"])
    build_dialogues_demo(today)
    build_proposals_demo(today)
    build_followup_demo(today)
    build_protocols_demo(today)
    build_notifications_demo()
    build_duties_demo(today)
    build_annual_demo(today)
    build_pages_demo(today)

    logins = []
    for role in LOGIN_ORDER:
        person = next(p for p in PEOPLE if p.role == role)
        logins.append((Role(role).label, person.email, DEMO_PASSWORD))
    return {"logins": logins}


def _build_forums(minorities: dict) -> dict:
    forums = {}
    forums["samrad"], _ = upsert(
        Forum,
        slug="politiska-samradsgruppen",
        defaults={
            "tier": Tier.CONSULTATION,
            "is_public": True,
            **_names(
                "Politiska samrådsgruppen", "Poliittinen neuvonpitoryhmä", "Political consultation group"
            ),
            **_names(
                "Samrådsgruppen för nationella minoriteter, tillsatt av kommunstyrelsen. Samrådet är öppet och "
                "träffas cirka fyra gånger per år.",
                "Kunnanhallituksen asettama kansallisten vähemmistöjen neuvonpitoryhmä. Neuvonpito on avoin ja "
                "kokoontuu noin neljä kertaa vuodessa.",
                "The consultation group for national minorities, appointed by the municipal executive board. "
                "Consultation is open and meets about four times a year.",
                "description",
            ),
        },
    )
    dialogue_names = {
        "sverigefinnar": (
            "Dialoggrupp sverigefinnar",
            "Ruotsinsuomalaisten dialogiryhmä",
            "Sweden Finns' dialogue group",
        ),
        "romer": (
            "Romska rådet – dialoggrupp",
            "Romanineuvosto – dialogiryhmä",
            "Roma council – dialogue group",
        ),
        "samer": ("Dialoggrupp samer", "Saamelaisten dialogiryhmä", "Sami dialogue group"),
        "tornedalingar": (
            "Dialoggrupp tornedalingar",
            "Tornionlaaksolaisten dialogiryhmä",
            "Tornedalians' dialogue group",
        ),
        "judar": ("Dialoggrupp judar", "Juutalaisten dialogiryhmä", "Jewish dialogue group"),
    }
    for slug, (sv, fi, en) in dialogue_names.items():
        forums[slug], _ = upsert(
            Forum,
            slug=f"dialog-{slug}",
            defaults={
                "tier": Tier.DIALOGUE,
                # Advisory groups keep plain notes (minnesanteckningar), with no adjusters.
                "minutes_kind": MinutesKind.NOTES,
                "minority": minorities[slug],
                "is_public": False,
                **_names(sv, fi, en),
            },
        )
    forums["aldreomsorg"], _ = upsert(
        Forum,
        slug="arbetsgrupp-finskspraklig-aldreomsorg",
        defaults={
            "tier": Tier.WORKING_GROUP,
            "minutes_kind": MinutesKind.NOTES,
            **_names(
                "Arbetsgrupp finskspråkig äldreomsorg",
                "Suomenkielisen vanhustenhuollon työryhmä",
                "Working group on Finnish-language elderly care",
            ),
        },
    )
    forums["skola"], _ = upsert(
        Forum,
        slug="arbetsgrupp-modersmal-och-tvasprakig-skola",
        defaults={
            "tier": Tier.WORKING_GROUP,
            "minutes_kind": MinutesKind.NOTES,
            **_names(
                "Arbetsgrupp modersmål och tvåspråkig skola",
                "Äidinkielen ja kaksikielisen koulun työryhmä",
                "Working group on mother tongue and bilingual school",
            ),
        },
    )
    return forums


def _build_memberships(forums: dict, people: dict, year: int) -> None:
    term_start = dt.date(year - 1, 1, 1)
    school_closed = dt.date(year - 1, 12, 10)
    roma_term_end = dt.date(year if year % 2 == 0 else year + 1, 12, 31)
    seats = [
        ("samrad", "politiker@example.org", ForumRole.CHAIR, None, ""),
        ("samrad", "politiker2@example.org", ForumRole.POLITICIAN, None, ""),
        ("samrad", "samordnare@example.org", ForumRole.COORDINATOR, None, ""),
        ("samrad", "representant@example.org", ForumRole.REPRESENTATIVE, None, "Haninge finska förening"),
        ("samrad", "representant.romer@example.org", ForumRole.REPRESENTATIVE, roma_term_end, "Romska rådet"),
        (
            "sverigefinnar",
            "representant@example.org",
            ForumRole.REPRESENTATIVE,
            None,
            "Haninge finska förening",
        ),
        ("sverigefinnar", "forvaltning@example.org", ForumRole.ADMIN_CONTACT, None, ""),
        ("sverigefinnar", "forvaltning.ubf@example.org", ForumRole.ADMIN_CONTACT, None, ""),
        ("sverigefinnar", "samordnare@example.org", ForumRole.COORDINATOR, None, ""),
        (
            "romer",
            "representant.romer@example.org",
            ForumRole.REPRESENTATIVE,
            roma_term_end,
            "Öppet val till romska rådet",
        ),
        ("romer", "forvaltning.kof@example.org", ForumRole.ADMIN_CONTACT, None, ""),
        ("romer", "processledare@example.org", ForumRole.PROCESS_LEADER, None, ""),
        (
            "samer",
            "representant.samer@example.org",
            ForumRole.REPRESENTATIVE,
            None,
            "Sameföreningen i Stockholm",
        ),
        ("samer", "forvaltning.kof@example.org", ForumRole.ADMIN_CONTACT, None, ""),
        (
            "tornedalingar",
            "representant.tornedalingar@example.org",
            ForumRole.REPRESENTATIVE,
            None,
            "STR-T Stockholm",
        ),
        ("tornedalingar", "forvaltning.ksf@example.org", ForumRole.ADMIN_CONTACT, None, ""),
        ("judar", "representant.judar@example.org", ForumRole.REPRESENTATIVE, None, "Judiska församlingen"),
        ("judar", "forvaltning.ksf@example.org", ForumRole.ADMIN_CONTACT, None, ""),
        ("aldreomsorg", "forvaltning@example.org", ForumRole.CONVENOR, None, ""),
        (
            "aldreomsorg",
            "representant@example.org",
            ForumRole.REPRESENTATIVE,
            None,
            "Haninge finska förening",
        ),
        # The school group was closed last December (demo/workinggroups.py): its seats ended then.
        ("skola", "forvaltning.ubf@example.org", ForumRole.CONVENOR, school_closed, ""),
        (
            "skola",
            "representant@example.org",
            ForumRole.REPRESENTATIVE,
            school_closed,
            "Haninge finska förening",
        ),
        (
            "skola",
            "representant.tornedalingar@example.org",
            ForumRole.REPRESENTATIVE,
            school_closed,
            "STR-T Stockholm",
        ),
    ]
    for forum_key, email, role, ends_on, nominated_by in seats:
        upsert(
            Membership,
            user=people[email],
            forum=forums[forum_key],
            role=role,
            defaults={"starts_on": term_start, "ends_on": ends_on, "nominated_by": nominated_by},
        )
