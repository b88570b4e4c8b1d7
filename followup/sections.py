"""The golden thread, seen from the other side: the actions a proposal, a meeting or a commitment gave
rise to, shown on their pages. Registered with core.plumbing.sections from FollowupConfig.ready().
"""

import datetime as dt
from typing import Any

import rules
from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from core.models import Meeting, MeetingStatus
from core.models.languages import bilingual
from core.plumbing.sections import (
    TimelineEvent,
    read_once,
    register_meeting_section,
    register_object_links,
    register_object_section,
    register_timeline,
)
from core.templatetags.content_language import translated_value

from .models import Action, ActionStatus, ProgressUpdate

# Permissions here are checked against the rule set alone: a refusal must not fall through to Django's
# model backend, which would cost two queries on every proposal, meeting and commitment page.


def _actions(request: HttpRequest, condition: Q) -> list[Action]:
    return list(
        Action.objects.visible_to(request.user)
        .filter(condition)
        .select_related("department", "cycle")
        .distinct()
        .order_by("-cycle__year", "due_on", "pk")
    )


def _section(request: HttpRequest, actions: list[Action], create_query: str, heading_id: str) -> dict | None:
    may_add = rules.has_perm("followup.add_action", request.user)
    if not actions and not may_add:
        return None
    return {
        "actions": actions,
        "create_url": f"{reverse('followup:action_create')}?{create_query}" if may_add else "",
        "heading_id": heading_id,
    }


def _proposal_actions(request: HttpRequest, proposal) -> list[Action]:
    """The actions a proposal led to, directly, through its agenda item or through the item's commitments,
    with their progress updates, that the person may see: read once per request for the page's section and
    its story (two queries)."""

    def read() -> list[Action]:
        condition = Q(origin_proposal=proposal)
        if proposal.agenda_item_id:
            condition |= Q(origin_agenda_item_id=proposal.agenda_item_id) | Q(
                origin_commitment__agenda_item_id=proposal.agenda_item_id
            )
        updates = ProgressUpdate.objects.order_by("written_on", "created_at", "pk")
        return list(
            Action.objects.visible_to(request.user)
            .filter(condition)
            .select_related("department", "cycle")
            .distinct()
            .prefetch_related(Prefetch("updates", queryset=updates))
            .order_by("created_at", "pk")
        )

    return read_once(request, "proposal_actions", proposal.pk, read)


def proposal_actions_section(request: HttpRequest, proposal) -> dict | None:
    """The actions that came directly of the proposal or of its agenda item (not those of the item's
    commitments, which their commitments' pages list), as ORDER BY -cycle__year, due_on, pk."""
    actions = sorted(
        (
            a
            for a in _proposal_actions(request, proposal)
            if a.origin_proposal_id == proposal.pk
            or (proposal.agenda_item_id and a.origin_agenda_item_id == proposal.agenda_item_id)
        ),
        key=lambda a: (-a.cycle.year, a.due_on is None, a.due_on or dt.date.min, a.pk),
    )
    return _section(request, actions, f"proposal={proposal.pk}", "proposal-actions")


def proposal_action_links(request: HttpRequest, proposals: list) -> dict[int, list[dict]]:
    """The actions each proposal in a list led to (directly or through its agenda item), in one query."""
    by_item = {p.agenda_item_id: p.pk for p in proposals if p.agenda_item_id}
    pks = {p.pk for p in proposals}
    links: dict[int, list[dict]] = {}
    actions = _actions(request, Q(origin_proposal__in=pks) | Q(origin_agenda_item__in=list(by_item)))
    for action in actions:
        owner = (
            action.origin_proposal_id
            if action.origin_proposal_id in pks
            else by_item.get(action.origin_agenda_item_id)
        )
        if owner is not None:
            links.setdefault(owner, []).append(
                {"label": gettext("Action"), "title": action.title, "url": action.get_absolute_url()}
            )
    return links


def commitment_actions_section(request: HttpRequest, commitment) -> dict | None:
    actions = _actions(request, Q(origin_commitment=commitment))
    return _section(request, actions, f"commitment={commitment.pk}", "commitment-actions")


def meeting_actions_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Actions from the meeting's agenda items, their commitments or the proposals placed on it.

    Each origin is asked as the keys of the meeting's own rows (a subquery by index), not by joining every
    action to its three origins and their agenda items: that join read all 2,024 actions of the bench data
    to keep none, 5.9 ms of the meeting page's 25 ms in queries (EXPLAIN ANALYZE), and the planner took 1.9 ms
    more."""
    items = meeting.agenda_items
    actions = _actions(
        request,
        Q(origin_agenda_item__in=items.values("pk"))
        | Q(origin_commitment__in=items.values("commitments"))
        | Q(origin_proposal__in=items.values("proposal")),
    )
    may_add = rules.has_perm("followup.add_action", request.user) and meeting.status == MeetingStatus.HELD
    if not actions and not may_add:
        return None
    return {
        "actions": actions,
        "create_url": "",
        "heading_id": "meeting-actions",
        # A coordinator turns a decision of the meeting into an action.
        "agenda_items": meeting.agenda_in_order if may_add else [],
    }


def _on(day: dt.date, written: dt.datetime) -> dt.datetime:
    """A dated step placed in time: at the moment it was written when that was the same day, else midday."""
    if timezone.localdate(written) == day:
        return written
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def proposal_timeline_events(request: HttpRequest, proposal, earlier: list) -> list[TimelineEvent]:
    """A proposal's story: the actions it led to (directly, through its agenda item or its commitments), each
    progress update with its per cent, and completion. Two queries whatever their number, shared with the
    page's section of actions."""
    actions = _proposal_actions(request, proposal)
    language = (get_language() or "sv").split("-")[0]
    events: list[TimelineEvent] = []
    for action in actions:
        title, title_language = translated_value(action, "title")
        url = action.get_absolute_url()
        common: dict[str, Any] = {"subject": title, "subject_language": title_language, "url": url}
        events.append(
            TimelineEvent(at=action.created_at, kind="action", title=gettext("Action started"), **common)
        )
        last = action.created_at
        for update in action.updates.all():
            shown = bilingual(update, "text", "language", language)
            last = _on(update.written_on, update.created_at)
            events.append(
                TimelineEvent(
                    at=last,
                    kind="progress",
                    title=gettext("Progress update, %(progress)s %% (%(status)s)")
                    % {"progress": update.progress, "status": update.get_status_display()},
                    text=shown.text,
                    language=shown.language,
                    note=shown.note,
                    date_only=True,
                    data={"action": action.pk, "public": action.is_public, "on": update.written_on},
                    **common,
                )
            )
        if action.status == ActionStatus.DONE and action.completed_on:
            events.append(
                TimelineEvent(
                    # After the update that completed it, when that was written the same day.
                    at=max(_on(action.completed_on, last), last) + dt.timedelta(microseconds=1),
                    kind="completed",
                    title=gettext("Action completed"),
                    date_only=True,
                    data={"action": action.pk, "public": action.is_public, "on": action.completed_on},
                    **common,
                )
            )
    return events


def register() -> None:
    register_timeline("proposal", proposal_timeline_events, order=30)
    register_object_section("proposal", "followup/includes/actions_section.html", proposal_actions_section)
    register_object_links("proposal", proposal_action_links)
    register_object_section(
        "commitment", "followup/includes/actions_section.html", commitment_actions_section
    )
    register_meeting_section("followup/includes/actions_section.html", meeting_actions_section, order=60)
