"""A duty's wording is written in Swedish, Finnish and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Duty


@register(Duty)
class DutyTranslation(TranslationOptions):
    fields = ("title", "description", "source")
