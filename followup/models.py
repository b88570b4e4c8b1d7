"""The yearly wheel (årssnurra): cycles with four phases, goals, and the actions that are followed up."""

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import (
    AgendaItem,
    Department,
    NationalMinority,
    Role,
    User,
    attachment_path,
    content_language_field,
)


def sees_whole_register(user) -> bool:
    """Follow-up is the municipality's own business: all signed-in roles but residents see all of it."""
    return bool(user.is_authenticated and (user.is_superuser or user.role != Role.RESIDENT))


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


class CycleQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None) -> "Cycle | None":
        """The cycle whose dates cover the day, else the latest one that has started."""
        on = on or timezone.localdate()
        cycles = self.prefetch_related("phases")
        return (
            cycles.filter(starts_on__lte=on, ends_on__gte=on).order_by("-starts_on").first()
            or cycles.filter(starts_on__lte=on).order_by("-starts_on").first()
        )


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


class Theme(models.Model):
    """A theme goals are grouped by: language, education, elderly care, culture, information, ..."""

    slug = models.SlugField(_("short name"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class GoalKind(models.TextChoices):
    PROGRAMME = "programme", _("Goal of the minority policy programme")
    GUIDELINE = "guideline", _("Goal or guideline under the Act (2009:724) §5b")


class Goal(models.Model):
    """A goal of the minority policy programme (mål och riktlinjer, lag 2009:724 §5b)."""

    code = models.CharField(_("number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=GoalKind.choices, default=GoalKind.PROGRAMME)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="goals")
    minorities = models.ManyToManyField(NationalMinority, verbose_name=_("national minorities"), blank=True)
    adopted_on = models.DateField(_("adopted"), null=True, blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["code", "title"]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title

    def get_absolute_url(self) -> str:
        return reverse("followup:goal_detail", kwargs={"pk": self.pk})


class ActionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("action status", "Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    # The reporter's judgement that the action has fallen behind; "overdue" (past due, not finished) is the
    # date's, shown as its own tag, so the two never share a word.
    DELAYED = "delayed", pgettext_lazy("action status", "Behind schedule")
    CANCELLED = "cancelled", pgettext_lazy("action status", "Cancelled")


FINISHED_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED)


def overdue_condition(on: dt.date, prefix: str = "") -> Q:
    """Overdue, the one notion of late: the due date has passed and the action is neither done nor cancelled.

    `prefix` reaches actions through a relation (e.g. "actions" from a goal), for counts in annotations.
    """
    path = f"{prefix}__" if prefix else ""
    return Q(**{f"{path}due_on__lt": on}) & ~Q(**{f"{path}status__in": FINISHED_STATUSES})


class ActionQuerySet(models.QuerySet):
    def with_related(self) -> "ActionQuerySet":
        """What a list row shows, in one query (goals and minorities are prefetched by the caller)."""
        return self.select_related("cycle", "department", "responsible")

    def visible_to(self, user) -> "ActionQuerySet":
        """Everyone signed in but residents sees the whole register; others the actions marked public."""
        if sees_whole_register(user):
            return self
        return self.filter(is_public=True)

    def for_department(self, department) -> "ActionQuerySet":
        """Actions a department is responsible for or collaborates on."""
        if department is None:
            return self.none()
        collaborating = Action.collaborating_departments.through.objects.filter(department=department)
        return self.filter(Q(department=department) | Q(pk__in=collaborating.values("action")))

    def stale(self, days: int, on: dt.date | None = None) -> "ActionQuerySet":
        """Unfinished actions without a progress update (or, when they have none, created) for `days` days."""
        limit = (on or timezone.localdate()) - dt.timedelta(days=days)
        return self.unfinished().filter(
            Q(last_update_on__lt=limit) | Q(last_update_on__isnull=True, created_at__date__lt=limit)
        )

    def unfinished(self) -> "ActionQuerySet":
        return self.exclude(status__in=FINISHED_STATUSES)

    def overdue(self, on: dt.date | None = None) -> "ActionQuerySet":
        """Unfinished actions whose due date has passed (see overdue_condition)."""
        return self.filter(overdue_condition(on or timezone.localdate()))


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
    collaborating_departments = models.ManyToManyField(
        Department,
        verbose_name=_("collaborating departments"),
        blank=True,
        related_name="collaborating_actions",
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    completed_on = models.DateField(_("completed"), null=True, blank=True)
    # The golden thread: what gave rise to the action.
    origin_proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("proposal it came from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    origin_agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item or decision it came from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    origin_commitment = models.ForeignKey(
        "dialogues.Commitment",
        verbose_name=_("commitment it came from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    first_cycle = models.ForeignKey(
        Cycle,
        verbose_name=_("first cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The cycle the action was started in, when it was carried over since."),
    )
    last_update_on = models.DateField(_("last progress update"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

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
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.CANCELLED) | ~Q(cancel_reason=""),
                name="action_cancelled_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("followup:action_detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    def is_overdue(self, on: dt.date | None = None) -> bool:
        """Past due and not finished: the same test as ActionQuerySet.overdue, for one row."""
        return bool(not self.is_finished and self.due_on and self.due_on < (on or timezone.localdate()))

    def is_stale(self, days: int, on: dt.date | None = None) -> bool:
        if self.is_finished:
            return False
        last = self.last_update_on or timezone.localdate(self.created_at)
        return last < (on or timezone.localdate()) - dt.timedelta(days=days)

    @property
    def has_origin(self) -> bool:
        return bool(self.origin_proposal_id or self.origin_agenda_item_id or self.origin_commitment_id)


class ProgressUpdate(models.Model):
    """A dated report on an action by its responsible party: what happened, the new status and per cent."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="updates"
    )
    author = models.ForeignKey(
        User, verbose_name=_("written by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what has happened"))
    language = content_language_field()
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), validators=[MaxValueValidator(100)])
    file = models.FileField(_("attachment"), upload_to=attachment_path, max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-written_on", "-pk"]
        indexes = [models.Index(fields=["action", "-written_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="update_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.written_on}"


class StaleReminder(models.Model):
    """One reminder per action and ISO week, recorded before it is sent: a second run sends nothing."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(max_length=10)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "week"], name="one_stale_reminder_per_week")]

    def __str__(self) -> str:
        return f"{self.action_id} {self.week}"


class Indicator(models.Model):
    """Something measured over time against a baseline and a target, linked to goals."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example: pupils, per cent, events."))
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    baseline_on = models.DateField(_("baseline date"))
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    goals = models.ManyToManyField(Goal, verbose_name=_("goals"), blank=True, related_name="indicators")
    minorities = models.ManyToManyField(
        NationalMinority, verbose_name=_("national minorities"), blank=True, related_name="+"
    )
    latest_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, editable=False)
    latest_on = models.DateField(null=True, editable=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("followup:indicator_detail", kwargs={"pk": self.pk})

    @property
    def achievement(self) -> int | None:
        """How far from the baseline towards the target the latest value has come, in per cent (0–100)."""
        if self.latest_value is None or self.target == self.baseline:
            return None
        share = (self.latest_value - self.baseline) / (self.target - self.baseline) * 100
        return max(0, min(100, round(share)))

    def refresh_latest(self) -> None:
        latest = self.values.order_by("-measured_on").first()
        self.latest_value = latest.value if latest else None
        self.latest_on = latest.measured_on if latest else None
        self.save(update_fields=["latest_value", "latest_on"])


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="one_value_per_indicator_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"


# --- The state grant for the Finnish administrative area -------------------------------------------


class GrantCategory(models.Model):
    """What the state grant is used for (language support, consultation, culture, ...): configuration."""

    name = models.CharField(_("name"), max_length=150)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Only categories in use can be chosen.")
    )

    class Meta:
        verbose_name = _("grant category")
        verbose_name_plural = _("grant categories")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class StateGrant(models.Model):
    """The state grant for the Finnish administrative area in one year, and when its use is accounted for."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("amount granted (SEK)"), max_digits=12, decimal_places=0, validators=[MinValueValidator(0)]
    )
    report_due_on = models.DateField(
        _("account due"),
        null=True,
        blank=True,
        help_text=_("When the use of the grant is to be accounted for to the county administrative board."),
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("state grant")
        verbose_name_plural = _("state grants")
        ordering = ["-year"]

    def __str__(self) -> str:
        return gettext("State grant %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("followup:grant_detail", kwargs={"year": self.year})


class GrantUse(models.Model):
    """What part of a year's grant went to, with the actions it paid for."""

    grant = models.ForeignKey(
        StateGrant, verbose_name=_("state grant"), on_delete=models.CASCADE, related_name="uses"
    )
    category = models.ForeignKey(
        GrantCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(
        _("amount used (SEK)"), max_digits=12, decimal_places=0, validators=[MinValueValidator(0)]
    )
    description = models.TextField(_("what it was used for"))
    actions = models.ManyToManyField(
        "Action", verbose_name=_("actions it paid for"), blank=True, related_name="grant_uses"
    )
    recorded_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("use of the grant")
        verbose_name_plural = _("uses of the grant")
        ordering = ["grant", "category__position", "pk"]

    def __str__(self) -> str:
        return f"{self.category}: {self.amount} kr"
