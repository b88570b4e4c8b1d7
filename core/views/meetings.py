"""Meeting pages: plan, call, run and minute a meeting of any tier, and what members do with it."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from core.pagecache import cached_get
from core.session_timing import RestoreKeptPostMixin

from .. import services
from ..forms import (
    AgendaItemForm,
    AttachmentForm,
    AttendanceForm,
    CancelMeetingForm,
    GuestForm,
    MeetingForm,
    MinutesItemForm,
)
from ..history import describe_changes
from ..ical import calendar_for
from ..models import (
    RSVP,
    AgendaItem,
    Attachment,
    Attendance,
    Forum,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from ..sections import meeting_sections
from .access import NeedsSignIn, ObjectAccessMixin, check_access

MEETINGS = Meeting.objects.select_related("forum", "forum__minority")


def _load(request: HttpRequest, queryset, pk: int, view_permission: str, permission: str | None = None):
    obj = get_object_or_404(queryset, pk=pk)
    check_access(request, obj, view_permission, permission)
    return obj


def _signed_in_or_redirect(view):
    """Function views: turn NeedsSignIn into the sign-in page, like the class-based views do."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NeedsSignIn:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@cached_get
class MeetingDetailView(ObjectAccessMixin, TemplateView):
    """The meeting page: notice, agenda with documents, the member's answer, minutes, and tier sections."""

    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    template_name = "core/meeting_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user = self.object, self.request.user
        items = list(
            meeting.agenda_items.select_related("presenter").prefetch_related(
                Prefetch("attachments", queryset=Attachment.objects.order_by("name"))
            )
        )
        attendances = list(
            meeting.attendances.select_related("user").order_by("user__full_name", "guest_name")
        )
        own = next((a for a in attendances if a.user_id == user.pk), None) if user.is_authenticated else None
        context.update(
            meeting=meeting,
            forum=meeting.forum,
            items=items,
            meeting_attachments=list(meeting.attachments.filter(agenda_item__isnull=True).order_by("name")),
            total_minutes=sum(item.duration_minutes or 0 for item in items),
            own_attendance=own,
            can_see_attendance=user.has_perm("core.view_meeting_history", meeting),
            attendances=attendances,
            can_see_minutes=user.has_perm("core.view_minutes", meeting),
            can_change=user.has_perm("core.change_meeting", meeting),
            can_respond=own is not None and meeting.is_upcoming,
            notice_too_late=meeting.status == MeetingStatus.PLANNED and meeting.starts_at <= timezone.now(),
            minutes_targets=[
                MinutesStatus(target)
                for target in MinutesStatus
                if meeting.can_move_minutes_to(target) and meeting.starts_at <= timezone.now()
            ],
            sections=meeting_sections(self.request, meeting),
            MeetingStatus=MeetingStatus,
            MinutesStatus=MinutesStatus,
            RSVP=RSVP,
        )
        return context


class MeetingFormMixin:
    template_name = "core/meeting_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["forum"] = self.forum
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(forum=self.forum, **kwargs)


class MeetingCreateView(ObjectAccessMixin, MeetingFormMixin, FormView):
    """A coordinator plans a meeting of a forum and chooses whom to invite."""

    model_queryset = Forum.objects.all()
    lookup_kwarg = lookup_field = "slug"
    view_permission = "core.view_forum"
    permission_required = "core.add_meeting"
    form_class = MeetingForm

    @property
    def forum(self) -> Forum:
        return self.object

    def form_valid(self, form):
        meeting = form.save(commit=False)
        services.create_meeting(meeting, form.cleaned_data["invitees"], by=self.request.user)
        messages.success(self.request, _("The meeting has been planned. Add the agenda, then publish it."))
        return redirect(meeting)


class MeetingUpdateView(ObjectAccessMixin, MeetingFormMixin, FormView):
    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"
    form_class = MeetingForm

    @property
    def forum(self) -> Forum:
        return self.object.forum

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def form_valid(self, form):
        with transaction.atomic():
            meeting = form.save(commit=False)
            services.set_invitees(meeting, form.cleaned_data["invitees"])
            sent = services.update_meeting(
                meeting, form.changed_data + _time_changes(form), by=self.request.user
            )
        if sent:
            messages.success(self.request, _("The changes have been saved and sent to those invited."))
        else:
            messages.success(self.request, _("The changes have been saved."))
        return redirect(meeting)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)


def _time_changes(form: MeetingForm) -> list[str]:
    changed = set(form.changed_data)
    fields = []
    if changed & {"date", "start_time"}:
        fields.append("starts_at")
    if changed & {"date", "end_time"}:
        fields.append("ends_at")
    return fields


@require_POST
@_signed_in_or_redirect
def publish_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the agenda and send the notice with an invitation (permission: core.change_meeting)."""
    meeting = _load(request, MEETINGS, pk, "core.view_meeting", "core.change_meeting")
    without_notice = request.POST.get("past") == "confirmed"
    try:
        sent = services.publish_agenda(meeting, by=request.user, without_notice_for_past=without_notice)
    except ValidationError as error:
        if error.code == services.PAST_MEETING:
            # The page then offers the confirmation beside the date (notice_too_late).
            messages.warning(request, error.messages[0])
        else:
            _report(request, error)
    else:
        if without_notice and sent == 0:
            messages.success(
                request, _("The agenda is published. No notice was sent, since the meeting has begun.")
            )
        else:
            messages.success(
                request,
                _("The agenda is published and the notice was sent to %(count)s people.") % {"count": sent},
            )
    return redirect(meeting)


class MeetingCancelView(ObjectAccessMixin, FormView):
    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"
    form_class = CancelMeetingForm
    template_name = "core/meeting_cancel.html"

    def form_valid(self, form):
        try:
            services.cancel_meeting(self.object, form.cleaned_data["reason"], by=self.request.user)
        except ValidationError as error:
            _report(self.request, error)
        else:
            messages.success(self.request, _("The meeting is cancelled."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)


@require_POST
@_signed_in_or_redirect
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    """An invited member confirms or excuses their attendance (permission: core.respond_to_meeting)."""
    meeting = _load(request, MEETINGS, pk, "core.view_meeting", "core.respond_to_meeting")
    try:
        attendance = services.respond(meeting, request.user, request.POST.get("answer", ""))
    except ValidationError as error:
        _report(request, error)
    else:
        if attendance.rsvp == RSVP.ATTENDING:
            messages.success(request, _("Thank you: you are noted as attending."))
        else:
            messages.success(request, _("Thank you: you are noted as excused."))
    return redirect(meeting)


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
        services.record_attendance(self.object, form.presence_by_attendance(), by=self.request.user)
        messages.success(self.request, _("Attendance has been recorded."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, guest_form=GuestForm(), **kwargs)


@require_POST
@_signed_in_or_redirect
def add_guest(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a guest who took part (permission: core.change_meeting)."""
    meeting = _load(request, MEETINGS, pk, "core.view_meeting", "core.change_meeting")
    form = GuestForm(request.POST)
    if form.is_valid():
        services.add_guest(
            meeting, form.cleaned_data["guest_name"], form.cleaned_data["guest_organisation"], request.user
        )
        messages.success(request, _("The guest has been added."))
    else:
        messages.error(request, _("Write the guest's name."))
    return redirect("core:meeting_attendance", pk=meeting.pk)


class MinutesEditView(ObjectAccessMixin, TemplateView):
    """The minutes, item by item: discussion, decisions, who does what by when."""

    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"
    template_name = "core/minutes_form.html"

    def get_forms(self, data=None) -> list[MinutesItemForm]:
        forms = [
            MinutesItemForm(data, instance=item, prefix=f"item-{item.pk}", user=self.request.user)
            for item in self.object.agenda_items.all()
        ]
        # Every item has the same fields: each label names its item, so a screen reader's list of fields
        # tells "Decision, 2. Budget" from "Decision, 3. Reading aloud".
        for number, form in enumerate(forms, start=1):
            form.label_context = f"{number}. {form.instance.title}"
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("forms", self.get_forms())
        context["meeting"] = self.object
        context["locked"] = self.object.minutes_status in {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}
        return context

    def post(self, request, *args, **kwargs):
        if self.object.minutes_status in {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}:
            messages.error(request, _("Approved minutes cannot be changed."))
            return redirect(self.object)
        forms = self.get_forms(request.POST)
        if not all(form.is_valid() for form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        with transaction.atomic():
            for form in forms:
                if form.has_changed():
                    form.save()
        messages.success(request, _("The minutes have been saved."))
        return redirect(self.object)


@require_POST
@_signed_in_or_redirect
def move_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Send for review, back to draft, approve or publish (permission: core.change_meeting)."""
    meeting = _load(request, MEETINGS, pk, "core.view_meeting", "core.change_meeting")
    target = request.POST.get("target", "")
    if target not in MinutesStatus.values:
        messages.error(request, _("Choose what to do with the minutes."))
        return redirect(meeting)
    try:
        services.move_minutes(meeting, target, by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("The minutes are now: %(status)s.") % {"status": meeting.get_minutes_status_display()}
        )
    return redirect(meeting)


class MeetingHistoryView(ObjectAccessMixin, TemplateView):
    """Who changed what and when: the meeting, its agenda, minutes, attendance and attachments."""

    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.view_meeting_history"
    template_name = "core/meeting_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        streams = [
            (_("Meeting"), meeting.history.select_related("history_user"), lambda r: r.title),
            (
                _("Agenda item"),
                AgendaItem.history.model.objects.filter(meeting_id=meeting.pk).select_related("history_user"),
                lambda r: r.title,
            ),
            (
                _("Attendance"),
                Attendance.history.model.objects.filter(meeting_id=meeting.pk).select_related(
                    "history_user", "user"
                ),
                lambda r: r.guest_name or (r.user.full_name if r.user else ""),
            ),
            (
                _("Attachment"),
                Attachment.history.model.objects.filter(meeting_id=meeting.pk).select_related("history_user"),
                lambda r: r.name,
            ),
        ]
        entries = []
        for kind, records, label in streams:
            # One query per kind of record; each change is compared with the record before it in memory.
            previous_by_object: dict[int, object] = {}
            for record in records.order_by("history_date", "history_id"):
                entries.append(_describe(record, previous_by_object.get(record.id), kind, label(record)))
                previous_by_object[record.id] = record
        entries.sort(key=lambda entry: entry["when"], reverse=True)
        context.update(meeting=meeting, entries=entries)
        return context


def _describe(record, previous, kind: str, label: str) -> dict:
    """One row of the history: what changed in this record compared with the one before it, in words."""
    return {
        "when": record.history_date,
        "who": record.history_user.full_name if record.history_user else _("the system"),
        "kind": kind,
        "label": label,
        "action": {"+": _("created"), "~": _("changed"), "-": _("deleted")}[record.history_type],
        "fields": describe_changes(record, previous, label),
    }


@_signed_in_or_redirect
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting as an iCalendar file (permission: core.view_meeting)."""
    meeting = _load(request, MEETINGS.prefetch_related("agenda_items"), pk, "core.view_meeting")
    response = HttpResponse(
        calendar_for([meeting], method="PUBLISH"), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


class AgendaItemFormMixin:
    form_class = AgendaItemForm
    template_name = "core/agendaitem_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)


class AgendaItemCreateView(ObjectAccessMixin, AgendaItemFormMixin, RestoreKeptPostMixin, FormView):
    model_queryset = MEETINGS
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"

    @property
    def meeting(self) -> Meeting:
        return self.object

    def form_valid(self, form):
        services.add_agenda_item(self.meeting, form.save(commit=False), self.request.user)
        messages.success(self.request, _("The item has been added to the agenda."))
        return redirect(self.meeting)


class AgendaItemUpdateView(ObjectAccessMixin, AgendaItemFormMixin, FormView):
    model_queryset = AgendaItem.objects.select_related("meeting", "meeting__forum")
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"

    def get_access_object(self):
        return self.object.meeting

    @property
    def meeting(self) -> Meeting:
        return self.object.meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("The agenda item has been saved."))
        return redirect(self.meeting)


class AgendaItemDeleteView(ObjectAccessMixin, TemplateView):
    model_queryset = AgendaItem.objects.select_related("meeting", "meeting__forum")
    view_permission = "core.view_meeting"
    permission_required = "core.change_meeting"

    def get_access_object(self):
        return self.object.meeting

    template_name = "core/agendaitem_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.object, meeting=self.object.meeting, **kwargs)

    def post(self, request, *args, **kwargs):
        meeting = self.object.meeting
        if self.object.minutes or self.object.decision or self.object.attachments.exists():
            messages.error(request, _("An item with minutes or attachments cannot be deleted."))
            return redirect(meeting)
        self.object.delete()
        messages.success(request, _("The item has been removed from the agenda."))
        return redirect(meeting)


def _check_agenda_item(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "meeting__forum"), pk=pk)
    check_access(request, item.meeting, "core.view_meeting", "core.change_meeting")
    return item


@require_POST
@_signed_in_or_redirect
def move_agenda_item(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an item one place up or down (permission: core.change_meeting)."""
    item = _check_agenda_item(request, pk)
    direction = request.POST.get("direction", "")
    # Only the two buttons' values: anything else moved the item down.
    if direction not in ("up", "down"):
        messages.error(request, _("Choose whether to move the item up or down."))
        return redirect(reverse("core:meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}")
    items = list(item.meeting.agenda_items.order_by("position", "pk"))
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        with transaction.atomic():
            for position, each in enumerate(items, start=1):
                if each.position != position:
                    each.position = position
                    each.save(update_fields=["position"])
    return redirect(reverse("core:meeting_detail", kwargs={"pk": item.meeting_id}) + f"#item-{item.pk}")


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
            uploaded_by=self.request.user,
        )
        messages.success(self.request, _("The file has been attached."))
        return redirect(self.object)


@_signed_in_or_redirect
def download_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a file to those who may see its meeting (permission: core.view_attachment)."""
    attachment = get_object_or_404(Attachment.objects.select_related("meeting", "meeting__forum"), pk=pk)
    check_access(request, attachment, "core.view_attachment")
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
    response["Content-Type"] = attachment.content_type
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@_signed_in_or_redirect
def delete_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove an attachment (permission: core.change_meeting)."""
    attachment = get_object_or_404(Attachment.objects.select_related("meeting", "meeting__forum"), pk=pk)
    check_access(request, attachment.meeting, "core.view_meeting", "core.change_meeting")
    meeting = attachment.meeting
    attachment.file.delete(save=False)
    attachment.delete()
    messages.success(request, _("The attachment has been removed."))
    return redirect(meeting)
