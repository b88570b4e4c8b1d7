"""Public pages written by coordinators (rights pages under § 3 of the Act, information pages), one row per
language version, each with its own status: any number of content languages fits without new columns.

A version keeps the text being worked on and, apart from it, the text last published: the public reads the
published text while a revision or a translation is drafted and reviewed. A translation records which
revision of the source text it was made from, so a page whose Swedish text changed since says so.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import NationalMinority, User
from core.models.languages import content_language_codes


class PageKind(models.TextChoices):
    RIGHTS = "rights", _("Rights page")
    INFORMATION = "information", _("Information page")


class VersionStatus(models.TextChoices):
    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Awaiting review")
    PUBLISHED = "published", _("Published")


class Page(models.Model):
    """A public page: the rights of a minority (or of all), or information for residents."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PageKind.choices, default=PageKind.RIGHTS)
    minority = models.ForeignKey(
        NationalMinority,
        verbose_name=_("national minority"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("Empty for the general page about every minority's rights."),
    )
    source_language = models.CharField(_("source language"), max_length=12, default="sv")
    contact_name = models.CharField(_("whom to contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    show_duties = models.BooleanField(
        _("show what the municipality offers"),
        default=True,
        help_text=_("Lists the duties of the register that apply to this minority."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")
        ordering = ["kind", "position", "slug"]

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def url_in(self, language: str) -> str:
        return reverse("pages:detail_in", kwargs={"slug": self.slug, "language": language})

    def version_in(self, language: str) -> "PageVersion | None":
        """The version in a language, read from the prefetched versions (no query of its own when prefetched)."""
        return next((v for v in self.versions.all() if v.language == language), None)

    def languages(self) -> list[str]:
        """Swedish, then the minority's languages among the configured ones, then the other configured ones."""
        configured = content_language_codes()
        own = {lang.code for lang in self.minority.languages.all()} if self.minority is not None else set()
        first = [settings.LANGUAGE_CODE, *[code for code in configured if code in own]]
        return list(dict.fromkeys([*first, *configured]))


class PageVersion(models.Model):
    """A page in one language: the working text, its status, and the text last published."""

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=12)
    status = models.CharField(
        _("status"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown first."))
    body = models.TextField(
        _("text"),
        help_text=_("Plain text; an empty line starts a new paragraph, a line starting with ## a heading."),
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    source_revision = models.PositiveIntegerField(
        _("translated from revision"),
        null=True,
        blank=True,
        help_text=_("The source text's revision this translation was made from."),
    )
    published_title = models.CharField(max_length=200, blank=True)
    published_summary = models.TextField(blank=True)
    published_body = models.TextField(blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        User,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    updated_by = models.ForeignKey(
        User, verbose_name=_("updated by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["page", "language"]
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_version_per_page_and_language")
        ]

    def __str__(self) -> str:
        return f"{self.page.slug} ({self.language})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_behind(self, source: "PageVersion") -> bool:
        """A translation made from an earlier revision of the source text (or from none): the source changed."""
        return self.language != source.language and (self.source_revision or 0) < source.revision
