"""The yearly wheel (årssnurra): cycles with four phases, goals, and the actions that are followed up."""

import datetime as dt

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Department, NationalMinority, User


class PhaseKind(models.TextChoices):
    """The four phases of the wheel, in the order the year runs through them."""

    AGENDA = "agenda", _("Agenda")
    IMPLEMENTATION = "implementation", _("Implementation")
    FOLLOW_UP = "follow_up", _("Follow-up")
    REFORMULATION = "reformulation", _("Reformulation")


PHASE_DESCRIPTIONS = {
    PhaseKind.AGENDA: _("Planning and formulation"),
    PhaseKind.IMPLEMENTATION: _("Actions are carried out"),
    PhaseKind.FOLLOW_UP: _("Follow-up and reporting"),
    PhaseKind.REFORMULATION: _("Making the processes open and accessible"),
}


class CycleQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None) -> "Cycle | None":
        """The cycle whose dates cover the day, else the latest one that has started."""
        on = on or timezone.localdate()
        cycles = self.prefetch_related("phases")
        return (
            cycles.filter(starts_on__lte=on, ends_on__gte=on).order_by("-starts_on").first()
            or cycles.filter(starts_on__lte=on).order_by("-starts_on").first()
        )


class Cycle(models.Model):
    """One turn of the wheel, normally a calendar year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="cycle_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def phase_on(self, on: dt.date | None = None) -> "Phase | None":
        """The phase whose dates cover the day; uses prefetched phases when there are any."""
        on = on or timezone.localdate()
        for phase in self.phases.all():
            if phase.starts_on <= on <= phase.ends_on:
                return phase
        return None


class Phase(models.Model):
    """A phase of a cycle with its dates."""

    cycle = models.ForeignKey(Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["cycle", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "kind"], name="one_phase_of_each_kind_per_cycle"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="phase_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle}: {self.get_kind_display()}"

    @property
    def description(self) -> str:
        return str(PHASE_DESCRIPTIONS[PhaseKind(self.kind)])


class Goal(models.Model):
    """A goal of the minority policy programme (mål och riktlinjer, lag 2009:724 §5b)."""

    code = models.CharField(_("number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    minorities = models.ManyToManyField(NationalMinority, verbose_name=_("national minorities"), blank=True)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["code", "title"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class ActionQuerySet(models.QuerySet):
    def unfinished(self) -> "ActionQuerySet":
        return self.exclude(status__in=[ActionStatus.DONE, ActionStatus.CANCELLED])

    def overdue(self, on: dt.date | None = None) -> "ActionQuerySet":
        """Unfinished actions whose due date has passed."""
        return self.unfinished().filter(due_on__lt=on or timezone.localdate())


class Action(models.Model):
    """An action (insats/åtgärd) with a responsible department and person and a timetable."""

    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="actions"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(Goal, verbose_name=_("goals"), blank=True, related_name="actions")
    minorities = models.ManyToManyField(
        NationalMinority, verbose_name=_("national minorities"), blank=True, related_name="actions"
    )
    department = models.ForeignKey(
        Department, verbose_name=_("responsible department"), on_delete=models.PROTECT, related_name="actions"
    )
    responsible = models.ForeignKey(
        User,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_actions",
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    is_public = models.BooleanField(_("shown to the public"), default=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "title"]
        indexes = [
            models.Index(fields=["department", "status"]),
            models.Index(fields=["cycle", "status"]),
            models.Index(fields=["due_on"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="action_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return self.title
