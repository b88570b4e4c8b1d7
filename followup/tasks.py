"""Periodic work of the follow-up: remind the owners of actions that have gone without a progress update or
past their due date (and of dialogue commitments past theirs), and sum up for coordinators what is overdue."""

import datetime as dt
from collections import defaultdict

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.utils import IntegrityError
from django.utils import timezone

from core.dates import iso_week
from core.models import Role, User
from core.reminders import claim, key, remind_once
from core.services import notify
from dialogues.models import Commitment
from proposals.models import Proposal

from .models import Action, StaleReminder


def owners_of(action: Action) -> list[User]:
    """The responsible person, else the responsible department's administration contacts."""
    responsible = action.responsible
    if responsible is not None and responsible.is_active:
        return [responsible]
    return list(
        User.objects.filter(is_active=True, role=Role.ADMIN_CONTACT, department_id=action.department_id)
    )


@shared_task(name="followup.remind_stale_actions", max_retries=3)
def remind_stale_actions() -> int:
    """Once per ISO week, tell each owner which of their actions lack a recent progress update.

    Each action's reminder is recorded before the mail is queued, in the same transaction: a second run
    in the same week finds the rows and sends nothing.
    """
    days = settings.ACTION_STALE_DAYS
    week = iso_week()
    already = set(StaleReminder.objects.filter(week=week).values_list("action_id", flat=True))
    candidates = [
        action
        for action in Action.objects.stale(days).select_related("responsible").order_by("due_on", "pk")
        if action.pk not in already
    ]
    if not candidates:
        return 0
    try:
        with transaction.atomic():
            # The rows and the queued mail commit together; a parallel run loses on the unique key.
            fresh = [a for a in candidates if StaleReminder.objects.get_or_create(action=a, week=week)[1]]
            by_owner: dict[int, list[Action]] = defaultdict(list)
            owners: dict[int, User] = {}
            for action in fresh:
                for owner in owners_of(action):
                    owners[owner.pk] = owner
                    by_owner[owner.pk].append(action)
            for owner_id, actions in by_owner.items():
                notify(
                    [owners[owner_id]],
                    "followup/email/stale",
                    {"actions": actions, "days": days},
                    kind="stale_reminder",
                )
    except IntegrityError:
        return 0
    return len(by_owner)


def department_contacts(department_ids: set[int]) -> dict[int, list[User]]:
    """The active administration contacts of each of these departments."""
    contacts: dict[int, list[User]] = defaultdict(list)
    for contact in User.objects.filter(
        is_active=True, role=Role.ADMIN_CONTACT, department_id__in=department_ids
    ).order_by("pk"):
        assert contact.department_id is not None
        contacts[contact.department_id].append(contact)
    return contacts


def due_reminder_today(due_on: dt.date, today: dt.date) -> bool:
    """Remind on the first day past due, then every DUE_REMINDER_REPEAT_DAYS days (0: only the first day)."""
    days_past_due = (today - due_on).days
    repeat = settings.DUE_REMINDER_REPEAT_DAYS
    if days_past_due < 1:
        return False
    if repeat <= 0:
        return days_past_due == 1
    return (days_past_due - 1) % repeat == 0


@shared_task(name="followup.remind_past_due", max_retries=3)
def remind_past_due(today: str | None = None) -> int:
    """Tell the responsible person and the department's administration contacts which of their actions and
    dialogue commitments are past due: one mail per person listing them.

    Each (action or commitment, person) is reminded at most once a day (core.reminders), and only on the days
    `due_reminder_today` picks. `today` (ISO date) lets a test or a missed run choose the day.
    """
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    actions = [
        a
        for a in Action.objects.overdue(on=day).select_related("responsible").order_by("due_on", "pk")
        if a.due_on and due_reminder_today(a.due_on, day)
    ]
    commitments = [
        c
        for c in Commitment.objects.overdue(day).select_related("responsible").order_by("due_on", "pk")
        if due_reminder_today(c.due_on, day)
    ]
    contacts = department_contacts({o.department_id for o in [*actions, *commitments]})
    people: dict[int, User] = {}
    pairs = []
    for obj in [*actions, *commitments]:
        owners = [obj.responsible] if obj.responsible is not None and obj.responsible.is_active else []
        owners += contacts.get(obj.department_id, [])
        for person in owners:
            if person.email:
                people[person.pk] = person
                pairs.append((obj, person))
    if not pairs:
        return 0
    sent = 0
    with transaction.atomic():
        # The rows and the mail commit together; what another run claimed first is left out.
        fresh = claim("due_reminder", pairs, day)
        for person in sorted(people.values(), key=lambda p: p.pk):
            mine_actions = [a for a in actions if key(a, person) in fresh]
            mine_commitments = [c for c in commitments if key(c, person) in fresh]
            if mine_actions or mine_commitments:
                sent += notify(
                    [person],
                    "followup/email/past_due",
                    {
                        "actions": mine_actions,
                        "commitments": mine_commitments,
                        "count": len(mine_actions) + len(mine_commitments),
                        "today": day,
                    },
                    kind="due_reminder",
                )
    return sent


# How many of each kind the weekly summary lists by name; the counts are always whole.
SUMMARY_LISTED = 20


@shared_task(name="followup.overdue_summary", max_retries=3)
def overdue_summary(today: str | None = None) -> int:
    """Once a week (Monday, from the beat), tell each active coordinator what is overdue: actions and dialogue
    commitments past due, and proposals waiting longer than PROPOSAL_WAITING_DAYS.

    Idempotent per coordinator and day: the reminder is recorded about the coordinator themself.
    """
    day = dt.date.fromisoformat(today) if today else timezone.localdate()
    actions = Action.objects.overdue(on=day).select_related("department").order_by("due_on", "pk")
    commitments = Commitment.objects.overdue(day).select_related("department").order_by("due_on", "pk")
    waiting = Proposal.objects.waiting_longer_than(settings.PROPOSAL_WAITING_DAYS).order_by(
        "created_at", "pk"
    )
    context = {
        "today": day,
        "action_count": actions.count(),
        "commitment_count": commitments.count(),
        "proposal_count": waiting.count(),
        "actions": list(actions[:SUMMARY_LISTED]),
        "commitments": list(commitments[:SUMMARY_LISTED]),
        "proposals": list(waiting[:SUMMARY_LISTED]),
        "days": settings.PROPOSAL_WAITING_DAYS,
    }
    if not (context["action_count"] or context["commitment_count"] or context["proposal_count"]):
        return 0
    sent = 0
    for coordinator in User.objects.filter(is_active=True, role=Role.COORDINATOR).order_by("pk"):
        sent += remind_once(
            "overdue_summary", coordinator, [coordinator], day, "followup/email/overdue_summary", context
        )
    return sent
