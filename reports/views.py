"""The report archive, ordering a report, following its progress, and downloading it; publishing a
report's public version, and the public archive of those versions that everyone may read."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from core.views.access import NeedsSignIn

from . import services
from .forms import OrderForm
from .models import Report
from .tasks import order

# What the internal pages read of a report: never its snapshots.
WITHOUT_SNAPSHOTS = ("snapshot", "public_snapshot")


class ArchiveView(PermissionRequiredMixin, ListView):
    permission_required = "reports.view_reports"
    template_name = "reports/archive.html"
    context_object_name = "reports"
    paginate_by = 50

    def get_queryset(self):
        return Report.objects.select_related("requested_by").defer(*WITHOUT_SNAPSHOTS)

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
            Report.objects.select_related("requested_by", "published_by").defer(*WITHOUT_SNAPSHOTS),
            pk=kwargs["pk"],
        )
        return super().get_context_data(
            report=report, may_publish=self.request.user.has_perm("reports.publish_report"), **kwargs
        )


class DownloadView(PermissionRequiredMixin, View):
    """The PDF, for those who may read reports."""

    permission_required = "reports.view_reports"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return download(request, pk)


def download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.defer(*WITHOUT_SNAPSHOTS), pk=pk)
    if not report.file:
        raise Http404
    name = f"{report.kind}-{report.period_start}-{report.period_end}-{report.language}.pdf"
    response = FileResponse(report.file.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = "application/pdf"
    response["Cache-Control"] = "private, no-store"
    return response


def _require(request: HttpRequest, permission: str) -> None:
    """A visitor is sent to sign in; a signed-in person without the permission is refused (403)."""
    if not request.user.has_perm(permission):
        if not request.user.is_authenticated:
            raise NeedsSignIn()
        raise PermissionDenied


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Make and publish the public version of a finished quarterly or yearly report (rendered at once)."""
    _require(request, "reports.publish_report")
    report = get_object_or_404(Report.objects.defer(*WITHOUT_SNAPSHOTS), pk=pk)
    try:
        published = services.publish(report, request.user)
    except services.NotPublishable:
        messages.error(
            request,
            gettext("Only a finished quarterly or yearly report can be published in a public version."),
        )
    else:
        if published:
            messages.success(request, gettext("The public version was published."))
        else:
            messages.info(request, gettext("The public version was already published."))
    return redirect(report)


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw the public version: its address answers 404 from now on."""
    _require(request, "reports.publish_report")
    report = get_object_or_404(Report.objects.defer(*WITHOUT_SNAPSHOTS), pk=pk)
    if services.withdraw(report, request.user):
        messages.success(request, gettext("The public version was withdrawn."))
    else:
        messages.info(request, gettext("The report has no published public version."))
    return redirect(report)


class PublicListView(PermissionRequiredMixin, ListView):
    """The public versions of the quarterly and yearly reports, for everyone."""

    permission_required = "reports.view_public_reports"
    template_name = "reports/public_list.html"
    context_object_name = "reports"
    paginate_by = 50

    def get_queryset(self):
        return Report.objects.published()


class PublicDownloadView(PermissionRequiredMixin, View):
    """The public PDF, and only that: a report whose public version is not published is not found, for
    coordinators too (this is the public address; they read the report itself in the archive)."""

    permission_required = "reports.view_public_reports"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = get_object_or_404(Report.objects.published(), pk=pk)
        name = f"{report.kind}-{report.period_start}-{report.period_end}-{report.language}-public.pdf"
        response = FileResponse(report.public_file.open("rb"), as_attachment=True, filename=name)
        response["Content-Type"] = "application/pdf"
        # A withdrawn version must not linger in shared caches.
        response["Cache-Control"] = "no-cache"
        return response
