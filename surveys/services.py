"""Every write of a questionnaire: sending it, answering it (once, anonymously where it says so), reminding."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.history import stamp
from core.models import Membership, User
from core.services import notify

from .models import Answer, Participation, Questionnaire, Response, SurveyStatus


class SurveyRefused(Exception):
    """The questionnaire cannot take this; the message says why, in the user's language."""


@transaction.atomic
def open_questionnaire(questionnaire: Questionnaire, *, by: User) -> int:
    """Send it to its audience, each in their own language; returns the number of mails."""
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if questionnaire.status != SurveyStatus.DRAFT:
        raise SurveyRefused(gettext("The questionnaire has already been sent."))
    if not questionnaire.questions.exists():
        raise SurveyRefused(gettext("Add at least one question before sending the questionnaire."))
    if questionnaire.deadline < timezone.localdate():
        raise SurveyRefused(gettext("The last day for answers has passed: choose a later day first."))
    questionnaire.status = SurveyStatus.OPEN
    questionnaire.opened_at = timezone.now()
    stamp(questionnaire, by=by)
    questionnaire.save(update_fields=["status", "opened_at"])
    return notify(
        questionnaire.audience(), "surveys/email/invitation", {"questionnaire": questionnaire}, kind="survey"
    )


def answer(questionnaire: Questionnaire, user: User, values: dict[int, str]) -> None:
    """Store the answers (question id -> value) and that the person took part, together or not at all."""
    forum_id = questionnaire.forum_id
    if forum_id is None:
        # For the breakdown: the person's dialogue forum, the first of their current memberships.
        forum_id = (
            Membership.objects.current()
            .filter(user=user)
            .order_by("forum__tier", "forum_id")
            .values_list("forum_id", flat=True)
            .first()
        )
    try:
        with transaction.atomic():
            Participation.objects.create(questionnaire=questionnaire, user=user)
            response = Response.objects.create(
                questionnaire=questionnaire,
                respondent=None if questionnaire.anonymous else user,
                forum_id=forum_id,
            )
            Answer.objects.bulk_create(
                Answer(response=response, question_id=question_id, value=value)
                for question_id, value in values.items()
                if value != ""
            )
    except IntegrityError as error:
        raise SurveyRefused(gettext("You have already answered this questionnaire.")) from error


def remind(today: dt.date | None = None) -> int:
    """Two days before the last day, remind those who have not answered; once per questionnaire."""
    today = today or timezone.localdate()
    sent = 0
    due = Questionnaire.objects.filter(status=SurveyStatus.OPEN, deadline=today + dt.timedelta(days=2))
    for pk in due.exclude(reminded_on=today).values_list("pk", flat=True):
        with transaction.atomic():
            questionnaire = Questionnaire.objects.select_for_update().get(pk=pk)
            if questionnaire.reminded_on == today:
                continue
            questionnaire.reminded_on = today
            questionnaire.save(update_fields=["reminded_on"])
            answered = Participation.objects.filter(questionnaire=questionnaire).values("user_id")
            waiting = questionnaire.audience().exclude(pk__in=answered)
            sent += notify(waiting, "surveys/email/reminder", {"questionnaire": questionnaire}, kind="survey")
    return sent
