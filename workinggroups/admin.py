from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Mandate


@admin.register(Mandate)
class MandateAdmin(SimpleHistoryAdmin):
    list_display = ["forum", "starts_on", "ends_on", "set_up_by", "closed_on"]
    list_filter = ["closed_on"]
    list_select_related = ["forum", "set_up_by"]
    search_fields = ["forum__name", "purpose", "decision_reference"]
