from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Cycle, Goal, Phase


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(Cycle)
class CycleAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["year", "title", "starts_on", "ends_on"]
    inlines = [PhaseInline]


@admin.register(Goal)
class GoalAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["code", "title", "adopted_on"]


@admin.register(Action)
class ActionAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "cycle", "department", "status", "progress", "due_on"]
    list_filter = ["cycle", "status", "department"]
    search_fields = ["title_sv", "title_fi", "title_en"]
    filter_horizontal = ["goals", "minorities"]
