"""What changes the follow-up: opening a cycle (carrying unfinished actions over), reporting progress,
revising a goal, recording an indicator value. Every change is kept in history with its reason.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from core.models import Department, User

from .models import (
    Action,
    ActionStatus,
    Cycle,
    Goal,
    Indicator,
    IndicatorValue,
    Phase,
    PhaseKind,
    ProgressUpdate,
    StateGrant,
)

CYCLE_TITLES = {"sv": "Årssnurra {year}", "fi": "Vuosikello {year}", "en": "Yearly wheel {year}"}


@dataclass(frozen=True)
class PhaseDates:
    kind: str
    starts_on: dt.date
    ends_on: dt.date


def default_phase_dates(year: int) -> list[PhaseDates]:
    """Agenda in the first quarter, implementation until September, follow-up in autumn, reformulation in December."""
    return [
        PhaseDates(PhaseKind.AGENDA, dt.date(year, 1, 1), dt.date(year, 3, 31)),
        PhaseDates(PhaseKind.IMPLEMENTATION, dt.date(year, 4, 1), dt.date(year, 9, 30)),
        PhaseDates(PhaseKind.FOLLOW_UP, dt.date(year, 10, 1), dt.date(year, 11, 30)),
        PhaseDates(PhaseKind.REFORMULATION, dt.date(year, 12, 1), dt.date(year, 12, 31)),
    ]


def validate_phases(phases: list[PhaseDates]) -> None:
    """Each phase ends after it starts and the next starts after the previous ends, in the wheel's order."""
    errors = []
    for phase in phases:
        if phase.ends_on < phase.starts_on:
            errors.append(_("%(phase)s ends before it starts.") % {"phase": PhaseKind(phase.kind).label})
    for before, after in zip(phases, phases[1:], strict=False):
        if after.starts_on <= before.ends_on:
            errors.append(
                _("%(later)s must start after %(earlier)s has ended.")
                % {"later": PhaseKind(after.kind).label, "earlier": PhaseKind(before.kind).label}
            )
    if errors:
        raise ValidationError(errors)


def carry_over_candidates(previous: Cycle | None):
    """The unfinished actions of the cycle before: those the coordinator confirms to carry over."""
    if previous is None:
        return Action.objects.none()
    return previous.actions.unfinished().with_related().order_by("due_on", "title")


@transaction.atomic
def open_cycle(*, year: int, phases: list[PhaseDates], carry_over: list[Action], by: User) -> Cycle:
    """A new turn of the wheel; the confirmed unfinished actions move on to it with their history."""
    if Cycle.objects.filter(year=year).exists():
        raise ValidationError(_("A cycle for %(year)s already exists.") % {"year": year})
    validate_phases(phases)
    titles = {f"title_{code}": text.format(year=year) for code, text in CYCLE_TITLES.items()}
    cycle = Cycle.objects.create(
        year=year,
        title=titles["title_sv"],
        **titles,
        starts_on=phases[0].starts_on,
        ends_on=phases[-1].ends_on,
    )
    Phase.objects.bulk_create(
        Phase(cycle=cycle, kind=p.kind, starts_on=p.starts_on, ends_on=p.ends_on) for p in phases
    )
    for action in carry_over:
        if action.is_finished or action.cycle_id == cycle.pk:
            continue
        previous = action.cycle
        if action.first_cycle_id is None:
            action.first_cycle = previous
        action.cycle = cycle
        action._history_user = by
        action.save(update_fields=["cycle", "first_cycle"])
    return cycle


@transaction.atomic
def report_progress(
    action: Action,
    *,
    author: User,
    text: str,
    status: str,
    progress: int,
    language: str | None = None,
    written_on: dt.date | None = None,
    file=None,
    file_type: str = "",
) -> ProgressUpdate:
    """A dated progress update; the action takes its status and per cent, and the stale flag clears."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    written_on = written_on or timezone.localdate()
    if written_on > timezone.localdate():
        raise ValidationError({"written_on": _("An update cannot be dated in the future.")})
    if status == ActionStatus.DONE and progress != 100:
        raise ValidationError({"progress": _("A done action is 100 per cent complete.")})
    update = ProgressUpdate(
        action=action,
        author=author,
        written_on=written_on,
        text=text,
        language=language or author.language,
        status=status,
        progress=progress,
    )
    if file is not None:
        update.file = file
        update.file_name = file.name[:255]
        update.file_type = file_type
    update.save()
    action.status = status
    action.progress = progress
    if status == ActionStatus.CANCELLED:
        action.cancel_reason = text
    if status == ActionStatus.DONE:
        action.completed_on = action.completed_on or written_on
    else:
        action.completed_on = None
    if action.last_update_on is None or written_on >= action.last_update_on:
        action.last_update_on = written_on
    action._history_user = author
    action.save()
    return update


def responsible_error(responsible: User | None, department: Department | None) -> str | None:
    """Why the person cannot be responsible for an action of the department, or None when they can."""
    if responsible is None or department is None or not responsible.answers_outside(department):
        return None
    return _(
        "%(person)s is not an administration contact of %(department)s. Choose a contact of the "
        "responsible department: only its actions show on their start page and department view."
    ) % {"person": responsible.full_name, "department": department.name}


def save_action(action: Action, *, by: User, reason: str = "") -> Action:
    """Create or change an action; a done action records when it was completed."""
    error = responsible_error(action.responsible, action.department)
    if error:
        raise ValidationError({"responsible": error})
    if action.status == ActionStatus.DONE:
        action.completed_on = action.completed_on or timezone.localdate()
        action.progress = 100
    else:
        action.completed_on = None
    if action.status != ActionStatus.CANCELLED:
        action.cancel_reason = ""
    action._history_user = by
    if reason:
        action._change_reason = reason
    action.save()
    return action


def revise_goal(goal: Goal, *, by: User, reason: str) -> Goal:
    """A goal is revised with a reason; its earlier wording stays in the history."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the goal is revised.")})
    goal._history_user = by
    goal.save()
    update_change_reason(goal, reason.strip())
    return goal


@transaction.atomic
def record_value(indicator: Indicator, *, measured_on: dt.date, value, note: str, by: User) -> IndicatorValue:
    """A measured value; a second value for the same day replaces the first."""
    if measured_on > timezone.localdate():
        raise ValidationError({"measured_on": _("A value cannot be dated in the future.")})
    row, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator,
        measured_on=measured_on,
        defaults={"value": value, "note": note, "recorded_by": by},
    )
    indicator.refresh_latest()
    return row


def grant_account(grant: StateGrant) -> dict:
    """The grant's uses with their actions, the sum per category, what is used and what remains."""
    uses = list(
        grant.uses.select_related("category").prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("department").order_by("title"))
        )
    )
    by_category: dict[int, dict] = {}
    for use in uses:
        row = by_category.setdefault(use.category_id, {"category": use.category, "amount": 0})
        row["amount"] += use.amount
    used = sum((use.amount for use in uses), 0)
    return {
        "uses": uses,
        "by_category": sorted(by_category.values(), key=lambda r: (r["category"].position, r["category"].pk)),
        "used": used,
        "remaining": grant.amount - used,
        "over": max(used - grant.amount, 0),
    }
