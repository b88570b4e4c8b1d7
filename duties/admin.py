from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Duty


@admin.register(Duty)
class DutyAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "provision", "scope", "on_request", "is_active"]
    list_filter = ["scope", "is_active"]
    filter_horizontal = ["departments"]


# Assessments are recorded in the portal (duties:assess), where their attachments are checked; the admin
# offers no file field (tests/core/test_upload_bombs.py).
