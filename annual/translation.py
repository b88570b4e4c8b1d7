"""The questions of the yearly follow-up are written in Swedish, Finnish and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import FollowUpQuestion


@register(FollowUpQuestion)
class FollowUpQuestionTranslation(TranslationOptions):
    fields = ("question", "guidance")
