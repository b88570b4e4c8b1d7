"""Content fields of the follow-up that are written in Swedish, Finnish and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Action, Cycle, Goal, GrantCategory, Indicator, Theme


@register(Cycle)
class CycleTranslation(TranslationOptions):
    fields = ("title",)


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "description", "unit")


@register(GrantCategory)
class GrantCategoryTranslation(TranslationOptions):
    fields = ("name",)
