"""Models only this tier has; the shared meeting machinery lives in core.

A working group is a core Forum of tier working_group: its members are core Memberships and its
meetings core Meetings. What only a working group has is its mandate: why it exists, for how long,
who set it up, and the closing report it leaves when it ends.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Forum, Tier


class MandateQuerySet(models.QuerySet):
    def open(self) -> "MandateQuerySet":
        """Working groups that have not been closed."""
        return self.filter(closed_on__isnull=True)

    def overdue_for_closing(self, on: dt.date | None = None) -> "MandateQuerySet":
        """Open groups whose end date has passed: they owe a closing report."""
        on = on or timezone.localdate()
        return self.open().filter(ends_on__lt=on)


class Mandate(models.Model):
    """The mandate of a working group: its purpose and period, who set it up, and how it ended."""

    forum = models.OneToOneField(
        Forum,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="mandate",
        limit_choices_to={"tier": Tier.WORKING_GROUP},
    )
    purpose = models.TextField(
        _("purpose"), help_text=_("What the working group is to achieve, and for whom.")
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(
        _("ends"), null=True, blank=True, help_text=_("Leave empty if the group works until further notice.")
    )
    set_up_by = models.ForeignKey(
        Forum,
        verbose_name=_("set up by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_groups_set_up",
        help_text=_("The forum that decided to set up the working group, such as the consultation group."),
    )
    decision_reference = models.CharField(
        _("decision"),
        max_length=300,
        blank=True,
        help_text=_(
            "Where the decision can be found, for example “Consultation group meeting 2026-02-12, item 4”."
        ),
    )
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closing_report = models.TextField(_("closing report"), blank=True)

    objects = MandateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="mandate_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("starts_on")),
                name="mandate_closed_after_start",
            ),
        ]

    def __str__(self) -> str:
        return str(self.forum)

    def clean(self) -> None:
        # Errors name only fields the mandate form shows (closed_on is set by closing, not edited).
        if self.forum_id and self.forum.tier != Tier.WORKING_GROUP:
            raise ValidationError(_("Only a working group has a mandate."))
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end date cannot be before the start date.")
        if self.starts_on and self.closed_on and self.closed_on < self.starts_on:
            errors["starts_on"] = _("The group cannot start after the day it was closed (%(date)s).") % {
                "date": date_format(self.closed_on, "SHORT_DATE_FORMAT")
            }
        if self.forum_id and self.set_up_by_id == self.forum_id:
            errors["set_up_by"] = _("A working group cannot set itself up.")
        if errors:
            raise ValidationError(errors)

    def is_closed(self) -> bool:
        """A group is closed once its closing report has been filed with a closing date."""
        return self.closed_on is not None

    def is_overdue_for_closing(self, on: dt.date | None = None) -> bool:
        """The end date has passed but nobody has closed the group with a report yet."""
        on = on or timezone.localdate()
        return self.ends_on is not None and self.ends_on < on and not self.is_closed()
