"""The goals of the minority policy programme, grouped by theme."""

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import NationalMinority


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

    # Registered from the app's ready(), after modeltranslation (core.history.register_translated).
    history: Any

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["code", "title"]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title

    def get_absolute_url(self) -> str:
        return reverse("followup:goal_detail", kwargs={"pk": self.pk})
