"""Questionnaires: a coordinator composes one (scale, choice and free-text questions), sends it to a forum's
members or to every representative with a deadline, and reads the results.

An anonymous questionnaire stores its answers with no user id at all: a `Response` of one has no respondent,
a random key and only the day it came in, and the `Participation` that keeps a person from answering twice
names the person but not the response. Nobody, administrators included, can tie the two together.
"""

import uuid
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import Forum, Membership, User, content_language_field

SCALE = range(1, 6)


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("questionnaire", "Draft")
    OPEN = "open", pgettext_lazy("questionnaire", "Open")
    CLOSED = "closed", pgettext_lazy("questionnaire", "Closed")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale from 1 to 5")
    CHOICE = "choice", _("One of several choices")
    TEXT = "text", _("Free text")


class Questionnaire(models.Model):
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    language = content_language_field()
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("sent to the members of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty to send it to every representative."),
    )
    deadline = models.DateField(_("answers by"))
    anonymous = models.BooleanField(
        _("anonymous answers"),
        default=True,
        help_text=_("No one, administrators included, can see who gave which answer."),
    )
    min_answers = models.PositiveSmallIntegerField(
        _("fewest answers for a breakdown"),
        default=settings.SURVEY_MIN_ANSWERS,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "With fewer answers the results show no breakdown by forum, which could identify someone."
        ),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    created_by = models.ForeignKey(
        User, verbose_name=_("made by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The day those who had not answered were reminded (services.remind), once.
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["reminded_on"])

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-deadline", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN and self.deadline >= timezone.localdate()

    def audience(self) -> models.QuerySet[User]:
        """Who is asked: the forum's current members, or every representative with a current membership."""
        if self.forum_id:
            members = Membership.objects.current().filter(forum_id=self.forum_id)
            return User.objects.filter(is_active=True, pk__in=members.values("user_id"))
        return User.objects.representatives_in_office()


class SurveyQuestion(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("questionnaire"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind.choices, default=QuestionKind.SCALE)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a question with choices: one per line.")
    )
    required = models.BooleanField(_("must be answered"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Response(models.Model):
    """One person's answers. Anonymous: no respondent, a random key, the day only (no time to match)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The forum the person belongs to, for the breakdown (shown only from min_answers answers per forum).
    forum = models.ForeignKey(Forum, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    received_on = models.DateField(default=timezone.localdate)

    def __str__(self) -> str:
        return f"{self.questionnaire_id}: {self.received_on}"

    objects: ClassVar[models.Manager["Response"]] = models.Manager()


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.value[:40]


class Participation(models.Model):
    """That a person has answered (so they answer once and reminders skip them); never which response is theirs."""

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "user"], name="one_participation_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire_id}: {self.user_id}"
