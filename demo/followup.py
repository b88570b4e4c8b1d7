"""The yearly wheel for Haninge's demo: two cycles, themes, goals, actions with their progress, indicators.

Drawn from the seeds: the goals of "Mål år 2020/2021", the actions of "Vad har vi gjort", and the guide's
advice that every action has a responsible party, a timetable and indicators. Keyed on natural keys (year,
theme slug, goal code, cycle and Swedish title, action and date, indicator and date), so building twice with
the same day changes nothing. What is dated after `today` has not happened yet and is left out.
"""

import calendar
import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.models import AgendaItem, Department, MeetingStatus, NationalMinority, User
from demo.upsert import upsert
from demo.wheel_data import (
    ACTIONS,
    GOALS,
    GRANT_CATEGORIES,
    GRANT_USES,
    GRANTS,
    INDICATORS,
    THEMES,
    Day,
    DemoAction,
    DemoIndicator,
    Text,
)
from dialogues.models import Commitment
from followup.models import (
    Action,
    ActionComment,
    ActionStatus,
    Cycle,
    Goal,
    GrantCategory,
    GrantUse,
    Indicator,
    IndicatorValue,
    Phase,
    PhaseKind,
    ProgressUpdate,
    StateGrant,
    Theme,
)
from proposals.models import Proposal

STOCKHOLM = ZoneInfo("Europe/Stockholm")

PHASE_DATES = [
    (PhaseKind.AGENDA, (1, 1), (3, 31)),
    (PhaseKind.IMPLEMENTATION, (4, 1), (9, 30)),
    (PhaseKind.FOLLOW_UP, (10, 1), (11, 30)),
    (PhaseKind.REFORMULATION, (12, 1), (12, 31)),
]


# A little unevenness, so that a monthly series looks measured rather than drawn with a ruler.
WOBBLE = [Decimal("0"), Decimal("0.4"), Decimal("-0.3"), Decimal("0.2")]


def build_followup_demo(today: dt.date) -> dict:
    """Create or update the wheel's demo data; with the same day, a second run writes nothing."""
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(today)


def _names(sv: str, fi: str, en: str, field: str, *, keyed: bool = False) -> dict:
    """The field in the three languages; `keyed` leaves out the Swedish one when it is the lookup."""
    names = {field: sv, f"{field}_fi": fi, f"{field}_en": en}
    return names if keyed else {**names, f"{field}_sv": sv}


def _day(year: int, day: Day) -> dt.date:
    offset, month, number = day
    return dt.date(year + offset, month, number)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


def _build(today: dt.date) -> dict:
    year = today.year
    cycles = _build_cycles(year)
    themes = _build_themes()
    minorities = {m.slug: m for m in NationalMinority.objects.all()}
    goals = _build_goals(themes, minorities)
    departments = {d.code: d for d in Department.objects.all()}
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    context = {
        "today": today,
        "cycles": cycles,
        "goals": goals,
        "minorities": minorities,
        "departments": departments,
        "people": people,
    }
    actions = [_build_action(spec, context) for spec in ACTIONS if spec.department in departments]
    _build_action_comments([a for a in actions if a is not None], people)
    indicators = [_build_indicator(spec, context) for spec in INDICATORS]
    grants = _build_grants(year)
    return {
        "grants": grants,
        "cycles": list(cycles.values()),
        "goals": list(goals.values()),
        "actions": [a for a in actions if a is not None],
        "indicators": indicators,
    }


def _build_cycles(year: int) -> dict[int, Cycle]:
    cycles = {}
    for offset in (-1, 0):
        cycle_year = year + offset
        cycles[offset], _ = upsert(
            Cycle,
            year=cycle_year,
            defaults={
                **_names(
                    f"Årssnurra {cycle_year}",
                    f"Vuosikello {cycle_year}",
                    f"Yearly wheel {cycle_year}",
                    "title",
                ),
                "starts_on": dt.date(cycle_year, 1, 1),
                "ends_on": dt.date(cycle_year, 12, 31),
            },
        )
        for kind, (m0, d0), (m1, d1) in PHASE_DATES:
            upsert(
                Phase,
                cycle=cycles[offset],
                kind=kind,
                defaults={"starts_on": dt.date(cycle_year, m0, d0), "ends_on": dt.date(cycle_year, m1, d1)},
            )
    return cycles


def _build_themes() -> dict[str, Theme]:
    themes = {}
    for position, (slug, sv, fi, en) in enumerate(THEMES, start=1):
        themes[slug], _ = upsert(
            Theme, slug=slug, defaults={**_names(sv, fi, en, "name"), "position": position}
        )
    return themes


def _build_goals(themes: dict[str, Theme], minorities: dict[str, NationalMinority]) -> dict[str, Goal]:
    goals = {}
    for spec in GOALS:
        goal, _ = upsert(
            Goal,
            code=spec.code,
            defaults={
                **_names(*spec.title, "title"),
                **_names(*spec.description, "description"),
                "kind": spec.kind,
                "adopted_on": spec.adopted_on,
            },
        )
        goal.themes.set([themes[slug] for slug in spec.themes])
        goal.minorities.set([minorities[slug] for slug in spec.minorities if slug in minorities])
        goals[spec.code] = goal
    return goals


def _debate_title(year: int) -> Text:
    """General elections are held in September every fourth year (2018, 2022, 2026, ...)."""
    if year % 4 == 2:
        return (
            f"Valdebatt {year} om minoritetspolitik",
            f"Vaaliväittely {year} vähemmistöpolitiikasta",
            f"Election debate {year} on minority policy",
        )
    return (
        "Politisk debatt om minoritetspolitik",
        "Poliittinen keskustelu vähemmistöpolitiikasta",
        "Political debate on minority policy",
    )


def _build_action(spec: DemoAction, context: dict) -> Action | None:
    today, year, people = context["today"], context["today"].year, context["people"]
    proposal = _proposal(*spec.origin_proposal) if spec.origin_proposal else None
    shift = dt.timedelta(0)
    if proposal is not None and spec.follows_proposal_on:
        # demo/proposals.py places the proposal relative to today: the action keeps its distance from it.
        shift = _proposal_day(proposal) - _day(year, spec.follows_proposal_on)

    def day(on: Day) -> dt.date:
        return _day(year, on) + shift

    updates = [(u, day(u.on)) for u in spec.updates if day(u.on) <= today]
    starts_on, due_on = day(spec.starts), day(spec.due)
    created_on = min([starts_on, *(day(u.on) for u in spec.updates[:1])])
    # An action that is not yet planned on this day does not exist yet.
    if created_on > today:
        return None
    latest = updates[-1][0] if updates else None
    status = latest.status if latest else ActionStatus.PLANNED
    title = spec.title or _debate_title(year)
    cycle = context["cycles"][0 if spec.carried_over else spec.cycle]
    defaults = {
        **_names(*title, "title", keyed=True),
        **_names(*spec.description, "description"),
        "department": context["departments"][spec.department],
        "responsible": people.get(spec.responsible),
        "starts_on": starts_on,
        "due_on": due_on,
        "status": status,
        "progress": latest.progress if latest else 0,
        "is_public": spec.public,
        "cancel_reason": latest.text if status == ActionStatus.CANCELLED else "",
        "completed_on": updates[-1][1] if status == ActionStatus.DONE else None,
        "first_cycle": context["cycles"][-1] if spec.carried_over else None,
        "last_update_on": updates[-1][1] if updates else None,
        "created_at": _at(created_on, 9),
        # The golden thread, where the demo has the origin and it came before the action.
        "origin_proposal": proposal if proposal and _proposal_day(proposal) <= created_on else None,
        "origin_agenda_item": _decision(*spec.origin_agenda_item, created_on)
        if spec.origin_agenda_item
        else None,
        "origin_commitment": _commitment(*spec.origin_commitment, created_on)
        if spec.origin_commitment
        else None,
    }
    action, _ = upsert(Action, cycle=cycle, title_sv=title[0], defaults=defaults)
    action.goals.set([context["goals"][code] for code in spec.goals])
    action.minorities.set([context["minorities"][s] for s in spec.minorities if s in context["minorities"]])
    action.collaborating_departments.set(
        [context["departments"][c] for c in spec.collaborating if c in context["departments"]]
    )
    for update, written_on in updates:
        upsert(
            ProgressUpdate,
            action=action,
            written_on=written_on,
            defaults={
                "author": action.responsible,
                "text": update.text,
                "status": update.status,
                "progress": update.progress,
                "created_at": _at(written_on, 15),
            },
        )
    return action


# Representatives answering progress updates: (action's Swedish title, index of the update answered or None
# for a comment on the action, author, text, language, reason a coordinator hid it).
ACTION_COMMENTS = [
    (
        "Hemtjänst på finska: personal och information",
        1,
        "representant@example.org",
        "Hyvä! Voisiko aikataulun kertoa myös omaisille suomeksi?",
        "fi",
        "",
    ),
    (
        "Hemtjänst på finska: personal och information",
        None,
        "representant@example.org",
        "Tack för återkopplingen, broschyren har redan delats ut på föreningens träff.",
        "sv",
        "",
    ),
    (
        "Mer tid för modersmål i finska på högstadiet",
        0,
        "representant.romer@example.org",
        "Ring mig på 070-123 45 67 så berättar jag om min sons skola.",
        "sv",
        "Innehöll ett telefonnummer; kontakta samordnaren i stället.",
    ),
]


def _build_action_comments(actions: list[Action], people: dict[str, User]) -> None:
    by_title = {a.title_sv: a for a in actions}
    coordinator = people.get("samordnare@example.org")
    for title, update_index, author, text, language, hidden_reason in ACTION_COMMENTS:
        action, person = by_title.get(title), people.get(author)
        if action is None or person is None:
            continue
        updates = list(action.updates.order_by("written_on", "pk"))
        if update_index is not None and update_index >= len(updates):
            continue
        update = updates[update_index] if update_index is not None else None
        written = (update.created_at if update else action.created_at) + dt.timedelta(days=1)
        upsert(
            ActionComment,
            action=action,
            author=person,
            text=text,
            defaults={
                "progress_update": update,
                "language": language,
                "created_at": written,
                "hidden": bool(hidden_reason),
                "hidden_reason": hidden_reason,
                "hidden_by": coordinator if hidden_reason else None,
            },
        )


def _proposal(forum: str, title: str) -> Proposal | None:
    return (
        Proposal.objects.filter(forum__slug=forum, title=title).select_related("agenda_item__meeting").first()
    )


def _proposal_day(proposal: Proposal) -> dt.date:
    """The day of the meeting that discussed the proposal, or the day it came in."""
    came = proposal.agenda_item.meeting.starts_at if proposal.agenda_item else proposal.created_at
    return timezone.localdate(came)


def _decision(forum: str, title: str, by: dt.date) -> AgendaItem | None:
    """The item as decided on at the forum's last held meeting that had it on the agenda, by the day."""
    return (
        AgendaItem.objects.filter(
            meeting__forum__slug=forum,
            meeting__status=MeetingStatus.HELD,
            meeting__starts_at__date__lte=by,
            title=title,
        )
        .exclude(decision="")
        .order_by("-meeting__starts_at")
        .first()
    )


def _commitment(forum: str, title: str, by: dt.date) -> Commitment | None:
    return (
        Commitment.objects.filter(forum__slug=forum, title=title, created_at__date__lte=by)
        .order_by("-created_at")
        .first()
    )


def _month_ends(start: dt.date, until: dt.date) -> list[dt.date]:
    days = []
    year, month = start.year, start.month
    while True:
        day = dt.date(year, month, calendar.monthrange(year, month)[1])
        if day > until:
            return days
        days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _build_indicator(spec: DemoIndicator, context: dict) -> Indicator:
    today, year = context["today"], context["today"].year
    indicator, _ = upsert(
        Indicator,
        name_sv=spec.name[0],
        defaults={
            **_names(*spec.name, "name", keyed=True),
            **_names(*spec.description, "description"),
            **_names(*spec.unit, "unit"),
            "baseline": Decimal(spec.baseline),
            "baseline_on": _day(year, spec.baseline_on),
            "target": Decimal(spec.target),
            "target_on": _day(year, spec.target_on),
        },
    )
    indicator.goals.set([context["goals"][code] for code in spec.goals])
    indicator.minorities.set(
        [context["minorities"][s] for s in spec.minorities if s in context["minorities"]]
    )
    values = [(_day(year, day), Decimal(value), note) for day, value, note in spec.values]
    if spec.monthly:
        first, step = (Decimal(v) for v in spec.monthly)
        months = _month_ends(dt.date(year - 1, 1, 1), today)
        values += [(day, first + step * i + WOBBLE[i % 4], "") for i, day in enumerate(months)]
    recorder = context["people"].get(spec.recorded_by)
    for measured_on, value, note in values:
        if measured_on > today:
            continue
        upsert(
            IndicatorValue,
            indicator=indicator,
            measured_on=measured_on,
            defaults={"value": value, "note": note, "recorded_by": recorder},
        )
    latest = indicator.values.order_by("-measured_on").first()
    # refresh_latest saves, and each save is a history row: only when the latest value has changed.
    if latest and (indicator.latest_value, indicator.latest_on) != (latest.value, latest.measured_on):
        indicator.refresh_latest()
    return indicator


def _build_grants(year: int) -> list[StateGrant]:
    """Grant categories, the grants of the last two years and what they were used for."""
    categories = {}
    for position, (sv, fi, en) in enumerate(GRANT_CATEGORIES, start=1):
        categories[sv], _ = upsert(
            GrantCategory,
            name_sv=sv,
            defaults={**_names(sv, fi, en, "name", keyed=True), "position": position},
        )
    grants = {}
    for offset, amount, note in GRANTS:
        grants[offset], _ = upsert(
            StateGrant,
            year=year + offset,
            defaults={
                "amount": Decimal(amount),
                "report_due_on": dt.date(year + offset + 1, 3, 31),
                "note": note,
            },
        )
    for offset, category, amount, description, titles in GRANT_USES:
        use, _ = upsert(
            GrantUse,
            grant=grants[offset],
            category=categories[category],
            defaults={"amount": Decimal(amount), "description": description},
        )
        wanted = set(
            Action.objects.filter(cycle__year=year + offset, title_sv__in=titles).values_list("pk", flat=True)
        )
        if set(use.actions.values_list("pk", flat=True)) != wanted:
            use.actions.set(wanted)
    return list(grants.values())
