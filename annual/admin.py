from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import FollowUpQuestion


@admin.register(FollowUpQuestion)
class FollowUpQuestionAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["question", "code", "position", "figures", "is_active"]
    list_filter = ["figures", "is_active"]


# Follow-ups are written, reviewed and approved in the portal (annual:detail), where approval freezes them;
# the admin offers no way around that.
