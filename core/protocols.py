"""The protocol: a meeting's approved minutes as a tagged PDF/UA-1 document in Swedish and in Finnish.

Made once the minutes are approved and archived with the meeting (`MeetingProtocol`); each text is shown in
the document's language where it was written or translated, otherwise as written and marked with its language.
"""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Meeting, MeetingProtocol, MinutesStatus, Presence
from .plumbing.pdf import tagged_pdf

PROTOCOL_LANGUAGES = ("sv", "fi")


def protocol_html(meeting: Meeting, language: str) -> str:
    with translation.override(language):
        attendances = list(
            meeting.attendances.select_related("user").order_by("user__full_name", "guest_name")
        )
        context = {
            "meeting": meeting,
            "forum": meeting.forum,
            "language": language,
            "items": list(
                meeting.agenda_items.select_related("paragraph", "presenter").order_by("position", "pk")
            ),
            "present": [a for a in attendances if a.presence == Presence.PRESENT and not a.is_guest],
            "guests": [a for a in attendances if a.is_guest],
            "absent": [a for a in attendances if a.presence in {Presence.ABSENT, Presence.EXCUSED}],
            "signers": list(meeting.signers.select_related("user")),
            "made_at": timezone.now(),
        }
        return render_to_string("core/pdf/protocol.html", context)


def meetings_missing_protocols(limit: int = 20) -> list[int]:
    """Approved or published minutes whose protocol is missing in a language (a lost task, a broker down)."""
    return list(
        Meeting.objects.filter(minutes_status__in=[MinutesStatus.APPROVED, MinutesStatus.PUBLISHED])
        .annotate(made=Count("protocols", filter=Q(protocols__language__in=PROTOCOL_LANGUAGES)))
        .filter(made__lt=len(PROTOCOL_LANGUAGES))
        .order_by("-starts_at")
        .values_list("pk", flat=True)[:limit]
    )


def render_protocols(meeting_id: int) -> int:
    """Render and store the missing protocols of approved minutes; safe to run twice (returns how many it made)."""
    meeting = Meeting.objects.select_related("forum").filter(pk=meeting_id).first()
    if meeting is None or meeting.minutes_status not in {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}:
        return 0
    made = 0
    for language in PROTOCOL_LANGUAGES:
        if MeetingProtocol.objects.filter(meeting=meeting, language=language).exists():
            continue
        pdf, pages = tagged_pdf(protocol_html(meeting, language))
        protocol = MeetingProtocol(meeting=meeting, language=language, pages=pages, size=len(pdf))
        protocol.file.save(f"protocol-{meeting.pk}-{language}.pdf", ContentFile(pdf), save=False)
        try:
            with transaction.atomic():
                protocol.save()
        except IntegrityError:
            # Another run stored it meanwhile: the unique constraint keeps theirs, and this run's file goes.
            protocol.file.delete(save=False)
            continue
        made += 1
    return made
