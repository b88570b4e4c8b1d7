"""Writes on proposals: submitting one, and every move of the workflow (TRANSITIONS) with its reason.

Each status change records the reason and the time, leaves a history record, and tells the proposer and
every follower (`story_audience`) by mail in their own language once the change is committed; so does the
decision minuted on the proposal's agenda item, when the minutes are published (`tell_decisions`).
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    AgendaItem,
    Department,
    Forum,
    Meeting,
    MeetingStatus,
    Membership,
    NationalMinority,
    Role,
    User,
)
from core.services import add_agenda_item, notify

from .models import Proposal, ProposalAttachment, ProposalStatus

STATUS_CHANGED_MAIL = "proposals/email/status_changed"
NOT_ANSWERED_MAIL = "proposals/email/not_answered"
TAKEN_UP_AGAIN_MAIL = "proposals/email/taken_up_again"
PLACED_MAIL = "proposals/email/placed"
DECIDED_MAIL = "proposals/email/decided"


def story_audience(proposal: Proposal) -> list[User]:
    """Who hears of each step of a proposal's story: the proposer and those who follow it, active, once each.

    The one place that says it: the follow-up's `action_audience` builds on it.
    """
    people: dict[int, User] = {}
    proposer = proposal.proposer
    if proposer.is_active:
        people[proposer.pk] = proposer
    for follower in proposal.followers.filter(is_active=True).order_by("pk"):
        people.setdefault(follower.pk, follower)
    return list(people.values())


def tell_decisions(meeting: Meeting) -> int:
    """The minutes of the meeting are published: tell each proposal's audience what was decided on its item."""
    sent = 0
    for proposal in Proposal.objects.filter(agenda_item__meeting=meeting).select_related(
        "agenda_item", "forum", "proposer"
    ):
        item = proposal.agenda_item
        if item is None or not (item.decision or item.minutes):
            continue
        context = {"proposal": proposal, "item": item, "published": meeting}
        sent += notify(
            story_audience(proposal),
            DECIDED_MAIL,
            context,
            kind="proposal_story",
            about=proposal,
            about_permission="proposals.view_proposal",
        )
    return sent


def _save(proposal: Proposal, by: User | None, reason: str) -> None:
    proposal._history_user = by
    proposal._change_reason = reason[:100] if reason else ""
    proposal.save()


def _check(proposal: Proposal, target: str) -> None:
    """Lock the row, read its status as it is now, and refuse any move not in TRANSITIONS."""
    proposal.status = (
        Proposal.objects.select_for_update().values_list("status", flat=True).get(pk=proposal.pk)
    )
    if not proposal.can_move_to(target):
        raise ValidationError(
            _("A proposal cannot go from “%(current)s” to “%(target)s”.")
            % {"current": ProposalStatus(proposal.status).label, "target": ProposalStatus(target).label}
        )


def _apply(proposal: Proposal, target: str, by: User | None, reason: str, **changes) -> Proposal:
    proposal.status = target
    proposal.status_reason = reason.strip()
    proposal.status_changed_at = timezone.now()
    for name, value in changes.items():
        setattr(proposal, name, value)
    _save(proposal, by, reason)
    people = story_audience(proposal)
    context = {"proposal": proposal, "reason": proposal.status_reason}
    template = PLACED_MAIL if target == ProposalStatus.PLACED else STATUS_CHANGED_MAIL
    transaction.on_commit(
        lambda: notify(
            people,
            template,
            context,
            kind="proposal_story",
            about=proposal,
            about_permission="proposals.view_proposal",
        )
    )
    return proposal


@transaction.atomic
def move(proposal: Proposal, target: str, by: User | None, reason: str = "", **changes) -> Proposal:
    """The one generic step: only the moves of TRANSITIONS, with the outcomes' required details."""
    _check(proposal, target)
    if target == ProposalStatus.DECLINED and not reason.strip():
        raise ValidationError(_("Say why the proposal is declined."))
    if target == ProposalStatus.MERGED and changes.get("merged_into") is None:
        raise ValidationError(_("Choose the proposal this one is merged into."))
    if target == ProposalStatus.PLACED and changes.get("agenda_item") is None:
        raise ValidationError(_("Choose the meeting on whose agenda the proposal is placed."))
    return _apply(proposal, target, by, reason, **changes)


@transaction.atomic
def submit_proposal(
    *,
    forum: Forum,
    proposer: User,
    title: str,
    description: str,
    why_it_matters: str = "",
    language: str = "sv",
    minority: NationalMinority | None = None,
    department: Department | None = None,
    affects_children_and_youth: bool = False,
    wished_meeting: Meeting | None = None,
    attachments: Iterable[tuple[UploadedFile, str]] = (),
) -> Proposal:
    """A member proposes an agenda item for one of their forums; the proposer follows it from then on."""
    if not Membership.objects.current().filter(user=proposer, forum=forum).exists():
        raise ValidationError(_("You can propose agenda items only to forums you are a member of."))
    if wished_meeting is not None and (wished_meeting.forum_id != forum.pk or not wished_meeting.is_upcoming):
        raise ValidationError(_("The wished meeting must be a coming meeting of the chosen forum."))
    proposal = Proposal(
        forum=forum,
        proposer=proposer,
        title=title.strip(),
        description=description.strip(),
        why_it_matters=why_it_matters.strip(),
        language=language,
        minority=minority,
        department=department,
        affects_children_and_youth=affects_children_and_youth,
        wished_meeting=wished_meeting,
    )
    _save(proposal, proposer, "submitted")
    proposal.followers.add(proposer)
    for upload, content_type in attachments:
        ProposalAttachment.objects.create(
            proposal=proposal,
            file=upload,
            name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
        )
    return proposal


@transaction.atomic
def consider(proposal: Proposal, by: User, reason: str = "") -> Proposal:
    """The coordinator takes the proposal up for preparation."""
    return move(proposal, ProposalStatus.UNDER_CONSIDERATION, by, reason)


@transaction.atomic
def place_on_agenda(proposal: Proposal, meeting: Meeting, by: User, reason: str = "") -> Proposal:
    """Add the proposal to a coming meeting of its forum: last, but before any other business."""
    _check(proposal, ProposalStatus.PLACED)
    if meeting.forum_id != proposal.forum_id:
        raise ValidationError(_("A proposal can be placed only on the agenda of its own forum's meeting."))
    if meeting.status in {MeetingStatus.HELD, MeetingStatus.CANCELLED}:
        raise ValidationError(_("A proposal cannot be placed on a meeting that is held or cancelled."))
    item = add_agenda_item(
        meeting,
        AgendaItem(title=proposal.title[:300], description=proposal.description, presenter=proposal.proposer),
        by,
    )
    return _apply(proposal, ProposalStatus.PLACED, by, reason, agenda_item=item)


@transaction.atomic
def merge(duplicate: Proposal, survivor: Proposal, by: User, reason: str = "") -> Proposal:
    """A duplicate is merged into another proposal of the same forum; its followers follow the survivor."""
    _check(duplicate, ProposalStatus.MERGED)
    if duplicate.pk == survivor.pk:
        raise ValidationError(_("A proposal cannot be merged into itself."))
    if survivor.forum_id != duplicate.forum_id:
        raise ValidationError(_("Proposals can be merged only within the same forum."))
    if survivor.status in {ProposalStatus.MERGED, ProposalStatus.DECLINED}:
        raise ValidationError(_("Merge into a proposal that is still alive."))
    survivor.followers.add(*duplicate.followers.all())
    return _apply(duplicate, ProposalStatus.MERGED, by, reason, merged_into=survivor)


@transaction.atomic
def defer(
    proposal: Proposal,
    by: User,
    reason: str = "",
    to_meeting: Meeting | None = None,
    until: dt.date | None = None,
) -> Proposal:
    """Put the proposal off, to a later meeting of its forum or to a date."""
    _check(proposal, ProposalStatus.DEFERRED)
    if to_meeting is not None and to_meeting.forum_id != proposal.forum_id:
        raise ValidationError(_("A proposal can be deferred only to a meeting of its own forum."))
    return _apply(
        proposal, ProposalStatus.DEFERRED, by, reason, deferred_to_meeting=to_meeting, deferred_until=until
    )


@transaction.atomic
def decline(proposal: Proposal, by: User, reason: str) -> Proposal:
    """Decline the proposal; the proposer is always told why."""
    return move(proposal, ProposalStatus.DECLINED, by, reason)


@transaction.atomic
def resolve(proposal: Proposal, by: User, reason: str = "") -> Proposal:
    """The forum has dealt with the proposal at its meeting."""
    return move(proposal, ProposalStatus.RESOLVED, by, reason)


@transaction.atomic
def mark_answered(proposal: Proposal, by: User, answered: bool, comment: str = "") -> Proposal:
    """The proposer says whether the outcome answered the proposal."""
    if by.pk != proposal.proposer_id:
        raise ValidationError(_("Only the proposer can say whether the proposal was answered."))
    if proposal.status not in {ProposalStatus.PLACED, ProposalStatus.RESOLVED}:
        raise ValidationError(_("A proposal can be marked answered once it is on an agenda or resolved."))
    was_not_answered = proposal.answered is False
    proposal.answered = answered
    proposal.answered_comment = comment.strip()
    proposal.answered_at = timezone.now()
    _save(proposal, by, "answered" if answered else "not answered")
    if not answered and not was_not_answered:
        # Back to the coordinators: it is in their inbox again and on the next consultation's open matters.
        coordinators = list(User.objects.filter(is_active=True, role=Role.COORDINATOR))
        context = {"proposal": proposal, "reason": proposal.answered_comment}
        transaction.on_commit(
            lambda: notify(coordinators, NOT_ANSWERED_MAIL, context, kind="proposal_waiting")
        )
    return proposal


@transaction.atomic
def take_up_again(proposal: Proposal, by: User, reason: str = "") -> Proposal:
    """The coordinator has dealt with a proposer's "not answered" (e.g. put the matter on a consultation
    meeting's agenda): it leaves the inbox and the open matters, and the proposer may answer again."""
    answered = Proposal.objects.select_for_update().values_list("answered", flat=True).get(pk=proposal.pk)
    if answered is not False:
        raise ValidationError(
            _("Only a proposal whose proposer said it was not answered can be taken up again.")
        )
    proposal.answered = None
    proposal.answered_comment = ""
    proposal.answered_at = None
    # The proposer's answer stays in the history; the coordinator's reason is its change reason.
    _save(proposal, by, reason.strip() or "taken up again")
    people = list(proposal.followers.filter(is_active=True))
    context = {"proposal": proposal, "reason": reason.strip()}
    transaction.on_commit(lambda: notify(people, TAKEN_UP_AGAIN_MAIL, context, kind="proposal_story"))
    return proposal


@transaction.atomic
def delete_proposal(proposal: Proposal, by: User, reason: str) -> None:
    """An administrator removes a proposal (e.g. personal data written by mistake); history keeps why."""
    if not (by.is_superuser or by.role == Role.ADMINISTRATOR):
        raise ValidationError(_("Only administrators can delete proposals."))
    if not reason.strip():
        raise ValidationError(_("Say why the proposal is deleted."))
    proposal._history_user = by
    proposal._change_reason = reason.strip()[:100]
    try:
        proposal.delete()
    except ProtectedError as error:
        raise ValidationError(_("Other proposals are merged into this one; it cannot be deleted.")) from error
