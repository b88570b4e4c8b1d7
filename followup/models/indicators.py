"""Indicators measured over time against a baseline and a target."""

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import NationalMinority, User

from .goals import Goal


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

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any

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
