"""The register of duties: what the law asks of the municipality, as data, and each year's assessment.

A duty's wording, source and scope are configuration that coordinators edit (in sv, fi and en); nothing
about the law is a constant in code. For each duty and year the responsible department records whether it
was met, the evidence, and for services given on request (preschool or elderly care in Finnish, contact in
Finnish) the requests received and offered.
"""

from typing import ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Department, Meeting, User, attachment_path, content_language_field
from followup.models import Action
from proposals.models import ConsultationRecord


class DutyScope(models.TextChoices):
    BASIC = "basic", _("Basic protection (every municipality)")
    FINNISH_AREA = "finnish_area", _("Finnish administrative area")


class AssessmentStatus(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


class DutyQuerySet(models.QuerySet["Duty"]):
    def active(self) -> "DutyQuerySet":
        return self.filter(is_active=True)

    def for_department(self, department: Department) -> "DutyQuerySet":
        return self.filter(departments=department)


DutyManager = models.Manager.from_queryset(DutyQuerySet)


class Duty(models.Model):
    """One duty of the municipality under the law, described in plain language, with its source."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("A short identifier that stays when the wording changes, e.g. finnish-preschool."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("what it means"), help_text=_("In plain language: what the municipality must do, and for whom.")
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_(
            "The act or ordinance, e.g. Act (2009:724) on national minorities and minority languages."
        ),
    )
    provision = models.CharField(
        _("section"), max_length=60, blank=True, help_text=_("The section (paragraph), e.g. 5 a §.")
    )
    checked_on = models.DateField(
        _("checked against the statute"),
        null=True,
        blank=True,
        help_text=_(
            "When the source and the description were last checked against the statute's current text."
        ),
    )
    scope = models.CharField(_("applies"), max_length=16, choices=DutyScope.choices, default=DutyScope.BASIC)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    on_request = models.BooleanField(
        _("a service on request"),
        default=False,
        help_text=_("Followed up as figures each year: requests received and requests offered."),
    )
    counts_served = models.BooleanField(
        _("count those served"),
        default=False,
        help_text=_("Also record the places or persons served in Finnish (preschool, elderly care)."),
    )
    departments = models.ManyToManyField(
        Department, verbose_name=_("responsible departments"), related_name="duties", blank=True
    )
    contact = models.ForeignKey(
        User,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duties_answered",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("in the register"),
        default=True,
        help_text=_("Duties taken out of the register keep their history."),
    )

    # History is registered in DutiesConfig.ready(), after modeltranslation has added the language fields.
    # modeltranslation swaps the managers' class for its own when the app loads; these are the types.
    objects: ClassVar[DutyManager["Duty"]] = DutyManager()
    _default_manager: ClassVar[DutyManager["Duty"]]

    class Meta:
        verbose_name = _("duty")
        verbose_name_plural = _("duties")
        ordering = ["scope", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("duties:detail", kwargs={"pk": self.pk})

    @property
    def citation(self) -> str:
        return f"{self.provision} {self.source}".strip()


class DutyAssessment(models.Model):
    """How a duty was met in one year, on what evidence, and with what figures."""

    duty = models.ForeignKey(
        Duty, verbose_name=_("duty"), on_delete=models.CASCADE, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.NOT_ASSESSED
    )
    evidence = models.TextField(
        _("evidence"),
        blank=True,
        help_text=_("What shows how the duty was met: what was done, decided, offered."),
    )
    language = content_language_field()
    actions = models.ManyToManyField(
        Action, verbose_name=_("actions"), blank=True, related_name="duty_assessments"
    )
    meetings = models.ManyToManyField(
        Meeting,
        verbose_name=_("meetings and consultations"),
        blank=True,
        related_name="duty_assessments",
    )
    consultations = models.ManyToManyField(
        ConsultationRecord,
        verbose_name=_("consultation records"),
        blank=True,
        related_name="duty_assessments",
    )
    file = models.FileField(_("attachment"), upload_to=attachment_path, max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    requests_received = models.PositiveIntegerField(_("requests received"), null=True, blank=True)
    requests_offered = models.PositiveIntegerField(_("requests offered"), null=True, blank=True)
    served = models.PositiveIntegerField(_("places or persons served in Finnish"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        User, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("assessment of a duty")
        verbose_name_plural = _("assessments of duties")
        ordering = ["duty", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["duty", "year"], name="one_assessment_per_duty_and_year"),
            models.CheckConstraint(
                condition=Q(requests_offered__isnull=True)
                | Q(requests_received__isnull=True)
                | Q(requests_offered__lte=models.F("requests_received")),
                name="assessment_offers_at_most_the_requests",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.duty} {self.year}"

    @property
    def status_label(self) -> str:
        return str(AssessmentStatus(self.status).label)
