"""Writes that touch several rows or send mail: calling, changing and cancelling meetings, their agenda, the
minutes and their workflow, answers to a notice and attendance. Mail is queued through the outbox, in each
person's language. Every write to an agenda or its minutes locks the meeting row first (`_lock_agenda`).
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .history import stamp
from .ical import calendar_for
from .models import (
    RSVP,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesStatus,
    Presence,
    User,
)


def notify(
    people: Iterable[User],
    template: str,
    context: dict,
    ical_method: str | None = None,
    *,
    kind: str | None = None,
) -> int:
    """Mail each person, rendered in their own language, with the meeting's iCalendar when asked.

    `kind` names the kind of message (e.g. "proposal_progress"), for the person's notification settings.
    """
    count = 0
    meeting: Meeting | None = context.get("meeting")
    for person in people:
        if not person.email or not person.is_active:
            continue
        with translation.override(person.language or settings.LANGUAGE_CODE):
            full = {**context, "person": person, "site_url": settings.SITE_URL}
            subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
            body = render_to_string(f"{template}_body.txt", full)
            message = EmailMultiAlternatives(subject, body, to=[person.email])
            if meeting is not None and ical_method:
                message.attach(
                    "meeting.ics",
                    calendar_for([meeting], method=ical_method),
                    f"text/calendar; charset=utf-8; method={ical_method}",
                )
            message.send()
        count += 1
    return count


def _lock_agenda(meeting: Meeting) -> Meeting:
    """Lock the meeting row: every write to its agenda or minutes waits here, so no two read the same positions.

    Locking the item rows would not do: two additions that read the same last position would both take the next.
    """
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def add_agenda_item(meeting: Meeting, item: AgendaItem, by: User | None) -> AgendaItem:
    """Add an item at the end of the agenda, but before "any other business", which closes the meeting.

    An item already on the agenda after any other business is moved before it.
    """
    _lock_agenda(meeting)
    items = list(meeting.agenda_items.exclude(pk=item.pk).order_by("position", "pk"))
    closing = next((i for i in items if i.is_any_other_business), None)
    item.meeting = meeting
    if closing is None or item.is_any_other_business:
        item.position = max((i.position for i in items), default=0) + 1
    else:
        item.position = closing.position
        # Make room: any other business and whatever a coordinator put after it move down by one.
        for later in items:
            if later.position >= closing.position:
                later.position += 1
                stamp(later, by=by)
                later.save(update_fields=["position"])
    stamp(item, by=by)
    item.save()
    return item


def _keep_places(items: list[AgendaItem]) -> None:
    """The items were read before the lock: keep the places on the agenda that a move may have given them since."""
    positions = dict(AgendaItem.objects.filter(pk__in=[i.pk for i in items]).values_list("pk", "position"))
    for item in items:
        item.position = positions.get(item.pk, item.position)


@transaction.atomic
def update_agenda_item(item: AgendaItem, by: User) -> AgendaItem:
    """Save what a coordinator changed in an item; its place is changed only by moving it."""
    _lock_agenda(item.meeting)
    _keep_places([item])
    stamp(item, by=by)
    item.save()
    return item


@transaction.atomic
def move_agenda_item(item: AgendaItem, direction: str, by: User) -> None:
    """Move an item one place up or down; the agenda is then numbered 1, 2, 3... in its order."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be up or down, not {direction!r}")
    _lock_agenda(item.meeting)
    items = list(AgendaItem.objects.filter(meeting_id=item.meeting_id).order_by("position", "pk"))
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            each.position = position
            stamp(each, by=by)
            each.save(update_fields=["position"])


@transaction.atomic
def remove_agenda_item(item: AgendaItem, by: User) -> None:
    """Remove an item nothing was minuted or filed under; the other items keep their positions."""
    meeting = _lock_agenda(item.meeting)
    # Asked of the database under the lock: minutes saved a moment ago keep the item.
    minuted = meeting.agenda_items.filter(pk=item.pk).exclude(minutes="", decision="").exists()
    if minuted or item.attachments.exists():
        raise ValidationError(_("An item with minutes or attachments cannot be deleted."))
    stamp(item, by=by)
    item.delete()


def minutes_locked(meeting: Meeting) -> bool:
    """Approved or published minutes are the record: nobody changes them."""
    return meeting.minutes_status in {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}


@transaction.atomic
def save_minutes(meeting: Meeting, items: list[AgendaItem], by: User) -> None:
    """Save the minutes of these items of the meeting, unless they have been approved meanwhile."""
    if minutes_locked(_lock_agenda(meeting)):
        raise ValidationError(_("Approved minutes cannot be changed."))
    _keep_places(items)
    for item in items:
        stamp(item, by=by)
        item.save()


def invited_people(meeting: Meeting) -> list[User]:
    attendances = meeting.attendances.select_related("user").filter(user__isnull=False)
    return [a.user for a in attendances if a.user is not None]


@transaction.atomic
def create_meeting(meeting: Meeting, invitees: Iterable[User] | None, by: User) -> Meeting:
    """Save a new meeting and invite the chosen people (by default every current member of the forum)."""
    meeting.created_by = by
    meeting.save()
    if invitees is None:
        invitees = [
            m.user for m in Membership.objects.current().filter(forum=meeting.forum).select_related("user")
        ]
    set_invitees(meeting, invitees)
    return meeting


def set_invitees(meeting: Meeting, invitees: Iterable[User]) -> None:
    """Invite exactly these people; answers already given are kept."""
    wanted = {person.pk for person in invitees}
    meeting.attendances.filter(user__isnull=False).exclude(user__in=wanted).delete()
    existing = set(meeting.attendances.filter(user__isnull=False).values_list("user_id", flat=True))
    Attendance.objects.bulk_create([Attendance(meeting=meeting, user_id=pk) for pk in wanted - existing])


PAST_MEETING = "meeting_in_past"


@transaction.atomic
def publish_agenda(meeting: Meeting, by: User, *, without_notice_for_past: bool = False) -> int:
    """Call the meeting: publish the agenda and send the notice with an invitation to every invitee.

    A meeting that has already begun is most often a mistyped date, and a notice would invite people to
    something that is over: it is refused unless the coordinator confirms they are recording a meeting
    already held, and then the agenda is published without mailing anyone.
    """
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("The agenda of this meeting has already been published."))
    if not meeting.agenda_items.exists():
        raise ValidationError(_("Add at least one agenda item before you publish the agenda."))
    in_past = meeting.starts_at <= timezone.now()
    if in_past and not without_notice_for_past:
        raise ValidationError(
            _(
                "The meeting was to begin %(when)s, which has passed, so no notice was sent. If the date "
                "is wrong, change it first. If you are recording a meeting that has already been held, "
                "publish the agenda without a notice."
            ),
            code=PAST_MEETING,
            params={"when": date_format(timezone.localtime(meeting.starts_at), "SHORT_DATETIME_FORMAT")},
        )
    meeting.status = MeetingStatus.AGENDA_PUBLISHED
    meeting.agenda_published_at = timezone.now()
    meeting.ical_sequence += 1
    stamp(meeting, reason="agenda published")
    meeting.save()
    if in_past:
        return 0
    return notify(invited_people(meeting), "core/email/agenda_published", {"meeting": meeting}, "REQUEST")


# Changes to these fields after the notice has gone out are sent to the invitees again.
NOTIFIED_FIELDS = ("starts_at", "ends_at", "location", "video_url")


@transaction.atomic
def update_meeting(meeting: Meeting, changed_fields: Iterable[str], by: User) -> int:
    """Save changes; once the notice is out, a change of time or place is sent as an updated invitation."""
    relevant = [f for f in changed_fields if f in NOTIFIED_FIELDS]
    called = meeting.status == MeetingStatus.AGENDA_PUBLISHED
    if called and relevant:
        meeting.ical_sequence += 1
    meeting.save()
    if called and relevant:
        return notify(invited_people(meeting), "core/email/meeting_changed", {"meeting": meeting}, "REQUEST")
    return 0


@transaction.atomic
def cancel_meeting(meeting: Meeting, reason: str, by: User) -> int:
    """Cancel the meeting and, if it had been called, send the cancellation to every invitee."""
    if meeting.is_cancelled:
        raise ValidationError(_("The meeting is already cancelled."))
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("A meeting that has been held cannot be cancelled."))
    was_called = meeting.status == MeetingStatus.AGENDA_PUBLISHED
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancellation_reason = reason
    meeting.ical_sequence += 1
    meeting.save()
    if not was_called:
        return 0
    return notify(invited_people(meeting), "core/email/meeting_cancelled", {"meeting": meeting}, "CANCEL")


@transaction.atomic
def respond(meeting: Meeting, person: User, answer: str) -> Attendance:
    """A member confirms or excuses their attendance of a coming meeting."""
    if answer not in (RSVP.ATTENDING, RSVP.DECLINED):
        raise ValidationError(_("Choose whether you will attend."))
    attendance = meeting.attendances.select_for_update().get(user=person)
    attendance.rsvp = answer
    if answer == RSVP.DECLINED and attendance.presence == Presence.UNKNOWN:
        attendance.presence = Presence.EXCUSED
    elif answer == RSVP.ATTENDING and attendance.presence == Presence.EXCUSED:
        attendance.presence = Presence.UNKNOWN
    attendance.save()
    return attendance


@transaction.atomic
def record_attendance(meeting: Meeting, presence_by_attendance: dict[int, str], by: User) -> None:
    """Record who came; recording attendance marks a called meeting as held."""
    for attendance in meeting.attendances.filter(pk__in=presence_by_attendance):
        new = presence_by_attendance[attendance.pk]
        if attendance.presence != new:
            attendance.presence = new
            attendance.save(update_fields=["presence"])
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED and meeting.starts_at <= timezone.now():
        meeting.status = MeetingStatus.HELD
        meeting.save(update_fields=["status"])


@transaction.atomic
def add_guest(meeting: Meeting, name: str, organisation: str, by: User) -> Attendance:
    return Attendance.objects.create(
        meeting=meeting, guest_name=name, guest_organisation=organisation, presence=Presence.PRESENT
    )


MINUTES_MAIL = {
    MinutesStatus.IN_REVIEW: "core/email/minutes_for_review",
    MinutesStatus.PUBLISHED: "core/email/minutes_published",
}


@transaction.atomic
def move_minutes(meeting: Meeting, target: str, by: User) -> int:
    """Move the minutes one step; sending for review and publishing tell the members."""
    if not meeting.can_move_minutes_to(target):
        raise ValidationError(
            _("The minutes cannot go from “%(current)s” to “%(target)s”.")
            % {"current": meeting.get_minutes_status_display(), "target": MinutesStatus(target).label}
        )
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Minutes can be sent out only once the meeting has begun."))
    meeting.minutes_status = target
    if target == MinutesStatus.PUBLISHED:
        meeting.minutes_published_at = timezone.now()
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        meeting.status = MeetingStatus.HELD
    meeting.save()
    template = MINUTES_MAIL.get(MinutesStatus(target))
    if template is None:
        return 0
    return notify(invited_people(meeting), template, {"meeting": meeting})
