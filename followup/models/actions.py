"""The actions that are followed up, their progress updates, and the reminders about stale ones."""

import datetime as dt
from typing import Any, ClassVar

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import (
    AgendaItem,
    Department,
    NationalMinority,
    Role,
    User,
    attachment_path,
    content_language_field,
)

from .goals import Goal
from .wheel import Cycle


def sees_whole_register(user) -> bool:
    """Follow-up is the municipality's own business: all signed-in roles but residents see all of it."""
    return bool(user.is_authenticated and (user.is_superuser or user.role != Role.RESIDENT))


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


class ActionQuerySet(models.QuerySet["Action"]):
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


ActionManager = models.Manager.from_queryset(ActionQuerySet)


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

    # modeltranslation swaps the managers' class for its own when the app loads; these are the types.
    objects: ClassVar[ActionManager["Action"]] = ActionManager()
    _default_manager: ClassVar[ActionManager["Action"]]

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any
    # Set on the actions of a list by the view that shows it (followup.views), for its template.
    flag_overdue: bool
    flag_stale: bool
    may_report: bool
    chosen: bool

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
    # Into the other of Swedish and Finnish (core.models.languages.other_language), if the author gives one.
    text_translation = models.TextField(_("what has happened, translated"), blank=True)
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
