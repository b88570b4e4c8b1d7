"""What proposals add to a meeting's page: which agenda items came from a proposal, and by whom; per agenda
item, the consultation records (lag 2009:724 §5), and for coordinators one control to record one on any item.
Registered with core.plumbing.sections from ProposalsConfig.ready().
"""

import rules
from django.db.models import Q
from django.http import HttpRequest

from core.models import Meeting, Tier
from core.rules import is_member_of_forum

from .models import ConsultationRecord, Proposal


def meeting_proposals_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Agenda items proposed by members, in one query; only proposals the person may see are named."""
    proposals = list(
        Proposal.objects.visible_to(request.user)
        .filter(agenda_item__meeting=meeting)
        .select_related("proposer", "agenda_item")
        .order_by("agenda_item__position", "agenda_item__pk")
    )
    if not proposals:
        return None
    return {"proposals": proposals}


def consultations_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """The consultation records of the meeting's agenda items, for the forum and those who follow it up."""
    user = request.user
    may_add = user.has_perm("proposals.add_consultation_record", meeting)
    if not (may_add or user.has_perm("proposals.view_consultation_log") or is_member_of_forum(user, meeting)):
        return None
    records = list(
        ConsultationRecord.objects.filter(agenda_item__meeting=meeting)
        .select_related("agenda_item")
        .order_by("agenda_item__position", "agenda_item__pk", "consulted_on", "pk")
    )
    if not records and not may_add:
        return None
    by_item: dict[int, list[ConsultationRecord]] = {}
    for record in records:
        by_item.setdefault(record.agenda_item_id, []).append(record)
    # Only the items with records are listed; one control offers every item to record a new one.
    groups: dict[int, tuple] = {}
    for record in records:
        groups.setdefault(record.agenda_item_id, (record.agenda_item, by_item[record.agenda_item_id]))
    items = meeting.agenda_in_order if may_add else []
    return {"groups": list(groups.values()), "may_add": may_add, "items": items}


def open_matters_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """On the next coming consultation meeting: proposals whose proposer says the outcome did not answer them
    (the consultation group's own and those of the dialogue groups of its minority), for the agenda."""
    if not meeting.is_upcoming:
        return None
    following = (
        Meeting.objects.upcoming()
        .filter(forum_id=meeting.forum_id)
        .order_by("starts_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    if following != meeting.pk:
        return None
    proposals = Proposal.objects.visible_to(request.user).not_answered().exclude(agenda_item__meeting=meeting)
    minority = meeting.forum.minority_id
    if minority is not None:
        proposals = proposals.filter(
            Q(forum=meeting.forum_id) | Q(forum__minority=minority) | Q(minority=minority)
        )
    found = list(proposals.with_related().order_by("answered_at", "pk"))
    if not found:
        return None
    # The rule set alone: a refusal must not fall through to the model backend (two queries).
    may_plan = rules.has_perm("core.change_meeting", request.user, meeting)
    return {"proposals": found, "may_plan": may_plan}


def register() -> None:
    from core.plumbing.sections import register_meeting_section

    register_meeting_section("proposals/includes/meeting_proposals.html", meeting_proposals_section, order=30)
    register_meeting_section(
        "proposals/participation/meeting_consultations.html", consultations_section, order=60
    )
    register_meeting_section(
        "proposals/includes/open_matters.html", open_matters_section, order=35, tiers=[Tier.CONSULTATION]
    )
