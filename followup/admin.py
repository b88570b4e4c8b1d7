from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, Cycle, Goal, GrantCategory, GrantUse, Phase, StateGrant


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


@admin.register(GrantCategory)
class GrantCategoryAdmin(TranslationAdmin):
    """The categories the state grant is accounted in are configuration, kept here."""

    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]


class GrantUseInline(admin.TabularInline):
    model = GrantUse
    extra = 0
    fields = ["category", "amount", "description"]


@admin.register(StateGrant)
class StateGrantAdmin(SimpleHistoryAdmin):
    list_display = ["year", "amount", "report_due_on"]
    inlines = [GrantUseInline]
