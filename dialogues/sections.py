"""What the dialogue tier adds to a meeting's page: the feedback from the administration, and the
commitments lifted at the meeting. Registered with core.plumbing.sections from DialoguesConfig.ready().
"""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language, gettext

from core.models import Department, Meeting, MeetingStatus
from core.models.languages import bilingual
from core.plumbing.sections import TimelineEvent

from .models import Commitment, CommitmentStatus

# Before a meeting is held it hears the answers still waiting; afterwards it shows what it received.
NOT_YET_HELD = {MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED}


def feedback_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Feedback (återkoppling): answers to issues the forum lifted at earlier meetings."""
    user = request.user
    commitments = Commitment.objects.visible_to(user).with_related()
    waiting = meeting.status in NOT_YET_HELD
    if waiting:
        commitments = commitments.awaiting_feedback(meeting.forum_id).filter(
            agenda_item__meeting__starts_at__lt=meeting.starts_at
        )
    else:
        commitments = commitments.received_at(meeting)
    commitments = list(commitments.order_by("answered_at", "pk"))
    if not commitments:
        return None
    return {
        "commitments": commitments,
        "waiting": waiting,
        "may_mark_received": waiting and user.has_perm("dialogues.mark_received"),
        "next": request.get_full_path(),
    }


def commitments_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Commitments lifted at this meeting, with a way for coordinators to add one."""
    user = request.user
    commitments = list(
        Commitment.objects.visible_to(user)
        .from_meeting(meeting)
        .with_related()
        .order_by("agenda_item__position", "agenda_item__pk", "pk")
    )
    may_add = not meeting.is_cancelled and user.has_perm("dialogues.add_commitment", meeting)
    if not commitments and not may_add:
        return None
    return {"commitments": commitments, "may_add": may_add}


def agenda_item_commitments_section(request: HttpRequest, item) -> dict | None:
    """Commitments that came of one agenda item (shown, e.g., on the page of the proposal behind it)."""
    commitments = list(
        Commitment.objects.visible_to(request.user)
        .filter(agenda_item=item)
        .with_related()
        .order_by("due_on", "pk")
    )
    if not commitments:
        return None
    return {"commitments": commitments}


def department_commitments_section(request: HttpRequest, department: Department) -> dict:
    """The commitments the forums gave a department and have not yet heard back on, for its department view."""
    commitments = list(
        Commitment.objects.for_department(department)
        .exclude(status=CommitmentStatus.RECEIVED)
        .with_related()
        .order_by("due_on", "pk")
    )
    today = timezone.localdate()
    return {"commitments": commitments, "overdue": [c for c in commitments if c.is_overdue(today)]}


def proposal_timeline_events(request: HttpRequest, proposal, earlier: list) -> list:
    """A proposal's story: the commitments lifted at its agenda item and their answers (one query)."""
    if not proposal.agenda_item_id:
        return []
    language = (get_language() or "sv").split("-")[0]
    commitments = (
        Commitment.objects.visible_to(request.user)
        .filter(agenda_item_id=proposal.agenda_item_id)
        .select_related("department")
        .order_by("created_at", "pk")
    )
    events = []
    for commitment in commitments:
        title = bilingual(commitment, "title", "language", language)
        url = commitment.get_absolute_url()
        events.append(
            TimelineEvent(
                at=commitment.created_at,
                kind="commitment",
                title=gettext("Commitment for %(department)s") % {"department": commitment.department.name},
                subject=title.text,
                subject_language=title.language,
                url=url,
                data={"commitment": commitment.pk},
            )
        )
        if commitment.answered_at and commitment.answer:
            answer = bilingual(commitment, "answer", "answer_language", language)
            events.append(
                TimelineEvent(
                    at=commitment.answered_at,
                    kind="commitment_answered",
                    title=gettext("The department answered"),
                    subject=title.text,
                    subject_language=title.language,
                    text=answer.text,
                    language=answer.language,
                    note=answer.note,
                    url=url,
                    data={"commitment": commitment.pk},
                )
            )
    return events
