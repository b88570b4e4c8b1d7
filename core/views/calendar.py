"""The calendar of the meetings a person may see (month and list), personal iCalendar feeds, and a public
forum's feed."""

import calendar as pycalendar
import datetime as dt

import rules
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from core.plumbing.pagecache import cached_get, cached_page, kept_for_everyone

from ..ical import calendar_for
from ..models import Forum, Meeting, MeetingStatus, User, new_feed_token
from .access import signed_in_user


def _visible(user):
    return Meeting.objects.visible_to(user).select_related("forum").exclude(status=MeetingStatus.PLANNED)


def _month_param(request: HttpRequest) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
    except ValueError:
        return today.year, today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return today.year, today.month
    return year, month


@cached_get
class CalendarMonthView(PermissionRequiredMixin, TemplateView):
    """A month of meetings, weeks from Monday with their numbers (vecka 48)."""

    permission_required = "core.view_calendar"
    template_name = "core/calendar_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        year, month = _month_param(self.request)
        meetings = _visible(user)
        if user.has_perm("core.add_meeting"):
            # Coordinators also see what is still being planned.
            meetings = Meeting.objects.visible_to(user).select_related("forum")
        by_day: dict[dt.date, list[Meeting]] = {}
        for meeting in meetings.in_month(year, month).order_by("starts_at"):
            by_day.setdefault(timezone.localtime(meeting.starts_at).date(), []).append(meeting)
        weeks = []
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            weeks.append(
                {
                    "number": week[0].isocalendar()[1],
                    "days": [
                        {"date": day, "in_month": day.month == month, "meetings": by_day.get(day, [])}
                        for day in week
                    ],
                }
            )
        first = dt.date(year, month, 1)
        previous = first - dt.timedelta(days=1)
        following = first + dt.timedelta(days=32)
        context.update(
            month=first,
            weeks=weeks,
            today=timezone.localdate(),
            previous={"year": previous.year, "month": previous.month},
            following={"year": following.year, "month": following.month},
            meeting_count=sum(len(v) for v in by_day.values()),
            weekdays=[dt.date(2024, 1, day) for day in range(1, 8)],  # 2024-01-01 was a Monday
        )
        return context


class CalendarListView(PermissionRequiredMixin, TemplateView):
    """Coming meetings first, then past ones, twenty to a page."""

    permission_required = "core.view_calendar"
    template_name = "core/calendar_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        show = self.request.GET.get("show", "upcoming")
        meetings = _visible(user)
        if show == "past":
            meetings = meetings.past().order_by("-starts_at")
        else:
            show = "upcoming"
            meetings = meetings.upcoming().order_by("starts_at")
        page = Paginator(meetings, 20).get_page(self.request.GET.get("page"))
        feed_url = None
        if user.is_authenticated:
            feed_url = self.request.build_absolute_uri(
                f"/{self.request.LANGUAGE_CODE}/calendar/feed/{user.feed_token}.ics"
            )
        context.update(page=page, show=show, feed_url=feed_url)
        return context


@cached_page
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's meetings as a calendar feed, at a secret address (no sign-in: calendar apps cannot)."""
    # Who may use this: whoever holds the person's secret token; it grants what that person may see.
    user = User.objects.filter(feed_token=token, is_active=True).first()
    if user is None or len(token) < 20:
        raise Http404
    since = timezone.now() - dt.timedelta(days=180)
    meetings = (
        _visible(user)
        .filter(starts_at__gte=since, attendances__user=user)
        .prefetch_related("agenda_items")
        .order_by("starts_at")
    )
    body = calendar_for(meetings, name=_("Meetings: national minorities, Haninge"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@require_POST
@permission_required("core.reset_own_feed")
def reset_feed(request: HttpRequest) -> HttpResponse:
    """Give the person a new secret feed address; the old one stops working at once."""
    user = signed_in_user(request)
    user.feed_token = new_feed_token()
    user.save(update_fields=["feed_token"])
    messages.success(
        request, _("Your calendar address has been renewed. Subscribe again with the new address.")
    )
    return redirect("core:calendar_list")


def forum_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """A public forum's meetings as a calendar feed anyone may subscribe to (only what its pages show visitors)."""
    # Who may use this: anyone, for a forum open to the public (core.view_forum); other forums are not found.
    forum = get_object_or_404(Forum, slug=slug, is_public=True)
    if not rules.has_perm("core.view_forum", AnonymousUser(), forum):
        raise Http404

    def build() -> bytes:
        since = timezone.now() - dt.timedelta(days=365)
        meetings = (
            Meeting.objects.public()
            .filter(forum=forum, starts_at__gte=since)
            .select_related("forum")
            .prefetch_related("agenda_items")
            .order_by("starts_at")
        )
        return calendar_for(meetings, name=forum.name)

    # The same for every subscriber: kept at the data version it was built at (the page cache's rule).
    body = kept_for_everyone(f"forum-feed:{forum.pk}:{request.LANGUAGE_CODE}", build)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{forum.slug}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response
