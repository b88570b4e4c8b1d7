"""Pages that bring the apps together: the home page with the wheel and what needs the person's attention."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Count, Window
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from core.models import Meeting, Role, User
from core.plumbing.pagecache import cached_get
from dialogues.services import open_commitments_for
from followup.models import Action, Cycle
from proposals.models import Proposal

UPCOMING_LIMIT = 5


@dataclass
class AttentionList:
    """One box on the home page: a heading, the rows, and what to say when there are none."""

    key: str
    heading: str
    empty: str
    items: list = field(default_factory=list)
    count: int | None = None


def upcoming_meetings(user: User) -> list[Meeting]:
    return list(
        Meeting.objects.visible_to(user)
        .upcoming()
        .select_related("forum")
        .order_by("starts_at")[:UPCOMING_LIMIT]
    )


def attention_for(user: User) -> list[AttentionList]:
    """What needs this person's attention, by role; each list is short and costs one query."""
    lists = [
        AttentionList(
            "meetings",
            _("Upcoming meetings"),
            _("No upcoming meetings that you can see."),
            upcoming_meetings(user),
        )
    ]
    today = timezone.localdate()
    if user.is_authenticated and user.role == Role.REPRESENTATIVE:
        lists.append(
            AttentionList(
                "proposals",
                _("Your proposals"),
                _("You have made no proposals yet."),
                list(
                    Proposal.objects.filter(proposer=user).select_related("forum").order_by("-created_at")[:5]
                ),
            )
        )
    if user.is_authenticated and user.role == Role.COORDINATOR:
        # The count comes with each row (a window over the whole set), so the list stays one query.
        waiting = list(
            Proposal.objects.for_coordinator()
            .select_related("forum")
            .annotate(total=Window(Count("pk")))
            .order_by("created_at")[:UPCOMING_LIMIT]
        )
        lists.append(
            AttentionList(
                "waiting_proposals",
                _("Proposals waiting for you"),
                _("No proposal is waiting for a decision."),
                waiting,
                waiting[0].total if waiting else 0,
            )
        )
    if user.is_authenticated and user.role in {Role.COORDINATOR, Role.ADMINISTRATOR, Role.POLITICIAN}:
        lists.append(
            AttentionList(
                "overdue",
                _("Overdue actions"),
                _("No action is overdue."),
                list(
                    Action.objects.overdue(today)
                    .select_related("department")
                    .order_by("due_on")[:UPCOMING_LIMIT]
                ),
            )
        )
    elif user.is_authenticated and user.role == Role.ADMIN_CONTACT and user.department_id:
        lists.append(
            AttentionList(
                "commitments",
                _("Issues your department has to answer"),
                _("Your department has no open issues from the dialogue."),
                list(open_commitments_for(user).select_related("forum").order_by("due_on")[:UPCOMING_LIMIT]),
            )
        )
        lists.append(
            AttentionList(
                "department",
                _("Your department's unfinished actions"),
                _("Your department has no unfinished actions."),
                list(
                    Action.objects.unfinished()
                    .filter(department_id=user.department_id)
                    .select_related("department")
                    .order_by("due_on")[:UPCOMING_LIMIT]
                ),
            )
        )
    return lists


@cached_get
class HomeView(PermissionRequiredMixin, TemplateView):
    """The start page: the public one for visitors, a personal one for people who have signed in."""

    permission_required = "core.view_home"
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        cycle = Cycle.objects.current(today)
        context.update(
            cycle=cycle,
            current_phase=cycle.phase_on(today) if cycle else None,
            attention=attention_for(self.request.user),
            today=today,
        )
        return context


@require_GET
@permission_required("core.view_home")
def root_redirect(request: HttpRequest) -> HttpResponse:
    """`/` goes to the language the person chose last time, else Swedish (not the browser's guess)."""
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = settings.LANGUAGE_CODE
    return HttpResponseRedirect(f"/{language}/")


@never_cache
@require_GET
@permission_required("core.view_health")
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and compose health checks: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
