"""The yearly wheel (årssnurra): cycles, each with four phases."""

import datetime as dt
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class PhaseKind(models.TextChoices):
    """The four phases of the wheel, in the order the year runs through them."""

    # Context: the phase keeps the name "Agenda" where a meeting's agenda is translated (fi esityslista).
    AGENDA = "agenda", pgettext_lazy("phase of the yearly wheel", "Agenda")
    IMPLEMENTATION = "implementation", _("Implementation")
    FOLLOW_UP = "follow_up", _("Follow-up")
    REFORMULATION = "reformulation", _("Reformulation")


PHASE_DESCRIPTIONS = {
    PhaseKind.AGENDA: _("Planning and formulation"),
    PhaseKind.IMPLEMENTATION: _("Actions are carried out"),
    PhaseKind.FOLLOW_UP: _("Follow-up and reporting"),
    PhaseKind.REFORMULATION: _("Making the processes open and accessible"),
}


class CycleQuerySet(models.QuerySet["Cycle"]):
    def current(self, on: dt.date | None = None) -> "Cycle | None":
        """The cycle whose dates cover the day, else the latest one that has started."""
        on = on or timezone.localdate()
        cycles = self.prefetch_related("phases")
        return (
            cycles.filter(starts_on__lte=on, ends_on__gte=on).order_by("-starts_on").first()
            or cycles.filter(starts_on__lte=on).order_by("-starts_on").first()
        )


CycleManager = models.Manager.from_queryset(CycleQuerySet)


def current_among(cycles, on: dt.date | None = None) -> "Cycle | None":
    """Of cycles already loaded: the one covering the day, else the latest started, else the first to come."""
    on = on or timezone.localdate()
    covering = [c for c in cycles if c.starts_on <= on <= c.ends_on]
    started = covering or [c for c in cycles if c.starts_on <= on]
    if started:
        return max(started, key=lambda c: c.starts_on)
    return min(cycles, key=lambda c: c.starts_on, default=None)


class Cycle(models.Model):
    """One turn of the wheel, normally a calendar year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))

    # modeltranslation swaps the managers' class for its own when the app loads; these are the types.
    objects: ClassVar[CycleManager["Cycle"]] = CycleManager()
    _default_manager: ClassVar[CycleManager["Cycle"]]

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any

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
