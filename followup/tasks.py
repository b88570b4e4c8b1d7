"""Periodic work of the follow-up: remind the owners of actions that have gone without a progress update."""

from collections import defaultdict

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.utils import IntegrityError

from core.dates import iso_week
from core.models import Role, User
from core.services import notify

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
