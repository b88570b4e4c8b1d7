"""A meeting's agenda: add, change, move and remove its items (the writes are in core.services)."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from core.session_timing import RestoreKeptPostMixin

from .. import services
from ..forms import AgendaItemForm
from ..models import AgendaItem, Meeting
from .access import ObjectAccessMixin, check_access, signed_in_user
from .meetings import MEETINGS, report_errors

ITEMS = AgendaItem.objects.select_related("meeting", "meeting__forum")

if TYPE_CHECKING:
    # The mixins below are mixed into a FormView: mypy reads them as one, Python as plain mixins.
    _FormView = FormView
else:
    _FormView = object


class AgendaItemFormMixin(_FormView):
    form_class = AgendaItemForm
    template_name = "core/agendaitem_form.html"

    @property
    def meeting(self) -> Meeting:
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)


class AgendaItemAccessMixin(ObjectAccessMixin):
    """An agenda item is judged by its meeting: who may change the meeting may change its items."""

    model_queryset = ITEMS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"

    def get_access_object(self) -> Meeting:
        return self.object.meeting

    @property
    def meeting(self) -> Meeting:
        return self.object.meeting


class AgendaItemCreateView(ObjectAccessMixin, AgendaItemFormMixin, RestoreKeptPostMixin, FormView):
    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"

    @property
    def meeting(self) -> Meeting:
        return self.object

    def form_valid(self, form):
        services.add_agenda_item(self.meeting, form.save(commit=False), signed_in_user(self.request))
        messages.success(self.request, _("The item has been added to the agenda."))
        return redirect(self.meeting)


class AgendaItemUpdateView(AgendaItemAccessMixin, AgendaItemFormMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def form_valid(self, form):
        services.update_agenda_item(form.save(commit=False), by=signed_in_user(self.request))
        messages.success(self.request, _("The agenda item has been saved."))
        return redirect(self.meeting)


class AgendaItemDeleteView(AgendaItemAccessMixin, TemplateView):
    template_name = "core/agendaitem_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.object, meeting=self.meeting, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.remove_agenda_item(self.object, by=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, _("The item has been removed from the agenda."))
        return redirect(self.meeting)


@require_POST
def move_agenda_item(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an item one place up or down (permission: core.change_meeting)."""
    item = get_object_or_404(ITEMS, pk=pk)
    check_access(request, item.meeting, "core.view_meeting", "core.change_meeting")
    direction = request.POST.get("direction", "")
    # Only the two buttons' values: anything else moved the item down.
    if direction not in ("up", "down"):
        messages.error(request, _("Choose whether to move the item up or down."))
    else:
        services.move_agenda_item(item, direction, by=signed_in_user(request))
    return redirect(reverse("core:meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}")
