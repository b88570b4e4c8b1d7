"""The yearly follow-up: the municipality's answer to the county administrative board, question by question.

The questions are configuration that coordinators edit in sv, fi and en; each names which of the portal's
computed figures it shows beside the coordinator's text. A follow-up is drafted for a year, may be sent
to the consultation group for review (an item on its next meeting's agenda), and is approved: approval
freezes the figures and the texts into a snapshot that later edits do not change.
"""

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Case, Func, OuterRef, Q, When
from django.db.models.fields.json import KeyTransform
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import AgendaItem, User, content_language_field
from core.plumbing.packed import packed
from followup.models import Cycle


class Figures(models.TextChoices):
    """Which of the portal's computed figures a question shows (annual.document computes each)."""

    CONSULTATION = "consultation", _("How consultation was done: meetings and consultation records")
    CHILDREN = "children", _("Children and young people: flagged proposals and consultations")
    GOALS = "goals", _("Goals and guidelines (§5b) with their dates")
    MINORITIES = "minorities", _("What was done per minority: actions, progress and indicators")
    DUTIES = "duties", _("Each duty's status with its evidence and figures")
    GRANT = "grant", _("The state grant's account")
    NONE = "none", _("No figures: the text alone")


class FollowUpQuestion(models.Model):
    """One question of the yearly follow-up, as the county administrative board asks it."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("A short identifier that stays when the wording changes, e.g. consultation."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    question = models.CharField(_("question"), max_length=300)
    guidance = models.TextField(
        _("guidance"), blank=True, help_text=_("What the answer should cover, for the one who writes it.")
    )
    figures = models.CharField(
        _("figures shown"), max_length=16, choices=Figures.choices, default=Figures.NONE
    )
    is_active = models.BooleanField(_("asked"), default=True)

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any

    class Meta:
        verbose_name = _("question of the yearly follow-up")
        verbose_name_plural = _("questions of the yearly follow-up")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.question


class FollowUpStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("yearly follow-up", "Draft")
    IN_REVIEW = "in_review", _("With the consultation group for review")
    APPROVED = "approved", pgettext_lazy("yearly follow-up", "Approved")


def default_due_on(year: int) -> dt.date:
    """The configured day of the next year (YEARLY_FOLLOW_UP_DUE, month and day), before the board's April report."""
    month, day = settings.YEARLY_FOLLOW_UP_DUE
    return dt.date(year + 1, month, day)


class YearlyFollowUpQuerySet(models.QuerySet["YearlyFollowUp"]):
    def open(self) -> "YearlyFollowUpQuerySet":
        return self.exclude(status=FollowUpStatus.APPROVED)

    def without_snapshot(self) -> "YearlyFollowUpQuerySet":
        """Without the approved document (about 100 KB of JSON a year, in every language): for the pages
        that list follow-ups or only check who may read one."""
        return self.defer("snapshot")

    def with_snapshot_in(self, language: str) -> "YearlyFollowUpQuerySet":
        """Without the whole snapshot, but with the approved document in the one language (None where there
        is none) as `snapshot_<language>`, which annual.document.document reads."""
        return self.without_snapshot().annotate(
            **{snapshot_attribute(language): KeyTransform(language, "snapshot")}
        )

    def with_draft_sources(self) -> "YearlyFollowUpQuerySet":
        """With what a draft's document is built from beside the report's figures, in the follow-up's own
        row while it is not approved: the active questions as `packed_questions`, the follow-up's answers
        as `packed_answers` and the cycles of the yearly wheel its year touches as `packed_cycles` (all
        None for an approved one, whose document is its snapshot); annual.document.build reads them."""
        open_one = ~Q(status=FollowUpStatus.APPROVED)
        rows: ArrayField = ArrayField(models.JSONField())
        questions = FollowUpQuestion.objects.filter(is_active=True)
        answers = FollowUpAnswer.objects.filter(follow_up=OuterRef("pk")).order_by("pk")
        # As reports.content.Period.of reads them for the year.
        cycles = Cycle.objects.filter(
            starts_on__lte=Func(
                OuterRef("year"), 12, 31, function="make_date", output_field=models.DateField()
            ),
            ends_on__gte=Func(OuterRef("year"), 1, 1, function="make_date", output_field=models.DateField()),
        ).order_by("starts_on")
        sources = {
            "packed_questions": packed(questions),
            "packed_answers": packed(answers, ("question_id", "text", "language")),
            "packed_cycles": packed(cycles),
        }
        return self.annotate(
            **{
                name: Case(When(open_one, then=source), default=None, output_field=rows)
                for name, source in sources.items()
            }
        )


def snapshot_attribute(language: str) -> str:
    return f"snapshot_{language}"


YearlyFollowUpManager = models.Manager.from_queryset(YearlyFollowUpQuerySet)


class YearlyFollowUp(models.Model):
    """The follow-up of one calendar year: a draft, then under review, then approved and frozen."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FollowUpStatus.choices, default=FollowUpStatus.DRAFT
    )
    due_on = models.DateField(
        _("due"),
        help_text=_(
            "When the follow-up must be approved, before the county administrative board's April report."
        ),
    )
    review_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("reviewed at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("drafted"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        User,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The day the coordinators were last reminded that it is due (services.remind_coordinators).
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    # Per language (sv, fi, en): the document as approved, figures and texts. Empty until approval.
    snapshot = models.JSONField(_("the follow-up as approved"), default=dict, blank=True, editable=False)

    objects: ClassVar[YearlyFollowUpManager] = YearlyFollowUpManager()
    history = HistoricalRecords(excluded_fields=["snapshot", "reminded_on"])

    class Meta:
        verbose_name = _("yearly follow-up")
        verbose_name_plural = _("yearly follow-ups")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="approved", approved_at__isnull=False) | ~Q(status="approved"),
                name="approved_follow_up_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Yearly follow-up %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("annual:detail", kwargs={"year": self.year})

    @property
    def is_approved(self) -> bool:
        return self.status == FollowUpStatus.APPROVED

    @property
    def is_overdue(self) -> bool:
        return not self.is_approved and self.due_on < timezone.localdate()


class FollowUpAnswer(models.Model):
    """The coordinator's text beside one question's figures in one year's follow-up."""

    follow_up = models.ForeignKey(
        YearlyFollowUp, verbose_name=_("yearly follow-up"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        FollowUpQuestion, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    text = models.TextField(_("answer"), blank=True)
    language = content_language_field()
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        User, verbose_name=_("changed by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer of the yearly follow-up")
        verbose_name_plural = _("answers of the yearly follow-up")
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "question"], name="one_answer_per_question_and_year")
        ]

    def __str__(self) -> str:
        return f"{self.follow_up.year}: {self.question.code}"


class PhaseOpening(models.Model):
    """The day the wheel opened a phase's work (annual.wheel.open_phases, by Celery beat), and what it did.

    One per phase: a second run on the same day, or a later day of the same phase, finds it and does nothing.
    """

    phase = models.OneToOneField(
        "followup.Phase", verbose_name=_("phase"), on_delete=models.CASCADE, related_name="opening"
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    # What the opening produced: {"mails": n} for the call for proposals, {"follow_up_year": y, "drafted": bool}.
    summary = models.JSONField(_("what it produced"), default=dict, blank=True)

    class Meta:
        verbose_name = _("opening of a phase")
        verbose_name_plural = _("openings of phases")

    def __str__(self) -> str:
        return f"{self.phase}: {self.opened_at:%Y-%m-%d}"
