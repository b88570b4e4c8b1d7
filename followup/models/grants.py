"""The state grant for the Finnish administrative area: what each year's grant went to."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import User

from .actions import Action


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
        Action, verbose_name=_("actions it paid for"), blank=True, related_name="grant_uses"
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
