"""Goals (with their revisions), indicators (with their values), and the cycles of the wheel."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.views.access import ObjectAccessMixin, signed_in_user

from .. import charts, services
from ..forms import CycleForm, GoalForm, IndicatorForm, IndicatorValueForm
from ..models import FINISHED_STATUSES, Action, Cycle, Goal, Indicator, IndicatorValue, Theme

# --- Goals ----------------------------------------------------------------------------------------


class GoalListView(PermissionRequiredMixin, ListView):
    """The goals of the programme and the statutory goals and guidelines, with their themes."""

    permission_required = "followup.view_goals"
    template_name = "followup/goal_list.html"
    context_object_name = "goals"

    def get_queryset(self):
        visible = Action.objects.visible_to(self.request.user).values("pk")
        return (
            Goal.objects.prefetch_related(Prefetch("themes", queryset=Theme.objects.all()), "minorities")
            .annotate(action_count=Count("actions", filter=Q(actions__in=visible), distinct=True))
            .order_by("kind", "code", "pk")
        )

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            may_change=self.request.user.has_perm("followup.change_goal"), **kwargs
        )


class GoalDetailView(ObjectAccessMixin, TemplateView):
    view_permission = "followup.view_goals"
    template_name = "followup/goal_detail.html"
    model_queryset = Goal.objects.prefetch_related("themes", "minorities")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        goal = self.object
        user = self.request.user
        context.update(
            goal=goal,
            actions=list(
                Action.objects.visible_to(user)
                .filter(goals=goal)
                .with_related()
                .order_by("-cycle__year", "due_on", "pk")[:200]
            ),
            indicators=list(goal.indicators.order_by("name")),
            revisions=goal_revisions(goal) if user.has_perm("followup.view_dashboard") else [],
            may_change=user.has_perm("followup.change_goal", goal),
        )
        return context


def goal_revisions(goal: Goal) -> list:
    """Earlier wordings of the goal with who revised it, when and why, newest first (one query)."""
    return list(goal.history.select_related("history_user").order_by("-history_date", "-history_id"))


class GoalCreateView(PermissionRequiredMixin, FormView):
    permission_required = "followup.change_goal"
    form_class = GoalForm
    template_name = "followup/goal_form.html"

    def form_valid(self, form: GoalForm) -> HttpResponse:
        data = form.cleaned_data
        goal = services.save_goal(
            form.save(commit=False),
            by=signed_in_user(self.request),
            themes=data["themes"],
            minorities=data["minorities"],
        )
        messages.success(self.request, gettext("The goal has been saved."))
        return redirect(goal)


class GoalEditView(ObjectAccessMixin, FormView):
    """A revision of a goal: the reason is required and kept with the earlier wording."""

    view_permission = "followup.view_goals"
    permission_required = "followup.change_goal"
    form_class = GoalForm
    template_name = "followup/goal_form.html"
    model_queryset = Goal.objects.all()

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(goal=self.object, **kwargs)

    def form_valid(self, form: GoalForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            goal = services.save_goal(
                form.save(commit=False),
                by=signed_in_user(self.request),
                themes=data["themes"],
                minorities=data["minorities"],
                reason=data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("The goal has been revised. Its earlier wording is kept."))
        return redirect(goal)


# --- Indicators -----------------------------------------------------------------------------------


class IndicatorListView(PermissionRequiredMixin, ListView):
    permission_required = "followup.view_indicators"
    template_name = "followup/indicator_list.html"
    context_object_name = "indicators"

    def get_queryset(self):
        return Indicator.objects.prefetch_related(
            Prefetch("goals", queryset=Goal.objects.order_by("code", "pk"))
        ).order_by("name")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        indicators = context["indicators"]
        context.update(
            may_change=self.request.user.has_perm("followup.change_indicator"),
            chart=charts.achievement_chart([(i.name, i.achievement) for i in indicators]),
        )
        return context


class IndicatorDetailView(ObjectAccessMixin, TemplateView):
    """An indicator's values over time as a chart, with the same values as a table."""

    view_permission = "followup.view_indicators"
    template_name = "followup/indicator_detail.html"
    model_queryset = Indicator.objects.prefetch_related("goals", "minorities")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        indicator = self.object
        values = list(indicator.values.order_by("measured_on"))
        context.update(
            indicator=indicator,
            values=values,
            chart=charts.line_chart(
                [(v.measured_on, v.value) for v in values], indicator.baseline, indicator.target
            ),
            may_change=self.request.user.has_perm("followup.change_indicator", indicator),
            may_add_value=self.request.user.has_perm("followup.add_indicator_value", indicator),
        )
        return context


class IndicatorCreateView(PermissionRequiredMixin, FormView):
    permission_required = "followup.change_indicator"
    form_class = IndicatorForm
    template_name = "followup/indicator_form.html"

    def form_valid(self, form: IndicatorForm) -> HttpResponse:
        data = form.cleaned_data
        indicator = services.save_indicator(
            form.save(commit=False),
            by=signed_in_user(self.request),
            goals=data["goals"],
            minorities=data["minorities"],
        )
        messages.success(self.request, gettext("The indicator has been saved."))
        return redirect(indicator)


class IndicatorEditView(ObjectAccessMixin, FormView):
    view_permission = "followup.view_indicators"
    permission_required = "followup.change_indicator"
    form_class = IndicatorForm
    template_name = "followup/indicator_form.html"
    model_queryset = Indicator.objects.all()

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(indicator=self.object, **kwargs)

    def form_valid(self, form: IndicatorForm) -> HttpResponse:
        data = form.cleaned_data
        indicator = services.save_indicator(
            form.save(commit=False),
            by=signed_in_user(self.request),
            goals=data["goals"],
            minorities=data["minorities"],
        )
        messages.success(self.request, gettext("The indicator has been saved."))
        return redirect(indicator)


class IndicatorValueView(ObjectAccessMixin, FormView):
    view_permission = "followup.view_indicators"
    permission_required = "followup.add_indicator_value"
    form_class = IndicatorValueForm
    template_name = "followup/indicator_value_form.html"
    model_queryset = Indicator.objects.all()

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": IndicatorValue(indicator=self.object)}

    def get_initial(self) -> dict:
        return {"measured_on": timezone.localdate()}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(indicator=self.object, **kwargs)

    def form_valid(self, form: IndicatorValueForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            services.record_value(
                self.object,
                measured_on=data["measured_on"],
                value=data["value"],
                note=data["note"],
                by=signed_in_user(self.request),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, gettext("The value has been recorded."))
        return redirect(self.object)


# --- Cycles ---------------------------------------------------------------------------------------


class CycleListView(PermissionRequiredMixin, ListView):
    permission_required = "followup.manage_cycles"
    template_name = "followup/cycle_list.html"
    context_object_name = "cycles"

    def get_queryset(self):
        return Cycle.objects.prefetch_related("phases").annotate(
            action_count=Count("actions"),
            unfinished_count=Count("actions", filter=~Q(actions__status__in=FINISHED_STATUSES)),
        )


class CycleCreateView(PermissionRequiredMixin, FormView):
    """Open the next cycle: the dates of its phases, and the unfinished actions to carry over, confirmed."""

    permission_required = "followup.manage_cycles"
    form_class = CycleForm
    template_name = "followup/cycle_form.html"

    @cached_property
    def previous(self) -> Cycle | None:
        return Cycle.objects.order_by("-year").first()

    @cached_property
    def candidates(self) -> list[Action]:
        return list(services.carry_over_candidates(self.previous))

    def get_form_kwargs(self) -> dict:
        year = (self.previous.year + 1) if self.previous else timezone.localdate().year
        return {**super().get_form_kwargs(), "year": year}

    def get_context_data(self, **kwargs) -> dict:
        chosen = set(self.request.POST.getlist("carry")) if self.request.method == "POST" else None
        for action in self.candidates:
            action.chosen = chosen is None or str(action.pk) in chosen
        return super().get_context_data(previous=self.previous, candidates=self.candidates, **kwargs)

    def form_valid(self, form: CycleForm) -> HttpResponse:
        chosen = set(self.request.POST.getlist("carry"))
        carry = [a for a in self.candidates if str(a.pk) in chosen]
        try:
            cycle = services.open_cycle(
                year=form.cleaned_data["year"],
                phases=form.phases(),
                carry_over=carry,
                by=signed_in_user(self.request),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("The cycle %(title)s is open. Actions carried over: %(count)s.")
            % {"title": cycle.title, "count": len(carry)},
        )
        return redirect("followup:cycle_list")
