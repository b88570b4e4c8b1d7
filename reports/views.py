"""The report archive, ordering a report, following its progress, and downloading it."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.generic import FormView, ListView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from .forms import OrderForm
from .models import Report
from .tasks import order


class ArchiveView(PermissionRequiredMixin, ListView):
    permission_required = "reports.view_reports"
    template_name = "reports/archive.html"
    context_object_name = "reports"
    paginate_by = 50

    def get_queryset(self):
        return Report.objects.select_related("requested_by").defer("snapshot")

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            may_order=self.request.user.has_perm("reports.order_report"), **kwargs
        )


class OrderView(PermissionRequiredMixin, FormView):
    permission_required = "reports.order_report"
    template_name = "reports/order.html"
    form_class = OrderForm

    def get_initial(self) -> dict:
        return {
            "language": self.request.LANGUAGE_CODE
            if self.request.LANGUAGE_CODE in {"sv", "fi", "en"}
            else "sv"
        }

    def form_valid(self, form: OrderForm) -> HttpResponse:
        data = form.cleaned_data
        report = Report.objects.create(
            kind=data["kind"],
            period_start=data["start"],
            period_end=data["end"],
            language=data["language"],
            requested_by=self.request.user,
        )
        order(report)
        messages.success(self.request, gettext("The report is being made. This page shows when it is ready."))
        return redirect(report)


class ReportDetailView(PermissionRequiredMixin, TemplateView):
    """The report's state; while it is being made the page asks again every few seconds (and, without
    JavaScript, offers a link that refreshes it)."""

    permission_required = "reports.view_reports"
    template_name = "reports/detail.html"

    def get_context_data(self, **kwargs) -> dict:
        report = get_object_or_404(
            Report.objects.select_related("requested_by").defer("snapshot"), pk=kwargs["pk"]
        )
        return super().get_context_data(report=report, **kwargs)


class DownloadView(PermissionRequiredMixin, View):
    """The PDF, for those who may read reports."""

    permission_required = "reports.view_reports"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return download(request, pk)


def download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.defer("snapshot"), pk=pk)
    if not report.file:
        raise Http404
    name = f"{report.kind}-{report.period_start}-{report.period_end}-{report.language}.pdf"
    response = FileResponse(report.file.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = "application/pdf"
    response["Cache-Control"] = "private, no-store"
    return response
