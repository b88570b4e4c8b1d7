"""Reports: a period, a language, the PDF and the JSON snapshot of the data it was made from."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import User


class ReportKind(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly report")
    YEARLY = "yearly", _("Yearly report")
    CUSTOM = "custom", _("Report for a chosen period")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("report status", "Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ReportLanguage(models.TextChoices):
    SWEDISH = "sv", "svenska"
    FINNISH = "fi", "suomi"
    ENGLISH = "en", "English"


# Kinds whose public version a coordinator may publish: the regular reports, not a chosen period.
PUBLISHABLE_KINDS = (ReportKind.QUARTERLY, ReportKind.YEARLY)


def report_path(instance: "Report", filename: str) -> str:
    return f"reports/{str(instance.period_start)[:4]}/{filename}"


class ReportQuerySet(models.QuerySet["Report"]):
    def published(self) -> "ReportQuerySet":
        """Public versions anyone may read, newest period first; without the snapshots (the internal one is
        never shown publicly, the public one is in the PDF)."""
        return (
            self.filter(status=ReportStatus.DONE, kind__in=PUBLISHABLE_KINDS, published_at__isnull=False)
            .exclude(public_file="")
            .defer("snapshot", "public_snapshot")
            .order_by("-period_end", "kind", "language", "pk")
        )


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=ReportKind.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    language = models.CharField(_("language"), max_length=8, choices=ReportLanguage.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        User, verbose_name=_("ordered by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scheduled = models.BooleanField(_("made by the schedule"), default=False)
    created_at = models.DateTimeField(_("ordered"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("made"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=report_path, max_length=300, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    snapshot = models.JSONField(_("data the report was made from"), default=dict, blank=True)
    # When the task was handed to the broker; empty while Redis was down (reports.queue_waiting sends it then).
    enqueued_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    # While a worker makes the report: until when its claim holds (REPORT_LEASE_SECONDS after the claim).
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    # The public version: made from a snapshot of what the public pages show, published by a coordinator.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Who published it: for the coordinators, never shown publicly.
    published_by = models.ForeignKey(
        User,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_snapshot = models.JSONField(_("data the public version was made from"), default=dict, blank=True)
    public_file = models.FileField(_("public version"), upload_to=report_path, max_length=300, blank=True)
    public_pages = models.PositiveIntegerField(_("pages of the public version"), default=0)
    public_size = models.PositiveBigIntegerField(_("size of the public version"), default=0)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period_end", "-created_at"]
        constraints = [
            # The schedule makes one report per period, kind and language, however often it runs.
            models.UniqueConstraint(
                fields=["kind", "period_start", "period_end", "language"],
                condition=Q(scheduled=True),
                name="one_scheduled_report_per_period_and_language",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="report_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start}–{self.period_end} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (ReportStatus.DONE, ReportStatus.FAILED)

    @property
    def may_be_published(self) -> bool:
        """Only a finished quarterly or yearly report has a public version."""
        return self.status == ReportStatus.DONE and self.kind in PUBLISHABLE_KINDS

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and bool(self.public_file)

    def get_public_url(self) -> str:
        return reverse("reports:public_download", kwargs={"pk": self.pk})

    def is_held(self, now: dt.datetime | None = None) -> bool:
        """A worker is making it and its lease runs: a second worker must not render it in parallel."""
        return (
            self.status == ReportStatus.RUNNING
            and self.lease_until is not None
            and self.lease_until > (now or timezone.now())
        )


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the quarter `day` is in."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    after = dt.date(day.year + 1, 1, 1) if first_month == 10 else dt.date(day.year, first_month + 3, 1)
    return start, after - dt.timedelta(days=1)


def previous_quarter(day: dt.date) -> tuple[dt.date, dt.date]:
    """The quarter that ended before the one `day` is in."""
    start, _end = quarter_of(day)
    return quarter_of(start - dt.timedelta(days=1))
