from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import mail as outbox
from .models import Department, Forum, Language, Meeting, Membership, NationalMinority, OutgoingMail, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name", "email"]
    list_display = ["email", "full_name", "role", "department", "is_active"]
    list_filter = ["role", "department", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "title", "language")}),
        (_("Role"), {"fields": ("role", "department")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "role", "password1", "password2")}),
    )


@admin.register(Language)
class LanguageAdmin(TranslationAdmin):
    list_display = ["code", "name", "native_name", "right_to_left"]


@admin.register(NationalMinority)
class NationalMinorityAdmin(TranslationAdmin):
    list_display = ["name", "order"]
    filter_horizontal = ["languages"]


@admin.register(Department)
class DepartmentAdmin(TranslationAdmin):
    list_display = ["code", "name", "kind"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Forum)
class ForumAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "tier", "minority", "is_public", "is_active"]
    list_filter = ["tier", "is_active"]
    prepopulated_fields = {"slug": ("name_sv",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "forum", "role", "starts_on", "ends_on"]
    list_filter = ["forum", "role"]
    autocomplete_fields = ["user"]


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "forum", "starts_at", "status"]
    list_filter = ["forum", "status"]
    date_hierarchy = "starts_at"


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["subject", "created_at", "sent_at", "attempts", "failed"]
    list_filter = ["failed"]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
    actions = ["deliver_again"]

    @admin.action(description=_("Try the selected failed mail again"), permissions=["change"])
    def deliver_again(self, request, queryset) -> None:
        """Once the mail server is fixed: failed messages get a fresh round of attempts (sent ones never again)."""
        count = outbox.deliver_again(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d failed message is queued for delivery again.",
                "%(count)d failed messages are queued for delivery again.",
                count,
            )
            % {"count": count},
        )
