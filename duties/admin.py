from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Duty, DutyAssessment


@admin.register(Duty)
class DutyAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "provision", "scope", "on_request", "is_active"]
    list_filter = ["scope", "is_active"]
    filter_horizontal = ["departments"]


@admin.register(DutyAssessment)
class DutyAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["duty", "year", "status"]
    list_filter = ["year", "status"]
    raw_id_fields = ["actions", "meetings"]
