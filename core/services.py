"""Writes that touch several rows or send mail: calling, changing and cancelling meetings, their agenda, the
minutes and their workflow, answers to a notice and attendance. Mail is queued through the outbox, in each
person's language. Every write to an agenda or its minutes locks the meeting row first (`_lock_agenda`).
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import Max
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
    Delivery,
    DigestEntry,
    Forum,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesSigner,
    MinutesStatus,
    Paragraph,
    Presence,
    SignerRole,
    User,
)
from .plumbing.broker import hand_over
from .signals import minutes_published


def notify(
    people: Iterable[User],
    template: str,
    context: dict,
    ical_method: str | None = None,
    *,
    kind: str | None = None,
    about: models.Model | None = None,
    about_permission: str = "",
    link: str = "",
) -> int:
    """Mail each person, rendered in their own language, with the meeting's iCalendar when asked; returns how many.

    `kind` names the kind of message (core.notifications.KINDS): each person gets it at once, in their daily or
    weekly digest, or not at all, as they chose (a required kind always at once). A message kept for a digest
    remembers what it is `about` and the permission to see it (`about_permission`), so the digest can leave it
    out once the person may no longer see it; `link` (else `about.get_absolute_url()`) is where its line leads.
    """
    from .notifications import deliveries

    people = [person for person in people if person.email and person.is_active]
    chosen = deliveries(people, kind)
    count = 0
    meeting: Meeting | None = context.get("meeting")
    for person in people:
        delivery = chosen[person.pk]
        if delivery == Delivery.OFF:
            continue
        with translation.override(person.language or settings.LANGUAGE_CODE):
            full = {**context, "person": person, "site_url": settings.SITE_URL}
            subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
            body = render_to_string(f"{template}_body.txt", full)
            if delivery != Delivery.IMMEDIATE:
                _keep_for_digest(person, kind or "", subject, body, about, about_permission, link)
                continue
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


def _keep_for_digest(
    person: User, kind: str, subject: str, body: str, about: models.Model | None, permission: str, link: str
) -> DigestEntry:
    if not link and about is not None and hasattr(about, "get_absolute_url"):
        link = about.get_absolute_url()
    return DigestEntry.objects.create(
        user=person,
        kind=kind,
        subject=subject[:998],
        body=body,
        link=link[:500],
        about_type=ContentType.objects.get_for_model(about) if about is not None else None,
        about_id=about.pk if about is not None else None,
        about_permission=permission if about is not None else "",
    )


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
    if Paragraph.objects.filter(agenda_item=item).exists():
        raise ValidationError(_("An item with a paragraph number in the protocol cannot be deleted."))
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
    invited = invited_people(meeting)
    sent = notify(
        invited, "core/email/agenda_published", {"meeting": meeting}, "REQUEST", kind="meeting_notice"
    )
    return sent + notify(
        _forum_followers(meeting, exclude=invited, permission="core.view_meeting"),
        "core/email/forum_agenda",
        {"meeting": meeting},
        kind="forum_news",
        about=meeting,
        about_permission="core.view_meeting",
    )


def _forum_followers(meeting: Meeting, *, exclude: Iterable[User], permission: str) -> list[User]:
    """Those who follow the meeting's forum, are not among `exclude` and may see this (news of the forum)."""
    from .follows import followers_of

    excluded = {person.pk for person in exclude}
    return [
        person
        for person in followers_of(meeting.forum)
        if person.pk not in excluded and person.has_perm(permission, meeting)
    ]


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
        return notify(
            invited_people(meeting),
            "core/email/meeting_changed",
            {"meeting": meeting},
            "REQUEST",
            kind="meeting_notice",
        )
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
    return notify(
        invited_people(meeting),
        "core/email/meeting_cancelled",
        {"meeting": meeting},
        "CANCEL",
        kind="meeting_notice",
    )


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
    """Move the minutes one step; sending for review and publishing tell the members.

    A protocol forum's minutes go for review only with a chair and an adjuster, get their § numbers then,
    and are approved by those people (`adjust_minutes`), not by the coordinator.
    """
    if not meeting.can_move_minutes_to(target):
        raise ValidationError(
            _("The minutes cannot go from “%(current)s” to “%(target)s”.")
            % {"current": meeting.get_minutes_status_display(), "target": MinutesStatus(target).label}
        )
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Minutes can be sent out only once the meeting has begun."))
    protocol = meeting.forum.keeps_protocol
    signers = list(meeting.signers.select_related("user"))
    if protocol and target == MinutesStatus.APPROVED:
        raise ValidationError(_("A protocol is approved by its chair and adjusters, each in turn."))
    if protocol and target == MinutesStatus.IN_REVIEW:
        roles = {signer.role for signer in signers}
        if roles != {SignerRole.CHAIR, SignerRole.ADJUSTER}:
            raise ValidationError(_("Choose the chair and at least one adjuster before sending the minutes."))
        number_paragraphs(meeting)
    if target == MinutesStatus.DRAFT and signers:
        # Corrected minutes are a new text: everyone approves it again.
        for signer in signers:
            if signer.approved_at is not None:
                signer.approved_at = None
                stamp(signer, by=by, reason="back to draft")
                signer.save(update_fields=["approved_at"])
    meeting.minutes_status = target
    if target == MinutesStatus.PUBLISHED:
        meeting.minutes_published_at = timezone.now()
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        meeting.status = MeetingStatus.HELD
    stamp(meeting, by=by)
    meeting.save()
    if target == MinutesStatus.APPROVED:
        queue_protocols(meeting)
    if target == MinutesStatus.PUBLISHED:
        # The decisions reach those who follow what was decided (e.g. a proposal's proposer and followers).
        minutes_published.send(sender=Meeting, meeting=meeting)
    template = MINUTES_MAIL.get(MinutesStatus(target))
    if template is None:
        return 0
    people = invited_people(meeting)
    sent = 0
    if protocol and target == MinutesStatus.IN_REVIEW:
        signing = [signer.user for signer in signers]
        sent = notify(signing, "core/email/minutes_to_adjust", {"meeting": meeting}, kind="minutes_review")
        people = [person for person in people if person not in signing]
    kind = "minutes_review" if target == MinutesStatus.IN_REVIEW else "minutes_published"
    sent += notify(people, template, {"meeting": meeting}, kind=kind)
    if target == MinutesStatus.PUBLISHED:
        followers = _forum_followers(meeting, exclude=people, permission="core.view_minutes")
        sent += notify(
            followers,
            template,
            {"meeting": meeting},
            kind="forum_news",
            about=meeting,
            about_permission="core.view_minutes",
        )
    return sent


def signer_candidates(meeting: Meeting) -> list[User]:
    """Who may be chosen to chair or adjust: those invited to the meeting and the forum's current members."""
    invited = meeting.attendances.filter(user__isnull=False).values("user")
    members = Membership.objects.current().filter(forum=meeting.forum_id).values("user")
    return list(
        User.objects.filter(is_active=True)
        .filter(models.Q(pk__in=invited) | models.Q(pk__in=members))
        .order_by("full_name", "pk")
    )


@transaction.atomic
def set_signers(meeting: Meeting, chair: User, adjusters: list[User], by: User) -> list[MinutesSigner]:
    """Choose the chair and one or two adjusters; a new choice starts their approval over."""
    meeting = _lock_agenda(meeting)
    if not meeting.forum.keeps_protocol:
        raise ValidationError(_("Plain notes have no chair and adjusters to approve them."))
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise ValidationError(_("The chair and adjusters can be changed only while the minutes are a draft."))
    if not 1 <= len(adjusters) <= 2:
        raise ValidationError(_("Choose one or two adjusters."))
    if len({chair.pk, *(a.pk for a in adjusters)}) != 1 + len(adjusters):
        raise ValidationError(_("The chair and the adjusters must be different people."))
    for signer in meeting.signers.all():
        stamp(signer, by=by)
        signer.delete()
    chosen = [(chair, SignerRole.CHAIR)] + [(person, SignerRole.ADJUSTER) for person in adjusters]
    signers = []
    for person, role in chosen:
        signer = MinutesSigner(meeting=meeting, user=person, role=role)
        stamp(signer, by=by)
        signer.save()
        signers.append(signer)
    return signers


@transaction.atomic
def adjust_minutes(meeting: Meeting, person: User) -> bool:
    """The chair or an adjuster approves (justerar) the minutes; the last one to do so approves them.

    Returns whether the minutes are now approved.
    """
    meeting = _lock_agenda(meeting)
    if meeting.minutes_status != MinutesStatus.IN_REVIEW:
        raise ValidationError(_("Only minutes sent for review can be approved."))
    signer = meeting.signers.filter(user=person).first()
    if signer is None:
        raise ValidationError(_("Only the chair and the adjusters approve the minutes."))
    if signer.approved_at is None:
        signer.approved_at = timezone.now()
        stamp(signer, by=person, reason="adjusted")
        signer.save(update_fields=["approved_at"])
    if meeting.signers.filter(approved_at__isnull=True).exists():
        return False
    meeting.minutes_status = MinutesStatus.APPROVED
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        meeting.status = MeetingStatus.HELD
    stamp(meeting, by=person, reason="adjusted")
    meeting.save()
    queue_protocols(meeting)
    return True


def number_paragraphs(meeting: Meeting) -> list[Paragraph]:
    """Give the meeting's unnumbered items the forum's next § numbers of the year, in agenda order.

    Locks the forum row: two meetings of one forum numbered at the same moment wait for each other, so no
    number is given twice. Numbers once given stay, whatever happens to the minutes afterwards.
    """
    Forum.objects.select_for_update().only("pk").get(pk=meeting.forum_id)
    year = timezone.localtime(meeting.starts_at).year
    items = list(meeting.agenda_items.filter(paragraph__isnull=True).order_by("position", "pk"))
    if not items:
        return []
    last = Paragraph.objects.filter(forum_id=meeting.forum_id, year=year).aggregate(last=Max("number"))[
        "last"
    ]
    return Paragraph.objects.bulk_create(
        Paragraph(forum_id=meeting.forum_id, year=year, number=number, agenda_item=item)
        for number, item in enumerate(items, start=(last or 0) + 1)
    )


def queue_protocols(meeting: Meeting) -> None:
    """Once the approval is committed, render the protocol in Swedish and Finnish (core.render_protocols)."""
    from .tasks import render_protocols

    meeting_id = meeting.pk
    transaction.on_commit(lambda: hand_over(render_protocols, meeting_id))
