"""A proposal's story: one timeline on its page, newest last, told by every app that took part.

Proposals tell their own steps (proposed, each status change with its reason, the minuted decision, the
proposer's answer); dialogues, the follow-up and the reports add theirs through core.plumbing.sections.
Each contributor costs a fixed number of queries, so the story costs the same whatever its length.
"""

import rules
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.models import MinutesStatus
from core.models.languages import bilingual
from core.plumbing.sections import TimelineEvent, register_timeline, timeline

from .models import Proposal, ProposalStatus


def _status_title(status: str) -> str:
    return {
        ProposalStatus.UNDER_CONSIDERATION: _("Taken up for consideration"),
        ProposalStatus.PLACED: _("Placed on the agenda"),
        ProposalStatus.MERGED: _("Merged into another proposal"),
        ProposalStatus.DEFERRED: _("Deferred"),
        ProposalStatus.DECLINED: _("Declined"),
        ProposalStatus.RESOLVED: _("Resolved"),
        ProposalStatus.RECEIVED: _("Received again"),
    }[ProposalStatus(status)]


def proposal_events(
    request: HttpRequest, proposal: Proposal, earlier: list[TimelineEvent]
) -> list[TimelineEvent]:
    """The proposal's own steps from its history (one query), and the minuted decision once published."""
    user = request.user
    item = proposal.agenda_item
    meeting = item.meeting if item is not None else None
    # The rule set alone: a refusal must not fall through to the model backend (two queries).
    may_see_meeting = bool(meeting and rules.has_perm("core.view_meeting", user, meeting))
    meeting_url = f"{meeting.get_absolute_url()}#item-{item.pk}" if may_see_meeting and item else ""
    events = [
        TimelineEvent(
            at=proposal.created_at,
            kind="proposed",
            title=_("Proposed"),
            by=proposal.proposer.full_name,
            data={"status": ProposalStatus.RECEIVED},
        )
    ]
    previous = None
    for record in proposal.history_in_order:
        by = record.history_user.full_name if record.history_user else ""
        if previous is not None and record.status != previous.status:
            placed = record.status == ProposalStatus.PLACED
            events.append(
                TimelineEvent(
                    at=record.history_date,
                    kind="status",
                    title=_status_title(record.status),
                    subject=str(meeting) if placed and meeting is not None else "",
                    by=by,
                    text=record.status_reason,
                    url=meeting_url if placed else "",
                    data={"status": record.status},
                )
            )
        if record.answered is None and previous is not None and previous.answered is False:
            events.append(
                TimelineEvent(
                    at=record.history_date,
                    kind="taken_up_again",
                    title=_("Taken up again by the coordinator"),
                    by=by,
                    text=""
                    if record.history_change_reason == "taken up again"
                    else record.history_change_reason or "",
                )
            )
        if record.answered is not None and (previous is None or record.answered != previous.answered):
            events.append(
                TimelineEvent(
                    at=record.history_date,
                    kind="answered" if record.answered else "not_answered",
                    title=_("The proposer said the outcome answered the proposal")
                    if record.answered
                    else _("The proposer said the outcome did not answer the proposal"),
                    by=by,
                    text=record.answered_comment,
                )
            )
        previous = record
    if (
        meeting is not None
        and meeting.minutes_status == MinutesStatus.PUBLISHED
        and (item.decision or item.minutes)
        and rules.has_perm("core.view_minutes", user, meeting)
    ):
        language = (get_language() or "sv").split("-")[0]
        shown = bilingual(item, "decision" if item.decision else "minutes", "minutes_language", language)
        events.append(
            TimelineEvent(
                at=meeting.starts_at,
                kind="decided",
                title=_("Discussed and decided"),
                subject=str(meeting),
                text=shown.text,
                language=shown.language,
                note=shown.note,
                rich=True,
                url=meeting_url,
            )
        )
    return events


def proposal_timeline(request: HttpRequest, proposal: Proposal) -> list[TimelineEvent]:
    return timeline("proposal", request, proposal)


def register() -> None:
    register_timeline("proposal", proposal_events, order=10)
