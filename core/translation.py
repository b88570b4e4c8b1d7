"""Content fields that people write in Swedish, Finnish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Department, Forum, Language, Meeting, NationalMinority


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(NationalMinority)
class NationalMinorityTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = ("name",)


@register(Forum)
class ForumTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title",)
