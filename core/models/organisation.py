"""The national minorities and the departments that answer for what is raised in dialogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .languages import Language


class NationalMinority(models.Model):
    """One of Sweden's five national minorities (lag 2009:724)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    languages = models.ManyToManyField(Language, verbose_name=_("languages"), related_name="minorities")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("national minority")
        verbose_name_plural = _("national minorities")
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A department (förvaltning) or municipal company that answers for issues raised in dialogue."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        COMPANY = "company", _("Municipal company")

    code = models.CharField(_("abbreviation"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DEPARTMENT)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
