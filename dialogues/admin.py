from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Commitment


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    """For corrections by administrators; the workflow itself runs through the portal's pages."""

    list_display = ["title", "forum", "department", "responsible", "due_on", "status"]
    list_filter = ["status", "department", "forum"]
    search_fields = ["title", "answer"]
    date_hierarchy = "due_on"
    raw_id_fields = ["agenda_item", "received_at_meeting"]
    list_select_related = ["forum", "department", "responsible"]
    readonly_fields = ["forum", "created_by", "created_at", "answered_at", "answered_by", "received_at"]
