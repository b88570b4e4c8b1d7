"""Pages of the register of duties: the public summary, the register, a duty, and the forms that keep it."""

import rules
from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.models import Department, Meeting
from core.plumbing.pagecache import cached_get
from core.plumbing.spreadsheets import spreadsheet_response
from core.views.access import ObjectAccessMixin, check_access, signed_in_user

from . import exports, figures, services
from .forms import AssessmentForm, DutyForm, RegisterFilterForm
from .models import AssessmentStatus, Duty, DutyAssessment

FIRST_YEAR = 2000


def _chosen_register(request: HttpRequest) -> tuple[RegisterFilterForm, int, figures.Register]:
    """The filters of the register's page and its download, and the register they choose."""
    years = figures.assessed_years()
    form = RegisterFilterForm(request.GET or None, years=years)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    year = chosen.get("year") or timezone.localdate().year
    if not form.is_bound:
        form = RegisterFilterForm(initial={"year": year}, years=years)
    register = figures.register(
        year, department=chosen.get("department"), status=chosen.get("status") or None
    )
    return form, year, register


@cached_get
class SummaryView(PermissionRequiredMixin, TemplateView):
    """For everyone: what the law asks of the municipality and how each duty was met in the latest year."""

    permission_required = "duties.view_summary"
    template_name = "duties/summary.html"

    def get_context_data(self, **kwargs) -> dict:
        year = figures.summary_year()
        register = figures.register(year)
        return super().get_context_data(
            year=year,
            register=register,
            requests=register.requests(),
            may_read_register=self.request.user.has_perm("duties.view_register"),
            **kwargs,
        )


@cached_get
class RegisterView(PermissionRequiredMixin, TemplateView):
    """Every duty with its status for a year, by department: the chart and the table of the same figures."""

    permission_required = "duties.view_register"
    template_name = "duties/register.html"

    def get_context_data(self, **kwargs) -> dict:
        form, year, register = _chosen_register(self.request)
        by_department = register.by_department()
        user = self.request.user
        for row in register.rows:
            row.may_assess = user.has_perm("duties.assess_duty", row.duty)
        return super().get_context_data(
            form=form,
            year=year,
            register=register,
            by_department=by_department,
            department_chart=figures.department_chart(by_department),
            requests=register.requests(),
            export_query=self.request.GET.urlencode() or f"year={year}",
            unchecked=sum(1 for row in register.rows if row.duty.checked_on is None),
            Status=AssessmentStatus,
            may_change=user.has_perm("duties.change_duty"),
            **kwargs,
        )


class RegisterExportView(PermissionRequiredMixin, View):
    """The register as the filters choose it, one row per duty: CSV (semicolons, for Excel) or XLSX."""

    permission_required = "duties.view_register"

    def get(self, request: HttpRequest, *args, fmt: str, **kwargs) -> HttpResponse:
        if fmt not in {"csv", "xlsx"}:
            raise Http404
        _form, year, register = _chosen_register(request)
        content = exports.register_xlsx(register) if fmt == "xlsx" else exports.register_csv(register)
        return spreadsheet_response(content, fmt, f"duties-{year}")


@cached_get
class DutyDetailView(ObjectAccessMixin, TemplateView):
    """A duty, its source, who answers for it, and each year's assessment with its evidence."""

    view_permission = "duties.view_duty"
    template_name = "duties/detail.html"
    model_queryset = Duty.objects.select_related("contact__department").prefetch_related(
        Prefetch("departments", queryset=Department.objects.order_by("name"))
    )

    def get_hit_queryset(self):
        # duties.view_duty asks only who the person is: that the duty exists, not its texts, contact and
        # departments.
        return Duty.objects.only("id")

    def get_context_data(self, **kwargs) -> dict:
        duty: Duty = self.object
        user = self.request.user
        assessments = list(
            duty.assessments.select_related("recorded_by").prefetch_related(
                "actions",
                "consultations",
                Prefetch("meetings", queryset=Meeting.objects.select_related("forum")),
            )
        )
        meeting_ids = {m.pk for a in assessments for m in a.meetings.all()}
        visible = set(
            Meeting.objects.visible_to(user).filter(pk__in=meeting_ids).values_list("pk", flat=True)
        )
        for assessment in assessments:
            # For the template: the linked meetings this person may know of.
            setattr(assessment, "visible_meetings", [m for m in assessment.meetings.all() if m.pk in visible])  # noqa: B010
        this_year = timezone.localdate().year
        return super().get_context_data(
            duty=duty,
            assessments=assessments,
            this_year=this_year,
            assessed_this_year=any(a.year == this_year for a in assessments),
            # Checked against the rules alone: a refusal must not cost the model backend's two queries.
            may_read_consultations=rules.has_perm("proposals.view_consultation_log", user),
            may_assess=user.has_perm("duties.assess_duty", duty),
            may_change=user.has_perm("duties.change_duty"),
            **kwargs,
        )


class DutyCreateView(PermissionRequiredMixin, FormView):
    permission_required = "duties.change_duty"
    form_class = DutyForm
    template_name = "duties/duty_form.html"

    def form_valid(self, form: DutyForm) -> HttpResponse:
        duty = services.save_duty(
            form.save(commit=False),
            by=signed_in_user(self.request),
            departments=form.cleaned_data["departments"],
        )
        messages.success(self.request, gettext("The duty has been added to the register."))
        return redirect(duty)


class DutyEditView(ObjectAccessMixin, FormView):
    view_permission = "duties.view_duty"
    permission_required = "duties.change_duty"
    form_class = DutyForm
    template_name = "duties/duty_form.html"
    model_queryset = Duty.objects.all()

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(duty=self.object, **kwargs)

    def form_valid(self, form: DutyForm) -> HttpResponse:
        duty = services.save_duty(
            form.save(commit=False),
            by=signed_in_user(self.request),
            departments=form.cleaned_data["departments"],
        )
        messages.success(self.request, gettext("The duty has been saved."))
        return redirect(duty)


class AssessView(ObjectAccessMixin, FormView):
    """Record how a duty was met in a year (this year or an earlier one)."""

    view_permission = "duties.view_duty"
    permission_required = "duties.assess_duty"
    form_class = AssessmentForm
    template_name = "duties/assessment_form.html"
    model_queryset = Duty.objects.prefetch_related("departments")

    def dispatch(self, request, *args, **kwargs):
        if not FIRST_YEAR <= kwargs["year"] <= timezone.localdate().year:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def assessment(self) -> DutyAssessment:
        year = self.kwargs["year"]
        existing = DutyAssessment.objects.filter(duty=self.object, year=year).first()
        return existing or DutyAssessment(duty=self.object, year=year)

    def get_form_kwargs(self) -> dict:
        return {
            **super().get_form_kwargs(),
            "instance": self.assessment(),
            "duty": self.object,
            "year": self.kwargs["year"],
            "user": self.request.user,
        }

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(duty=self.object, year=self.kwargs["year"], **kwargs)

    def form_valid(self, form: AssessmentForm) -> HttpResponse:
        data = form.cleaned_data
        services.save_assessment(
            form.save(commit=False),
            by=signed_in_user(self.request),
            actions=data["actions"],
            meetings=data["meetings"],
            consultations=data.get("consultations"),
            file=data.get("file"),
            file_type=form.file_type,
        )
        messages.success(
            self.request,
            gettext("The assessment for %(year)s has been saved.") % {"year": self.kwargs["year"]},
        )
        return redirect(
            f"{reverse('duties:detail', kwargs={'pk': self.object.pk})}#year-{self.kwargs['year']}"
        )


def download_assessment_file(request: HttpRequest, pk: int) -> FileResponse:
    """An assessment's attachment, for those who may read the duty (permission: duties.view_duty)."""
    assessment = get_object_or_404(DutyAssessment.objects.select_related("duty"), pk=pk)
    check_access(request, assessment.duty, "duties.view_duty")
    if not assessment.file:
        raise Http404
    response = FileResponse(assessment.file.open("rb"), as_attachment=True, filename=assessment.file_name)
    response["Content-Type"] = assessment.file_type or "application/octet-stream"
    response["Cache-Control"] = "private, no-store"
    return response
