"""The politicians' dashboard and the department view for administration contacts."""

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.models import Department, NationalMinority
from core.plumbing.pagecache import cached_get
from core.plumbing.sections import object_sections
from core.views.access import signed_in_user

from .. import dashboard, trends
from ..forms import DashboardFilterForm, DepartmentChoiceForm
from ..models import Action, ActionStatus, Cycle, Goal, Phase, PhaseKind, current_among


@cached_get
class DashboardView(PermissionRequiredMixin, TemplateView):
    """A cycle's state: actions by goal, department and minority, meetings, proposals, indicators."""

    permission_required = "followup.view_dashboard"
    template_name = "followup/dashboard.html"

    @cached_property
    def cycles(self) -> list[Cycle]:
        """Every cycle for the year filter, each with the kind of the phase it is in today (the heading
        names the chosen cycle's): one query, where all their phases were a second."""
        today = timezone.localdate()
        running = Phase.objects.filter(cycle=OuterRef("pk"), starts_on__lte=today, ends_on__gte=today)
        return list(
            Cycle.objects.annotate(
                phase_now=Subquery(running.order_by("starts_on").values("kind")[:1])
            ).order_by("-year")
        )

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        # Loaded once for the filters' options, their checks and the tables by minority.
        loaded: dict[str, list] = {
            "goal": list(Goal.objects.order_by("code", "pk")),
            "minority": list(NationalMinority.objects.all()),
            # By name, as the table of departments lists them.
            "department": list(Department.objects.order_by("name")),
        }
        form = DashboardFilterForm(self.request.GET or None, cycles=self.cycles, loaded=loaded)
        chosen = form.cleaned_data if form.is_valid() else {}
        today = timezone.localdate()
        by_year = {c.year: c for c in self.cycles}
        cycle = by_year.get(chosen.get("year") or 0) or current_among(self.cycles, today)
        if not form.is_bound and cycle is not None:
            form = DashboardFilterForm(initial={"year": cycle.year}, cycles=self.cycles, loaded=loaded)
        context.update(filters=form, cycle=cycle, Status=ActionStatus)
        if cycle is not None:
            filters = dashboard.Filters(
                cycle=cycle,
                minority=chosen.get("minority"),
                department=chosen.get("department"),
                goal=chosen.get("goal"),
            )
            context.update(
                figures=dashboard.dashboard(filters, today, loaded=loaded),
                chosen=filters,
                phase=PhaseKind(cycle.phase_now).label if cycle.phase_now else None,  # type: ignore[attr-defined]
                register_query=_register_query(filters),
                # Other apps' parts of the dashboard (the register of duties), for the same selection.
                sections=object_sections("dashboard", self.request, filters),
            )
        return context


def _register_query(filters: dashboard.Filters) -> str:
    """The same selection in the action register, so every figure can be followed to its actions."""
    assert filters.cycle is not None, "the dashboard's filters always have a cycle"
    query = QueryDict(mutable=True)
    query["cycle"] = str(filters.cycle.year)
    if filters.minority is not None:
        query["minority"] = str(filters.minority.pk)
    if filters.department is not None:
        query["department"] = str(filters.department.pk)
    if filters.goal is not None:
        query["goal"] = str(filters.goal.pk)
    return query.urlencode()


@cached_get
class DepartmentView(PermissionRequiredMixin, TemplateView):
    """A department's actions (responsible or collaborating) and what is overdue; other apps add their
    sections (dialogues: the department's open commitments)."""

    permission_required = "followup.view_department"
    template_name = "followup/department.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = DepartmentChoiceForm(self.request.GET or None)
        department = None
        if form.is_bound and form.is_valid():
            department = form.cleaned_data["department"]
        if department is None:
            department = signed_in_user(self.request).department
            form = DepartmentChoiceForm(initial={"department": department})
        today = timezone.localdate()
        actions = []
        sections = []
        if department is not None:
            actions = list(
                Action.objects.for_department(department)
                .unfinished()
                .with_related()
                .prefetch_related(Prefetch("goals", queryset=Goal.objects.order_by("code", "pk")))
                .order_by("due_on", "title", "pk")
            )
            sections = object_sections("department", self.request, department)
        days = settings.ACTION_STALE_DAYS
        for action in actions:
            action.flag_overdue = action.is_overdue(today)
            action.flag_stale = action.is_stale(days, today)
            action.may_report = user.has_perm("followup.report_progress", action)
        context.update(
            department=department,
            form=form,
            actions=actions,
            overdue_actions=[a for a in actions if a.flag_overdue],
            sections=sections,
            stale_days=days,
        )
        return context


@cached_get
class TrendsView(PermissionRequiredMixin, TemplateView):
    """How the figures moved: per quarter over three years, as charts with a table, and this year against last."""

    permission_required = "followup.view_dashboard"
    template_name = "followup/trends.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["trends"] = trends.trends(timezone.localdate())
        return context


class TrendSummaryView(TrendsView):
    """The same figures on one printable page: this year against last and the quarters' table."""

    template_name = "followup/trend_summary.html"
