"""Meeting pages: plan, call, change and cancel a meeting of any tier, a member's answer, its history and file.

The agenda, minutes, attendance and attachments have their own modules beside this one.
"""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from core.plumbing.pagecache import cached_get

from .. import services
from ..forms import CancelMeetingForm, MeetingForm
from ..history import describe_changes
from ..ical import calendar_for
from ..models import (
    RSVP,
    AgendaItem,
    Attachment,
    Attendance,
    Forum,
    Meeting,
    MeetingProtocol,
    MeetingStatus,
    MinutesSigner,
    MinutesStatus,
)
from ..plumbing.packed import packed, unpacked
from ..plumbing.sections import meeting_sections
from .access import ObjectAccessMixin, load_object, signed_in_user

MEETINGS = Meeting.objects.select_related("forum", "forum__minority")

if TYPE_CHECKING:
    # The mixins below are mixed into a FormView: mypy reads them as one, Python as plain mixins.
    _FormView = FormView
else:
    _FormView = object


def report_errors(request: HttpRequest, error: ValidationError) -> None:
    """Show each message of a refused write to the person who asked for it."""
    for message in error.messages:
        messages.error(request, message)


# What the meeting page shows of the meeting's files, signers and protocol documents, read with the meeting.
ATTACHMENT_FIELDS = ("id", "meeting_id", "agenda_item_id", "name", "size")
SIGNER_FIELDS = (
    *("id", "meeting_id", "user_id", "role", "approved_at"),
    *("user__id", "user__full_name", "user__email", "user__erased_at"),
)
PROTOCOL_FIELDS = ("id", "meeting_id", "language", "size")
MEETING_PAGE = MEETINGS.annotate(
    packed_attachments=packed(
        Attachment.objects.filter(meeting=OuterRef("pk")).order_by("name", "pk"), ATTACHMENT_FIELDS
    ),
    packed_signers=packed(
        MinutesSigner.objects.filter(meeting=OuterRef("pk")).order_by("-role", "pk"), SIGNER_FIELDS
    ),
    packed_protocols=packed(
        MeetingProtocol.objects.filter(meeting=OuterRef("pk")).order_by("language"), PROTOCOL_FIELDS
    ),
)

# What core.view_meeting judges by (core/rules.py): whether the notice is out, the forum and whether it is
# public; the person's memberships and the minutes they sign are read with their ties.
MEETING_FOR_RULES = Meeting.objects.select_related("forum").only(
    "id", "forum_id", "status", "agenda_published_at", "forum__id", "forum__is_public"
)


@cached_get
class MeetingDetailView(ObjectAccessMixin, TemplateView):
    """The meeting page: notice, agenda with documents, the member's answer, minutes, and tier sections.

    The meeting's files, signers and protocol documents come with the meeting (MEETING_PAGE); from the page
    cache, the access rules read what they judge by alone (MEETING_FOR_RULES)."""

    model_queryset = MEETING_PAGE
    view_permission = "core.view_meeting"
    template_name = "core/meeting_detail.html"

    def get_hit_queryset(self):
        return MEETING_FOR_RULES

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user = self.object, self.request.user
        items = meeting.agenda_in_order
        # The meeting's files and its items' files, read with the meeting (an item's file belongs to its meeting).
        files: dict[int | None, list[Attachment]] = {}
        for attachment in unpacked(Attachment, meeting.packed_attachments):
            files.setdefault(attachment.agenda_item_id, []).append(attachment)
        for item in items:
            item.files = files.get(item.pk, [])
        attendances = list(
            meeting.attendances.select_related("user").order_by("user__full_name", "guest_name")
        )
        own = next((a for a in attendances if a.user_id == user.pk), None) if user.is_authenticated else None
        protocol = meeting.forum.keeps_protocol
        can_see_minutes = user.has_perm("core.view_minutes", meeting)
        signers = unpacked(MinutesSigner, meeting.packed_signers) if protocol and can_see_minutes else []
        may_read_protocol = user.has_perm("core.view_protocol", meeting)
        protocols = unpacked(MeetingProtocol, meeting.packed_protocols) if may_read_protocol else []
        context.update(
            meeting=meeting,
            forum=meeting.forum,
            items=items,
            meeting_attachments=files.get(None, []),
            total_minutes=sum(item.duration_minutes or 0 for item in items),
            own_attendance=own,
            can_see_attendance=user.has_perm("core.view_meeting_history", meeting),
            attendances=attendances,
            can_see_minutes=can_see_minutes,
            signers=signers,
            can_adjust=any(s.user_id == user.pk and s.approved_at is None for s in signers)
            and user.has_perm("core.adjust_minutes", meeting),
            protocols=protocols,
            protocol_pending=may_read_protocol and not protocols,
            can_change=user.has_perm("core.change_meeting", meeting),
            can_respond=own is not None and meeting.is_upcoming,
            notice_too_late=meeting.status == MeetingStatus.PLANNED and meeting.starts_at <= timezone.now(),
            minutes_targets=[
                MinutesStatus(target)
                for target in MinutesStatus
                if meeting.can_move_minutes_to(target)
                and meeting.starts_at <= timezone.now()
                # A protocol is approved by its chair and adjusters, not by the coordinator.
                and not (protocol and target == MinutesStatus.APPROVED)
            ],
            sections=meeting_sections(self.request, meeting),
            MeetingStatus=MeetingStatus,
            MinutesStatus=MinutesStatus,
            RSVP=RSVP,
        )
        return context


class MeetingFormMixin(_FormView):
    template_name = "core/meeting_form.html"

    @property
    def forum(self) -> Forum:
        raise NotImplementedError

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
        services.create_meeting(meeting, form.cleaned_data["invitees"], by=signed_in_user(self.request))
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
                meeting, form.changed_data + _time_changes(form), by=signed_in_user(self.request)
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
def publish_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the agenda and send the notice with an invitation (permission: core.change_meeting)."""
    meeting = load_object(request, MEETINGS, pk, view="core.view_meeting", act="core.change_meeting")
    without_notice = request.POST.get("past") == "confirmed"
    try:
        sent = services.publish_agenda(
            meeting, by=signed_in_user(request), without_notice_for_past=without_notice
        )
    except ValidationError as error:
        if error.code == services.PAST_MEETING:
            # The page then offers the confirmation beside the date (notice_too_late).
            messages.warning(request, error.messages[0])
        else:
            report_errors(request, error)
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
            services.cancel_meeting(self.object, form.cleaned_data["reason"], by=signed_in_user(self.request))
        except ValidationError as error:
            report_errors(self.request, error)
        else:
            messages.success(self.request, _("The meeting is cancelled."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.object, **kwargs)


@require_POST
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    """An invited member confirms or excuses their attendance (permission: core.respond_to_meeting)."""
    meeting = load_object(request, MEETINGS, pk, view="core.view_meeting", act="core.respond_to_meeting")
    try:
        attendance = services.respond(meeting, signed_in_user(request), request.POST.get("answer", ""))
    except ValidationError as error:
        report_errors(request, error)
    else:
        if attendance.rsvp == RSVP.ATTENDING:
            messages.success(request, _("Thank you: you are noted as attending."))
        else:
            messages.success(request, _("Thank you: you are noted as excused."))
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
            (
                # Who was chosen to chair and adjust, and when each approved the protocol.
                _("Chair or adjuster"),
                MinutesSigner.history.model.objects.filter(meeting_id=meeting.pk).select_related(
                    "history_user", "user"
                ),
                lambda r: r.user.full_name if r.user else "",
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


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting as an iCalendar file (permission: core.view_meeting)."""
    meeting = load_object(request, MEETINGS.prefetch_related("agenda_items"), pk, view="core.view_meeting")
    response = HttpResponse(
        calendar_for([meeting], method="PUBLISH"), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
