from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import mail as outbox
from .models import (
    AccessLogEntry,
    Department,
    ErasureRecord,
    Forum,
    Invitation,
    Language,
    MailState,
    Meeting,
    Membership,
    NationalMinority,
    OutgoingMail,
    User,
)
from .privacy import log_access

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    # The mixin below is mixed into a ModelAdmin: mypy reads it as one, Python as a plain mixin.
    _ModelAdmin = admin.ModelAdmin
else:
    _ModelAdmin = object


class LogsMembershipViews(_ModelAdmin):
    """The admin's pages that list who sits in which forum are written to the access log."""

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if response.status_code == 200 and hasattr(response, "context_data"):
            changelist = response.context_data.get("cl")
            rows = len(changelist.result_list) if changelist is not None else 0
            log_access(request, AccessLogEntry.Kind.ADMIN_MEMBERSHIPS, rows)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and request.method == "GET":
            log_access(request, AccessLogEntry.Kind.ADMIN_MEMBERSHIPS, 1)
        return response


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record nobody edits: administrators read it."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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
        (_("Personal data"), {"fields": ("erase_link",)}),
    )
    readonly_fields = ["erase_link"]

    @admin.display(description=_("Erasure"))
    def erase_link(self, obj) -> "StrOrPromise":
        if obj is None or obj.pk is None:
            return "–"
        if obj.erased_at:
            return _("Erased")
        return format_html(
            '<a href="{}">{}</a>', reverse("core:person_erase", args=[obj.pk]), _("Erase this person's data…")
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
class ForumAdmin(LogsMembershipViews, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "tier", "minority", "is_public", "minutes_kind", "is_active"]
    list_filter = ["tier", "minutes_kind", "is_active"]
    prepopulated_fields = {"slug": ("name_sv",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(LogsMembershipViews, SimpleHistoryAdmin):
    list_display = ["user", "forum", "role", "starts_on", "ends_on"]
    list_filter = ["forum", "role"]
    autocomplete_fields = ["user"]


@admin.register(Meeting)
class MeetingAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "forum", "starts_at", "status"]
    list_filter = ["forum", "status"]
    date_hierarchy = "starts_at"


class MailStateFilter(admin.SimpleListFilter):
    title = _("Delivery")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return MailState.choices

    def queryset(self, request, queryset):
        return queryset.in_state(self.value()) if self.value() else queryset


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = ["subject", "created_at", "state", "sent_at", "attempts", "next_attempt_at"]
    list_filter = [MailStateFilter]
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
    actions = ["deliver_again", "send_possibly_sent_again"]

    @admin.display(description=_("Delivery"))
    def state(self, obj) -> str:
        return obj.get_state_display()

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

    @admin.action(
        description=_("Send the selected possibly sent mail again (the recipient may get it twice)"),
        permissions=["change"],
    )
    def send_possibly_sent_again(self, request, queryset) -> None:
        """After checking the mail server's log: a message it never accepted is sent again, by a person's decision."""
        count = outbox.send_possibly_sent_again(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d possibly sent message is queued for delivery again.",
                "%(count)d possibly sent messages are queued for delivery again.",
                count,
            )
            % {"count": count},
        )


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "kind", "forum", "rows", "path"]
    list_filter = ["kind", "forum"]
    date_hierarchy = "at"
    search_fields = ["user__email", "user__full_name", "path"]
    list_select_related = ["user", "forum"]


@admin.register(ErasureRecord)
class ErasureRecordAdmin(ReadOnlyAdmin):
    list_display = ["at", "person", "erased_by", "record_link"]
    list_select_related = ["person", "erased_by"]

    @admin.display(description=_("What was removed and kept"))
    def record_link(self, obj) -> str:
        return format_html('<a href="{}">{}</a>', reverse("core:erasure_record", args=[obj.pk]), _("Show"))


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = [
        "full_name",
        "email",
        "role",
        "forum",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    list_filter = ["role"]
    search_fields = ["email", "full_name"]
    exclude = ["token_hash"]
