"""Periodic work of the proposals app: the weekly reminder to coordinators about proposals waiting long."""

from celery import shared_task
from django.conf import settings
from django.db import transaction

from core.dates import iso_week
from core.models import Membership, Role, User
from core.services import notify

from .models import Proposal, ReminderSent


@shared_task(name="proposals.remind_coordinators", max_retries=3)
def remind_coordinators() -> int:
    """Once per ISO week, tell each active coordinator which proposals have waited longer than the limit."""
    days = settings.PROPOSAL_WAITING_DAYS
    week = iso_week()
    sent = 0
    for coordinator_id in User.objects.filter(is_active=True, role=Role.COORDINATOR).values_list(
        "pk", flat=True
    ):
        coordinator = User.objects.get(pk=coordinator_id)
        waiting = Proposal.objects.waiting_longer_than(days).select_related("forum").order_by("created_at")
        forum_ids = list(
            Membership.objects.current().filter(user=coordinator).values_list("forum_id", flat=True)
        )
        # A coordinator without memberships looks after every forum.
        if forum_ids:
            waiting = waiting.filter(forum_id__in=forum_ids)
        proposals = list(waiting)
        if not proposals:
            continue
        with transaction.atomic():
            # Recorded first: a second run in the same week finds the row and sends nothing.
            _row, created = ReminderSent.objects.get_or_create(coordinator=coordinator, week=week)
            if not created:
                continue
            notify(
                [coordinator],
                "proposals/email/reminder",
                {"proposals": proposals, "days": days},
                kind="proposal_waiting",
            )
        sent += 1
    return sent
