"""What proposals add to a meeting's page: which agenda items came from a proposal, and by whom; per agenda
item, the consultation records (lag 2009:724 §5), and for coordinators one control to record one on any item.
Registered with core.plumbing.sections from ProposalsConfig.ready().
"""

import rules
from django.db.models import Exists, Q
from django.http import HttpRequest

from core.models import Meeting, Tier
from core.plumbing.sections import marked, read_once
from core.rules import is_member_of_forum

from .models import ConsultationRecord, Proposal


def _meeting_proposals(request: HttpRequest, meeting: Meeting) -> list[Proposal]:
    """The proposals both proposal sections of a meeting's page show, in one query for the two, each marked:
    placed on its agenda (`placed`), or an open matter for it (`open_matter`, see open_matters_section).
    Only proposals the person may see."""

    def read() -> list[Proposal]:
        placed = Q(agenda_item__meeting=meeting)
        open_matter = Q(pk__in=[])
        if meeting.is_upcoming and meeting.forum.tier == Tier.CONSULTATION:
            # Only the forum's next coming meeting takes up the open matters.
            earlier = Meeting.objects.upcoming().filter(
                Q(starts_at__lt=meeting.starts_at) | Q(starts_at=meeting.starts_at, pk__lt=meeting.pk),
                forum_id=meeting.forum_id,
            )
            open_matter = Q(answered=False) & ~placed & ~Exists(earlier)
            minority = meeting.forum.minority_id
            if minority is not None:
                open_matter &= Q(forum=meeting.forum_id) | Q(forum__minority=minority) | Q(minority=minority)
        proposals = marked(Proposal.objects.visible_to(request.user), placed=placed, open_matter=open_matter)
        return list(proposals.with_related().select_related("agenda_item"))

    return read_once(request, "meeting_proposals", meeting.pk, read)


def meeting_proposals_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Agenda items proposed by members (the query is shared); only proposals the person may see are named."""
    proposals = sorted(
        (p for p in _meeting_proposals(request, meeting) if p.placed),
        key=lambda p: (p.agenda_item.position, p.agenda_item.pk, p.pk),
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
    found = sorted(
        (p for p in _meeting_proposals(request, meeting) if p.open_matter),
        # As ORDER BY answered_at, pk (a proposer's answer always has its time).
        key=lambda p: (p.answered_at is None, p.answered_at or meeting.starts_at, p.pk),
    )
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
