"""Every write of the yearly follow-up, each in one transaction that locks the follow-up's row."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.history import stamp
from core.models import AgendaItem, Meeting, MeetingStatus, Role, Tier, User
from core.services import add_agenda_item, notify

from . import document as documents
from .models import FollowUpAnswer, FollowUpQuestion, FollowUpStatus, YearlyFollowUp, default_due_on


class FollowUpRefused(Exception):
    """The change cannot be made; the message says why, in the user's language."""


def draft(year: int, *, by: User | None = None) -> tuple[YearlyFollowUp, bool]:
    """The year's follow-up, drafted now if there is none (the wheel's follow-up phase and the coordinator's
    button both come here; a second call finds the first's)."""
    follow_up, created = YearlyFollowUp.objects.get_or_create(
        year=year, defaults={"due_on": default_due_on(year)}
    )
    if created and by is not None:
        stamp(follow_up, by=by)
    return follow_up, created


def _locked(follow_up: YearlyFollowUp) -> YearlyFollowUp:
    locked = YearlyFollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if locked.is_approved:
        raise FollowUpRefused(gettext("The follow-up has been approved and can no longer be changed."))
    return locked


@transaction.atomic
def save_answers(
    follow_up: YearlyFollowUp,
    answers: dict[int, tuple[str, str]],
    *,
    due_on: dt.date,
    by: User,
) -> YearlyFollowUp:
    """Write the texts (question id -> (text, language)) and the due date together, or nothing."""
    follow_up = _locked(follow_up)
    known = set(FollowUpQuestion.objects.filter(pk__in=answers).values_list("pk", flat=True))
    existing = {a.question_id: a for a in follow_up.answers.select_for_update()}
    for question_id, (text, language) in answers.items():
        if question_id not in known:
            continue
        answer = existing.get(question_id)
        if answer is None:
            if not text:
                continue  # nothing written and nothing to keep
            answer = FollowUpAnswer(follow_up=follow_up, question_id=question_id)
        elif answer.text == text and answer.language == language:
            continue
        answer.text, answer.language, answer.updated_by = text, language, by
        stamp(answer, by=by)
        answer.save()
    if follow_up.due_on != due_on:
        follow_up.due_on = due_on
        stamp(follow_up, by=by)
        follow_up.save(update_fields=["due_on"])
    return follow_up


def next_review_meeting() -> Meeting | None:
    """The consultation group's next meeting that has not been held or cancelled."""
    return (
        Meeting.objects.filter(
            forum__tier=Tier.CONSULTATION,
            status__in=[MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED],
            starts_at__gte=timezone.now(),
        )
        .select_related("forum")
        .order_by("starts_at", "pk")
        .first()
    )


@transaction.atomic
def send_for_review(follow_up: YearlyFollowUp, *, by: User) -> AgendaItem:
    """Put the draft on the agenda of the consultation group's next meeting, with a link to it."""
    follow_up = _locked(follow_up)
    if follow_up.review_item_id and follow_up.status == FollowUpStatus.IN_REVIEW:
        raise FollowUpRefused(gettext("The follow-up is already on a meeting's agenda for review."))
    meeting = next_review_meeting()
    if meeting is None:
        raise FollowUpRefused(
            gettext(
                "The consultation group has no coming meeting. Plan its next meeting first, then send the follow-up."
            )
        )
    language = translation.get_language() or settings.LANGUAGE_CODE
    item = AgendaItem(
        title=gettext("Review of the yearly follow-up for %(year)s") % {"year": follow_up.year},
        description=gettext(
            "The draft of the municipality's yearly follow-up to the county administrative board: %(url)s"
        )
        % {"url": f"{settings.SITE_URL}{follow_up.get_absolute_url()}"},
        presenter=by,
        language=language[:2],
    )
    add_agenda_item(meeting, item, by)
    follow_up.status = FollowUpStatus.IN_REVIEW
    follow_up.review_item = item
    stamp(follow_up, by=by)
    follow_up.save(update_fields=["status", "review_item"])
    return item


@transaction.atomic
def approve(follow_up: YearlyFollowUp, *, by: User) -> YearlyFollowUp:
    """Freeze the follow-up: its document in every language, figures and texts, as they are now."""
    follow_up = _locked(follow_up)
    follow_up.snapshot = {language: documents.build(follow_up, language) for language in documents.LANGUAGES}
    follow_up.status = FollowUpStatus.APPROVED
    follow_up.approved_at = timezone.now()
    follow_up.approved_by = by
    stamp(follow_up, by=by)
    follow_up.save()
    return follow_up


def remind_coordinators(today: dt.date | None = None) -> int:
    """Mail the coordinators about each follow-up not yet approved that is due in one of the reminder days
    (YEARLY_FOLLOW_UP_REMINDER_DAYS) or today; returns the number of mails. Each follow-up is reminded of at
    most once a day: the day is written with the queued mail, in one transaction."""
    today = today or timezone.localdate()
    days = set(settings.YEARLY_FOLLOW_UP_REMINDER_DAYS) | {0}
    sent = 0
    for pk in YearlyFollowUp.objects.open().values_list("pk", flat=True):
        with transaction.atomic():
            follow_up = YearlyFollowUp.objects.select_for_update().get(pk=pk)
            left = (follow_up.due_on - today).days
            if left not in days or follow_up.reminded_on == today:
                continue
            follow_up.reminded_on = today
            follow_up.save(update_fields=["reminded_on"])
            coordinators = User.objects.filter(role=Role.COORDINATOR, is_active=True)
            sent += notify(
                coordinators, "annual/email/due", {"follow_up": follow_up, "days": left}, kind="annual_wheel"
            )
    return sent


def save_question(question: FollowUpQuestion, *, by: User) -> FollowUpQuestion:
    stamp(question, by=by)
    question.save()
    return question
