"""Forum pages: the forums a person may see, and one forum with its members, meetings and tier sections."""

import rules
from django.db.models import Count, Q
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from ..models import SEES_EVERY_MEETING, AccessLogEntry, Forum, Meeting, MeetingStatus, Membership, Tier
from ..plumbing.sections import forum_sections
from ..privacy import log_access
from .access import ObjectAccessMixin


def forums_visible_to(user):
    forums = Forum.objects.select_related("minority")
    if user.is_authenticated and (user.role in SEES_EVERY_MEETING or user.is_superuser):
        return forums
    if not user.is_authenticated:
        return forums.filter(is_public=True)
    return forums.filter(Q(is_public=True) | Q(pk__in=Forum.objects.of_member(user)))


class ForumListView(PermissionRequiredMixin, TemplateView):
    """The forums of the three tiers that the visitor may see."""

    permission_required = "core.view_forum_list"
    template_name = "core/forum_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forums = list(
            forums_visible_to(self.request.user)
            .filter(is_active=True)
            .annotate(
                upcoming_count=Count("meetings", filter=Q(meetings__status=MeetingStatus.AGENDA_PUBLISHED))
            )
            .order_by("tier", "name")
        )
        context["tiers"] = [(tier, [forum for forum in forums if forum.tier == tier]) for tier in Tier]
        # The rule itself, without the model backend's fallthrough (two queries for those refused).
        context["may_invite"] = rules.has_perm("core.invite_people", self.request.user)
        return context


class ForumDetailView(ObjectAccessMixin, TemplateView):
    """A forum: what it is, its members (for those who need to know), its meetings."""

    model_queryset = Forum.objects.select_related("minority")
    lookup_kwarg = lookup_field = "slug"
    view_permission = "core.view_forum"
    template_name = "core/forum_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forum, user = self.object, self.request.user
        meetings = Meeting.objects.visible_to(user).filter(forum=forum).order_by("-starts_at")
        context.update(
            forum=forum,
            upcoming=list(meetings.upcoming().order_by("starts_at")),
            past=list(meetings.past().exclude(status=MeetingStatus.CANCELLED)[:12]),
            sections=forum_sections(self.request, forum),
        )
        if user.has_perm("core.view_forum_members", forum):
            context["memberships"] = list(
                Membership.objects.current()
                .filter(forum=forum)
                .select_related("user", "user__department")
                .order_by("role", "user__full_name")
            )
            # Who represents which minority is special-category data: every view of the list is logged.
            log_access(self.request, AccessLogEntry.Kind.FORUM_MEMBERS, len(context["memberships"]), forum)
        return context
