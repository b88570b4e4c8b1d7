"""A meeting's minutes: written item by item, then sent for review, approved and published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from .. import services
from ..forms import MinutesItemForm, SignersForm
from ..models import Meeting, MeetingProtocol, MinutesStatus
from ..plumbing.pagecache import cached_get
from .access import ObjectAccessMixin, check_access, load_object, signed_in_user
from .meetings import MEETINGS, report_errors


class MinutesEditView(ObjectAccessMixin, TemplateView):
    """The minutes, item by item: discussion, decisions, who does what by when."""

    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"
    template_name = "core/minutes_form.html"

    def get_forms(self, data=None) -> list[MinutesItemForm]:
        forms = [
            MinutesItemForm(data, instance=item, prefix=f"item-{item.pk}", user=self.request.user)
            for item in self.object.agenda_items.select_related("paragraph")
        ]
        # Every item has the same fields: each label names its item, so a screen reader's list of fields
        # tells "Decision, 2. Budget" from "Decision, 3. Reading aloud".
        for number, form in enumerate(forms, start=1):
            paragraph = getattr(form.instance, "paragraph", None)
            form.label_context = (
                f"§ {paragraph.number} {form.instance.title}"
                if paragraph
                else f"{number}. {form.instance.title}"
            )
        return forms

    def get_signers_form(self) -> SignersForm | None:
        """The chair and adjusters of a protocol, chosen while the minutes are a draft."""
        meeting = self.object
        if not meeting.forum.keeps_protocol or meeting.minutes_status != MinutesStatus.DRAFT:
            return None
        signers = list(meeting.signers.all())
        initial = {
            "chair": next((s.user_id for s in signers if s.role == "chair"), None),
            "adjuster": next((s.user_id for s in signers if s.role == "adjuster"), None),
            "second_adjuster": ([s.user_id for s in signers if s.role == "adjuster"][1:] or [None])[0],
        }
        return SignersForm(initial=initial, candidates=services.signer_candidates(meeting))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("forms", self.get_forms())
        context["meeting"] = self.object
        context["locked"] = services.minutes_locked(self.object)
        context.setdefault("signers_form", self.get_signers_form())
        return context

    def post(self, request, *args, **kwargs):
        if services.minutes_locked(self.object):
            messages.error(request, _("Approved minutes cannot be changed."))
            return redirect(self.object)
        forms = self.get_forms(request.POST)
        if not all(form.is_valid() for form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        changed = [form.save(commit=False) for form in forms if form.has_changed()]
        try:
            services.save_minutes(self.object, changed, by=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, _("The minutes have been saved."))
        return redirect(self.object)


@require_POST
def move_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Send for review, back to draft, approve or publish (permission: core.change_meeting)."""
    meeting = load_object(request, MEETINGS, pk, view="core.view_meeting", act="core.change_meeting")
    target = request.POST.get("target", "")
    if target not in MinutesStatus.values:
        messages.error(request, _("Choose what to do with the minutes."))
        return redirect(meeting)
    try:
        services.move_minutes(meeting, target, by=signed_in_user(request))
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(
            request, _("The minutes are now: %(status)s.") % {"status": meeting.get_minutes_status_display()}
        )
    return redirect(meeting)


@require_POST
def choose_signers(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the chair and adjusters of a protocol (permission: core.change_meeting)."""
    meeting = load_object(request, MEETINGS, pk, view="core.view_meeting", act="core.change_meeting")
    form = SignersForm(request.POST, candidates=services.signer_candidates(meeting))
    if not form.is_valid():
        # The minutes page again, the form with its error summary in place of the one it shows.
        page = MinutesEditView()
        page.setup(request, pk=pk)
        page.object = meeting
        return page.render_to_response(page.get_context_data(signers_form=form))
    try:
        services.set_signers(meeting, form.cleaned_data["chair"], form.adjusters, by=signed_in_user(request))
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("The chair and adjusters have been chosen."))
    return redirect("core:minutes_edit", pk=meeting.pk)


@require_POST
def adjust_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """The chair or an adjuster approves (justerar) the minutes (permission: core.adjust_minutes)."""
    meeting = load_object(request, MEETINGS, pk, view="core.view_minutes", act="core.adjust_minutes")
    try:
        approved = services.adjust_minutes(meeting, signed_in_user(request))
    except ValidationError as error:
        report_errors(request, error)
    else:
        if approved:
            messages.success(request, _("You have approved the minutes. Everyone has now approved them."))
        else:
            messages.success(request, _("You have approved the minutes."))
    return redirect(meeting)


def download_protocol(request: HttpRequest, pk: int, language: str) -> FileResponse:
    """The protocol in one language, to those who may read the minutes (permission: core.view_protocol)."""
    protocol = get_object_or_404(
        MeetingProtocol.objects.select_related("meeting__forum"), meeting=pk, language=language
    )
    check_access(request, protocol.meeting, "core.view_protocol")
    response = FileResponse(
        protocol.file.open("rb"),
        as_attachment=True,
        filename=f"protocol-{protocol.meeting.starts_at:%Y-%m-%d}-{language}.pdf",
        content_type="application/pdf",
    )
    # Published minutes are public; unpublished ones are for the signed-in reader only.
    response["Cache-Control"] = "private, no-store"
    return response


@cached_get
class PublishedMinutesView(PermissionRequiredMixin, ListView):
    """For everyone: the published minutes of the forums open to the public, newest first, in one list."""

    permission_required = "core.view_home"
    template_name = "core/published_minutes.html"
    paginate_by = 25
    context_object_name = "meetings"

    def get_queryset(self):
        return (
            Meeting.objects.public()
            .filter(minutes_status=MinutesStatus.PUBLISHED)
            .select_related("forum")
            .prefetch_related("protocols")
            .order_by("-starts_at", "pk")
        )
