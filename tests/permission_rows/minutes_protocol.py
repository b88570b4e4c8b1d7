"""Rows for minutes as Swedish practice keeps them: the chair and adjusters, their approval, the protocol."""

from tests.permission_rows import everyone


def _finnish(world) -> dict:
    return {"pk": world["meetings"]["finnish"].pk}


def _approved_protocol(world) -> dict:
    """A held meeting of the Sweden Finns' dialogue group, its minutes approved (not published), with the
    protocol in Finnish; a meeting of its own, so the crawls of the other pages see the world unchanged."""
    import datetime as dt

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from core.models import MeetingProtocol, MeetingStatus, MinutesStatus
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        starts_at=timezone.now() - dt.timedelta(days=20),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.APPROVED,
    )
    protocol = MeetingProtocol(meeting=meeting, language="fi", pages=1, size=9)
    protocol.file.save("protocol.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return {"pk": meeting.pk, "language": "fi"}


# Approved minutes are read by the forum's members and coordinators; a politician reads them once published;
# others signed in get 404 (they may not know of them); visitors are asked to sign in.
READ_APPROVED_FINNISH = {
    "anonymous": 302,
    "resident": 404,
    "representative": 200,
    "other_representative": 404,
    "admin_contact": 200,
    "politician": 404,
    "coordinator": 200,
    "administrator": 200,
}

ROWS = {
    "core:minutes_signers": (_finnish, everyone(405)),
    "core:minutes_adjust": (_finnish, everyone(405)),
    "core:meeting_protocol": (_approved_protocol, READ_APPROVED_FINNISH),
}
