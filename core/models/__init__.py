"""What all tiers share: people and their roles, minorities and languages, departments, forums,
memberships with a term, meetings, and the mail outbox.

One module per aggregate; `from core.models import X` is the way in. The modules are imported in the
order the models were declared when they shared one file: the app registry keeps that order, and so do
the reverse relations of a person that an erasure walks (core/privacy.py).
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # modeltranslation gives every translated model's plain manager its class, MultilingualManager,
    # when the apps load: the django-stubs plugin looks that class up, so mypy must have read it.
    import modeltranslation.manager  # noqa: F401

# isort: off
from .people import Role, User, UserManager, new_feed_token
from .languages import Language, active_content_language, content_language_field
from .organisation import Department, NationalMinority
from .forums import Forum, ForumQuerySet, ForumRole, Membership, MembershipQuerySet, MinutesKind, Tier
from .meetings import (
    ANY_OTHER_BUSINESS_TITLES,
    MINUTES_TRANSITIONS,
    RSVP,
    SEES_EVERY_MEETING,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingQuerySet,
    MeetingProtocol,
    MeetingStatus,
    MinutesSigner,
    MinutesStatus,
    Paragraph,
    Presence,
    SignerRole,
    protocol_path,
    is_any_other_business_title,
    new_uid,
)
from .attachments import Attachment, attachment_path
from .outbox import MailState, OutgoingMail, OutgoingMailQuerySet
from .invitations import INVITABLE_ROLES, Invitation, InvitationStatus, invitation_token_hash
from .privacy import AccessLogEntry, ErasureRecord
from .pagecache import PendingPageCacheBump
from .notifications import Delivery, DigestEntry, Follow, NotificationPreference
from .reminders import SentReminder
from .sessions import Session

# isort: on

__all__ = [
    "ANY_OTHER_BUSINESS_TITLES",
    "INVITABLE_ROLES",
    "MINUTES_TRANSITIONS",
    "RSVP",
    "SEES_EVERY_MEETING",
    "SentReminder",
    "Session",
    "AccessLogEntry",
    "AgendaItem",
    "Delivery",
    "DigestEntry",
    "Follow",
    "NotificationPreference",
    "Attachment",
    "Attendance",
    "Department",
    "ErasureRecord",
    "Forum",
    "MeetingProtocol",
    "MinutesKind",
    "MinutesSigner",
    "Paragraph",
    "SignerRole",
    "protocol_path",
    "ForumQuerySet",
    "ForumRole",
    "Invitation",
    "InvitationStatus",
    "Language",
    "MailState",
    "Meeting",
    "MeetingQuerySet",
    "MeetingStatus",
    "Membership",
    "MembershipQuerySet",
    "MinutesStatus",
    "NationalMinority",
    "OutgoingMail",
    "OutgoingMailQuerySet",
    "PendingPageCacheBump",
    "Presence",
    "Role",
    "Tier",
    "User",
    "UserManager",
    "active_content_language",
    "attachment_path",
    "content_language_field",
    "invitation_token_hash",
    "is_any_other_business_title",
    "new_feed_token",
    "new_uid",
]
