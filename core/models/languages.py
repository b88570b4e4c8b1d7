"""Languages: of the minorities and of what people write (the UI itself speaks sv, fi and en)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def active_content_language() -> str:
    """The page's language if it is one of the portal's, else Swedish: what a new text is written in by default."""
    from django.utils import translation

    language = (translation.get_language() or "").split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def content_language_field(verbose_name=None) -> models.CharField:
    """The language a stored text is written in (WCAG 3.1.2: pages mark it with lang when it differs)."""
    return models.CharField(
        verbose_name or _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=active_content_language,
    )


class Language(models.Model):
    """A language of a minority or of content; the UI itself speaks sv, fi and en."""

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("BCP 47 / ISO 639 code."))
    name = models.CharField(_("name"), max_length=100)
    native_name = models.CharField(_("name in the language itself"), max_length=100, blank=True)
    right_to_left = models.BooleanField(_("written right to left"), default=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
