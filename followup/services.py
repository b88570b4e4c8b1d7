"""What changes the follow-up: opening a cycle (carrying unfinished actions over), reporting progress,
revising a goal, recording an indicator value. Every change is kept in history with its reason.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname, get_language

from core.follows import followers_of
from core.history import stamp
from core.models import Department, User
from core.plumbing.packed import packed, unpacked
from core.services import notify
from proposals.models import Proposal
from proposals.services import story_audience

from .models import (
    Action,
    ActionStatus,
    Cycle,
    Goal,
    GrantUse,
    Indicator,
    IndicatorValue,
    Phase,
    PhaseKind,
    ProgressUpdate,
    StateGrant,
)

PROGRESS_MAIL = "followup/email/progress"
ACTION_CREATED_MAIL = "followup/email/story_action"
COMMITMENT_CREATED_MAIL = "followup/email/story_commitment"


def proposal_of_item(item_id: int | None) -> Proposal | None:
    """The proposal placed on an agenda item, if any."""
    if item_id is None:
        return None
    return Proposal.objects.filter(agenda_item_id=item_id).select_related("proposer", "forum").first()


def story_proposal(action: Action) -> Proposal | None:
    """The proposal whose story the action is part of: its origin, or the proposal on its origin agenda item
    or on the agenda item of the commitment it came from."""
    if action.origin_proposal_id is not None:
        return Proposal.objects.select_related("proposer", "forum").get(pk=action.origin_proposal_id)
    if action.origin_agenda_item_id is not None:
        return proposal_of_item(action.origin_agenda_item_id)
    commitment = action.origin_commitment if action.origin_commitment_id is not None else None
    if commitment is not None:
        return proposal_of_item(commitment.agenda_item_id)
    return None


def action_audience(action: Action, proposal: Proposal | None = None) -> list[User]:
    """Who hears of an action's progress and completion: the responsible person and the audience of the
    proposal it came from (`proposals.services.story_audience`), active, once each, and only those who may see
    the action (a resident following a proposal is not told of an action kept from the public)."""
    people: dict[int, User] = {}
    if action.responsible is not None and action.responsible.is_active:
        people[action.responsible.pk] = action.responsible
    proposal = proposal or story_proposal(action)
    if proposal is not None:
        for person in story_audience(proposal):
            people.setdefault(person.pk, person)
    # Those who follow the action itself (core.follows).
    for person in followers_of(action):
        people.setdefault(person.pk, person)
    return [person for person in people.values() if person.has_perm("followup.view_action", action)]


def tell_commitment(commitment) -> int:
    """A commitment was lifted from an agenda item: tell the audience of the proposal placed on it, if any."""
    proposal = proposal_of_item(commitment.agenda_item_id)
    if proposal is None:
        return 0
    context = {"proposal": proposal, "commitment": commitment}
    return notify(story_audience(proposal), COMMITMENT_CREATED_MAIL, context, kind="proposal_story")


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
        stamp(action, by=by)
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
    text_translation: str = "",
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
        text_translation=text_translation.strip(),
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
    stamp(action, by=author)
    action.save()
    # Each update, and the completion, reach the responsible person and the proposal's audience; not the writer.
    proposal = story_proposal(action)
    people = [person for person in action_audience(action, proposal) if person.pk != author.pk]
    context = {"action": action, "update": update, "proposal": proposal}
    transaction.on_commit(
        lambda: notify(
            people,
            PROGRESS_MAIL,
            context,
            kind="action_progress",
            about=action,
            about_permission="followup.view_action",
        )
    )
    return update


def responsible_error(responsible: User | None, department: Department | None) -> str | None:
    """Why the person cannot be responsible for an action of the department, or None when they can."""
    if responsible is None or department is None or not responsible.answers_outside(department):
        return None
    return _(
        "%(person)s is not an administration contact of %(department)s. Choose a contact of the "
        "responsible department: only its actions show on their start page and department view."
    ) % {"person": responsible.full_name, "department": department.name}


def origin_error(proposal, agenda_item, commitment) -> str | None:
    """Why the named origins cannot be one golden thread, or None when they are.

    An action may name a proposal, the agenda item it was decided under and a commitment lifted there;
    named together they must be the same thread: the proposal placed on that item, the commitment
    lifted under it.
    """
    if proposal is not None and agenda_item is not None and proposal.agenda_item_id != agenda_item.pk:
        return _("The proposal was placed on another agenda item than the one named.")
    if commitment is not None and agenda_item is not None and commitment.agenda_item_id != agenda_item.pk:
        return _("The commitment was lifted under another agenda item than the one named.")
    if (
        commitment is not None
        and proposal is not None
        and agenda_item is None
        and commitment.agenda_item_id != proposal.agenda_item_id
    ):
        return _("The commitment was not lifted under the agenda item the proposal was placed on.")
    return None


def action_errors(values: Mapping[str, Any]) -> dict[str, list[str]]:
    """What is wrong with an action's values, by field (None for the whole action): the one rule that
    the form shows and save_action enforces.
    """
    errors: dict[str, list[str]] = {}
    starts, due = values.get("starts_on"), values.get("due_on")
    if starts and due and due < starts:
        errors.setdefault("due_on", []).append(_("The due date is before the start date."))
    if values.get("status") == ActionStatus.CANCELLED and not (values.get("cancel_reason") or "").strip():
        errors.setdefault("cancel_reason", []).append(_("Say why the action is cancelled."))
    department = values.get("department")
    error = responsible_error(values.get("responsible"), department)
    if error:
        errors.setdefault("responsible", []).append(error)
    if department and department in (values.get("collaborating_departments") or []):
        errors.setdefault("collaborating_departments", []).append(
            _("The responsible department cannot also be a collaborating one.")
        )
    error = origin_error(
        values.get("origin_proposal"), values.get("origin_agenda_item"), values.get("origin_commitment")
    )
    if error:
        errors.setdefault(NON_FIELD_ERRORS, []).append(error)
    return errors


def _save_with_related(instance: models.Model, *, by: User, reason: str = "", **related) -> None:
    """Save the row and set its many-to-many relations; the caller holds the transaction."""
    stamp(instance, by=by, reason=reason)
    instance.save()
    for name, values in related.items():
        if values is not None:
            getattr(instance, name).set(values)


@transaction.atomic
def save_action(
    action: Action,
    *,
    by: User,
    goals: Iterable[Goal] | None = None,
    minorities: Iterable | None = None,
    collaborating_departments: Iterable[Department] | None = None,
    reason: str = "",
) -> Action:
    """Create or change an action with its goals, minorities and collaborating departments, all or nothing.

    The rule is action_errors, the form's own; a done action records when it was completed. Related
    rows left as None stay as they are.
    """
    if collaborating_departments is not None:
        collaborating_departments = collaborating = list(collaborating_departments)
    else:
        collaborating = list(action.collaborating_departments.all()) if action.pk else []
    values: dict[str, Any] = {
        name: getattr(action, name)
        for name in (
            "starts_on",
            "due_on",
            "status",
            "cancel_reason",
            "department",
            "responsible",
            "origin_proposal",
            "origin_agenda_item",
            "origin_commitment",
        )
    }
    values["collaborating_departments"] = collaborating
    errors = action_errors(values)
    if errors:
        raise ValidationError(errors)
    if action.status == ActionStatus.DONE:
        action.completed_on = action.completed_on or timezone.localdate()
        action.progress = 100
    else:
        action.completed_on = None
    if action.status != ActionStatus.CANCELLED:
        action.cancel_reason = ""
    created = action.pk is None
    _save_with_related(
        action,
        by=by,
        reason=reason,
        goals=goals,
        minorities=minorities,
        collaborating_departments=collaborating_departments,
    )
    proposal = story_proposal(action) if created else None
    if proposal is not None:
        # A step of the proposal's story: the action it led to.
        people = [p for p in story_audience(proposal) if p.has_perm("followup.view_action", action)]
        context = {"proposal": proposal, "action": action}
        transaction.on_commit(lambda: notify(people, ACTION_CREATED_MAIL, context, kind="proposal_story"))
    return action


@transaction.atomic
def save_goal(
    goal: Goal,
    *,
    by: User,
    themes: Iterable | None = None,
    minorities: Iterable | None = None,
    reason: str = "",
) -> Goal:
    """Create a goal, or revise one with a reason; its earlier wording stays in the history."""
    reason = reason.strip()
    if goal.pk is not None and not reason:
        raise ValidationError({"reason": _("Say why the goal is revised.")})
    _save_with_related(goal, by=by, reason=reason, themes=themes, minorities=minorities)
    return goal


@transaction.atomic
def save_indicator(
    indicator: Indicator, *, by: User, goals: Iterable[Goal] | None = None, minorities: Iterable | None = None
) -> Indicator:
    """Create or change an indicator with its goals and minorities, all or nothing."""
    _save_with_related(indicator, by=by, goals=goals, minorities=minorities)
    return indicator


@transaction.atomic
def save_grant_use(use: GrantUse, *, by: User, actions: Iterable[Action] | None = None) -> GrantUse:
    """Record or change a use of the state grant with the actions it paid for, all or nothing."""
    if use.pk is None:
        use.recorded_by = by
    _save_with_related(use, by=by, actions=actions)
    return use


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


# What the yearly report shows of a grant's uses and of the actions each paid for (grant_of_year).
_USE_FIELDS = (
    *("id", "grant_id", "category_id", "amount", "description"),
    *("category__id", "category__name", "category__name_sv", "category__name_fi", "category__name_en"),
    *("category__position", "category__is_active"),
)
_PAID_FOR_FIELDS = (
    *(
        "grantuse_id",
        "action__id",
        "action__title",
        "action__title_sv",
        "action__title_fi",
        "action__title_en",
    ),
    *("action__status", "action__progress"),
)


def grant_of_year(year: int) -> tuple[StateGrant, list[GrantUse]] | None:
    """The year's grant and its uses, each with its category and the actions it paid for (`paid_for`, by
    title in the language of the moment, as the grant's page lists them), in one query; None without one."""
    title = build_localized_fieldname("title", get_language())
    grant = (
        StateGrant.objects.filter(year=year)
        .annotate(
            packed_uses=packed(
                GrantUse.objects.filter(grant=OuterRef("pk")).order_by("category__position", "pk"),
                _USE_FIELDS,
            ),
            packed_paid_for=packed(
                GrantUse.actions.through.objects.filter(grantuse__grant=OuterRef("pk")).order_by(
                    f"action__{title}", "action__pk"
                ),
                _PAID_FOR_FIELDS,
            ),
        )
        .first()
    )
    if grant is None:
        return None
    paid_for: dict[int, list[Action]] = {}
    for row in unpacked(GrantUse.actions.through, grant.packed_paid_for):
        paid_for.setdefault(row.grantuse_id, []).append(row.action)
    uses = unpacked(GrantUse, grant.packed_uses)
    for use in uses:
        use.paid_for = paid_for.get(use.pk, [])  # type: ignore[attr-defined]
    return grant, uses


def grant_account(grant: StateGrant, uses: list[GrantUse] | None = None) -> dict:
    """The grant's uses with their actions, the sum per category, what is used and what remains.

    `uses` may give the uses the caller has read (grant_of_year); otherwise they are read here."""
    if uses is None:
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
