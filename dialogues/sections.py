"""What the dialogue tier adds to a meeting's page: the feedback from the administration, and the
commitments lifted at the meeting. Registered with core.plumbing.sections from DialoguesConfig.ready().
"""

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language, gettext

from core.models import Department, Meeting, MeetingStatus
from core.models.languages import bilingual
from core.plumbing.sections import TimelineEvent, marked, read_once

from .models import Commitment, CommitmentStatus, awaiting_feedback, lifted_at, received_at

# Before a meeting is held it hears the answers still waiting; afterwards it shows what it received.
NOT_YET_HELD = {MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED}


def _meeting_commitments(request: HttpRequest, meeting: Meeting) -> list[Commitment]:
    """The commitments both sections of a meeting's page show, read in one query for the two of them.

    Those lifted at the meeting (`lifted`), and the feedback it hears (`feedback`): before it is held, the
    answers still waiting from the forum's earlier meetings; afterwards, those it received. The query marks
    which each one is; each section picks its own.
    """

    def read() -> list[Commitment]:
        lifted = lifted_at(meeting)
        if meeting.status in NOT_YET_HELD:
            feedback = awaiting_feedback(meeting.forum_id) & Q(
                agenda_item__meeting__starts_at__lt=meeting.starts_at
            )
        else:
            feedback = received_at(meeting)
        commitments = marked(Commitment.objects.visible_to(request.user), lifted=lifted, feedback=feedback)
        return list(commitments.with_related())

    return read_once(request, "meeting_commitments", meeting.pk, read)


def feedback_section(request: HttpRequest, meeting: Meeting) -> dict | None:
    """Feedback (återkoppling): answers to issues the forum lifted at earlier meetings."""
    user = request.user
    waiting = meeting.status in NOT_YET_HELD
    commitments = sorted(
        (c for c in _meeting_commitments(request, meeting) if c.feedback),
        # As ORDER BY answered_at, pk: an unanswered one (none should be) last.
        key=lambda c: (c.answered_at is None, c.answered_at or meeting.starts_at, c.pk),
    )
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
    commitments = sorted(
        (c for c in _meeting_commitments(request, meeting) if c.lifted),
        key=lambda c: (c.agenda_item.position, c.agenda_item.pk, c.pk),
    )
    may_add = not meeting.is_cancelled and user.has_perm("dialogues.add_commitment", meeting)
    if not commitments and not may_add:
        return None
    return {"commitments": commitments, "may_add": may_add}


def _item_commitments(request: HttpRequest, item_id: int) -> list[Commitment]:
    """The commitments lifted at one agenda item that the person may see, read once per request: a
    proposal's page shows them in its agenda item's section and in its story."""
    return read_once(
        request,
        "item_commitments",
        item_id,
        lambda: list(
            Commitment.objects.visible_to(request.user).filter(agenda_item_id=item_id).with_related()
        ),
    )


def agenda_item_commitments_section(request: HttpRequest, item) -> dict | None:
    """Commitments that came of one agenda item (shown, e.g., on the page of the proposal behind it)."""
    commitments = sorted(_item_commitments(request, item.pk), key=lambda c: (c.due_on, c.pk))
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
    """A proposal's story: the commitments lifted at its agenda item and their answers (one query, shared
    with the agenda item's section)."""
    if not proposal.agenda_item_id:
        return []
    language = (get_language() or "sv").split("-")[0]
    commitments = sorted(
        _item_commitments(request, proposal.agenda_item_id), key=lambda c: (c.created_at, c.pk)
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
