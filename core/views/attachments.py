"""Files attached to a meeting or one of its items: upload, download and removal."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from ..forms import AttachmentForm
from ..models import Attachment
from .access import ObjectAccessMixin, check_access, load_object, signed_in_user
from .meetings import MEETINGS

ATTACHMENTS = Attachment.objects.select_related("meeting", "meeting__forum")


class AttachmentCreateView(ObjectAccessMixin, FormView):
    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"
    form_class = AttachmentForm
    template_name = "core/attachment_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        Attachment.objects.create(
            meeting=self.object,
            agenda_item=form.cleaned_data["agenda_item"],
            file=upload,
            name=upload.name[:255],
            content_type=form.content_type,
            size=upload.size,
            uploaded_by=signed_in_user(self.request),
        )
        messages.success(self.request, _("The file has been attached."))
        return redirect(self.object)


def download_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a file to those who may see its meeting (permission: core.view_attachment)."""
    attachment = load_object(request, ATTACHMENTS, pk, view="core.view_attachment")
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
    response["Content-Type"] = attachment.content_type
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def delete_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an attachment (permission: core.change_meeting)."""
    attachment = get_object_or_404(ATTACHMENTS, pk=pk)
    check_access(request, attachment.meeting, "core.view_meeting", "core.change_meeting")
    meeting = attachment.meeting
    attachment.file.delete(save=False)
    attachment.delete()
    messages.success(request, _("The attachment has been removed."))
    return redirect(meeting)
