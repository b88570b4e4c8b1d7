"""The forms of the shared app, by concern; `from core.forms import X` is the way in."""

from .accounts import ErasureForm, ProfileForm, SignupForm
from .fields import (
    LANGUAGE_ERROR,
    ContentLanguageField,
    DateInput,
    LanguageSelect,
    TimeInput,
    TranslationsMixin,
    content_language_field,
    form_field,
    language_choices,
    writer_language,
)
from .invitations import AcceptInvitationForm, InvitationForm
from .meetings import (
    AgendaItemForm,
    AttachmentForm,
    AttendanceForm,
    CancelMeetingForm,
    GuestForm,
    MeetingForm,
    MinutesItemForm,
    SignersForm,
)
from .notifications import NotificationSettingsForm

__all__ = [
    "LANGUAGE_ERROR",
    "AcceptInvitationForm",
    "NotificationSettingsForm",
    "AgendaItemForm",
    "AttachmentForm",
    "AttendanceForm",
    "CancelMeetingForm",
    "ContentLanguageField",
    "DateInput",
    "ErasureForm",
    "GuestForm",
    "InvitationForm",
    "LanguageSelect",
    "MeetingForm",
    "MinutesItemForm",
    "SignersForm",
    "ProfileForm",
    "SignupForm",
    "TimeInput",
    "TranslationsMixin",
    "content_language_field",
    "form_field",
    "language_choices",
    "writer_language",
]
