"""Writes on commitments: lifting an issue to a department, the department's answer, and the forum
receiving that answer as feedback (återkoppling). Each leaves a history record; mail goes out once the
change is committed, in each person's language.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AgendaItem, Department, ForumRole, Meeting, Membership, Role, User
from core.services import notify

from .models import Commitment, CommitmentQuerySet, CommitmentStatus
from .signals import commitment_created

# Forum roles whose holders follow up what the forum lifted to the administration.
FOLLOWS_UP = (ForumRole.COORDINATOR, ForumRole.PROCESS_LEADER)


def _save(commitment: Commitment, by: User | None, reason: str) -> None:
    commitment._history_user = by
    commitment._change_reason = reason
    commitment.save()


def _lock(commitment: Commitment) -> None:
    """Lock the row and read its status as it is now: two people may act on it at once."""
    commitment.status = (
        Commitment.objects.select_for_update().values_list("status", flat=True).get(pk=commitment.pk)
    )


def _notify_on_commit(people: list[User], template: str, commitment: Commitment, kind: str) -> None:
    context = {"commitment": commitment, "meeting": commitment.agenda_item.meeting}
    transaction.on_commit(lambda: notify(people, template, context, kind=kind))


@transaction.atomic
def responsible_outside_message(responsible: User, department: Department) -> str:
    return _(
        "%(person)s is not an administration contact of %(department)s. Choose a contact of the "
        "department the issue is lifted to: only its commitments show on their start page."
    ) % {"person": responsible.full_name, "department": department.name}


@transaction.atomic
def create_commitment(
    *,
    agenda_item: AgendaItem,
    title: str,
    department: Department,
    due_on: dt.date,
    by: User,
    description: str = "",
    responsible: User | None = None,
    language: str | None = None,
    title_translation: str = "",
    description_translation: str = "",
) -> Commitment:
    """Lift an issue from an agenda item to a department and tell the responsible contact."""
    if not title.strip():
        raise ValidationError(_("Give the commitment a title."))
    if agenda_item.meeting.is_cancelled:
        raise ValidationError(_("Nothing can be lifted from a cancelled meeting."))
    if responsible is not None and (not responsible.is_active or responsible.role != Role.ADMIN_CONTACT):
        raise ValidationError(_("The responsible person must be an active administration contact."))
    if responsible is not None and responsible.answers_outside(department):
        raise ValidationError({"responsible": responsible_outside_message(responsible, department)})
    commitment = Commitment(
        agenda_item=agenda_item,
        forum_id=agenda_item.meeting.forum_id,
        title=title.strip(),
        description=description.strip(),
        language=language or by.language,
        title_translation=title_translation.strip(),
        description_translation=description_translation.strip(),
        department=department,
        responsible=responsible,
        due_on=due_on,
        created_by=by,
    )
    _save(commitment, by, "created")
    if responsible is not None:
        _notify_on_commit(
            [responsible], "dialogues/email/commitment_assigned", commitment, "commitment_assigned"
        )
    commitment_created.send(sender=Commitment, commitment=commitment)
    return commitment


def followers(commitment: Commitment, exclude: User | None = None) -> list[User]:
    """Who hears of an answer: the coordinator who created the commitment and the forum's coordinators."""
    people = {}
    if commitment.created_by is not None:
        people[commitment.created_by.pk] = commitment.created_by
    memberships = (
        Membership.objects.current()
        .filter(forum_id=commitment.forum_id, role__in=FOLLOWS_UP)
        .select_related("user")
    )
    for membership in memberships:
        people.setdefault(membership.user.pk, membership.user)
    if exclude is not None:
        people.pop(exclude.pk, None)
    return list(people.values())


@transaction.atomic
def answer_commitment(
    commitment: Commitment, answer: str, by: User, language: str | None = None, translation: str = ""
) -> Commitment:
    """Record the department's answer (or correct it until it is received) and tell the coordinators.

    `translation` is the answer in the other of Swedish and Finnish, if the department gives one.
    """
    answer = answer.strip()
    if not answer:
        raise ValidationError(_("Write the department's answer."))
    _lock(commitment)
    if not commitment.can_be_answered():
        raise ValidationError(
            _("The answer has already been received by the forum and can no longer be changed.")
        )
    commitment.answer = answer
    commitment.answer_language = language or by.language
    commitment.answer_translation = translation.strip()
    commitment.status = CommitmentStatus.ANSWERED
    commitment.answered_at = timezone.now()
    commitment.answered_by = by
    _save(commitment, by, "answered")
    _notify_on_commit(
        followers(commitment, exclude=by),
        "dialogues/email/commitment_answered",
        commitment,
        "commitment_answered",
    )
    return commitment


@transaction.atomic
def mark_received(commitment: Commitment, meeting: Meeting, by: User) -> Commitment:
    """The forum has heard the answer at a meeting: it leaves the feedback of later meetings."""
    _lock(commitment)
    if commitment.status == CommitmentStatus.OPEN:
        raise ValidationError(_("Only an answered commitment can be marked as received."))
    if commitment.status == CommitmentStatus.RECEIVED:
        raise ValidationError(_("The answer has already been received."))
    if not commitment.can_be_received_at(meeting):
        raise ValidationError(
            _("An answer is received at a later meeting of the same forum that has not been cancelled.")
        )
    commitment.status = CommitmentStatus.RECEIVED
    commitment.received_at = timezone.now()
    commitment.received_at_meeting = meeting
    _save(commitment, by, "received")
    return commitment


def open_commitments_for(user: User) -> CommitmentQuerySet:
    """The open commitments an administration contact answers for (their department's and their own)."""
    if not user.is_authenticated or user.role != Role.ADMIN_CONTACT:
        return Commitment.objects.none()
    return Commitment.objects.for_contact(user).open().with_related().order_by("due_on", "pk")
