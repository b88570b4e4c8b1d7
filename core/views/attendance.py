"""Who came to a meeting: the coordinator records presence and adds guests."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from .. import services
from ..forms import AttendanceForm, GuestForm
from ..models import Attendance
from .access import ObjectAccessMixin, load_object, signed_in_user
from .meetings import MEETINGS


class AttendanceView(ObjectAccessMixin, FormView):
    """The coordinator records who was present, excused or absent."""

    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"
    form_class = AttendanceForm
    template_name = "core/attendance_form.html"

    def get_attendances(self) -> list[Attendance]:
        return list(self.object.attendances.select_related("user").order_by("user__full_name", "guest_name"))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "attendances": self.get_attendances()}

    def form_valid(self, form):
        services.record_attendance(
            self.object, form.presence_by_attendance(), by=signed_in_user(self.request)
        )
        messages.success(self.request, _("Attendance has been recorded."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, guest_form=GuestForm(), **kwargs)


@require_POST
def add_guest(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a guest who took part (permission: core.change_meeting)."""
    meeting = load_object(request, MEETINGS, pk, view="core.view_meeting", act="core.change_meeting")
    form = GuestForm(request.POST)
    if form.is_valid():
        services.add_guest(
            meeting,
            form.cleaned_data["guest_name"],
            form.cleaned_data["guest_organisation"],
            signed_in_user(request),
        )
        messages.success(request, _("The guest has been added."))
    else:
        messages.error(request, _("Write the guest's name."))
    return redirect("core:meeting_attendance", pk=meeting.pk)
