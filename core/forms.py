import datetime as dt
from typing import TypeVar

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .models import (
    INVITABLE_ROLES,
    AgendaItem,
    Attendance,
    Forum,
    Invitation,
    Meeting,
    Membership,
    Presence,
    Role,
    User,
    active_content_language,
)
from .plumbing.richtext import sanitise
from .plumbing.uploads import validate_attachment


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    field_order = ["full_name", "email", "password1", "password2"]


_Field = TypeVar("_Field", bound=forms.Field)


def form_field(form: forms.BaseForm, name: str, kind: type[_Field]) -> _Field:
    """One of a form's fields as the kind of field it is (a model's foreign key is a ModelChoiceField)."""
    field = form.fields[name]
    assert isinstance(field, kind), f"{name} is a {type(field).__name__}, not a {kind.__name__}"
    return field


def language_choices() -> list[tuple[str, str]]:
    """The portal's languages, each named in itself, so a person finds their own whatever the page's language."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


# The portal's languages only: a person's mail is written in one of them.
LANGUAGE_ERROR = _("Choose one of the languages in the list.")


class LanguageSelect(forms.Select):
    """A choice of languages, each option named in itself and marked with its language (WCAG 3.1.2)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


def writer_language(user) -> str:
    """What a person writes in by default: their own language, else the page's."""
    language = getattr(user, "language", "")
    return language if language in dict(settings.LANGUAGES) else active_content_language()


class ContentLanguageField(forms.ChoiceField):
    """The language a text is written in; left out of a post, it is `fallback` (or empty: the service decides).

    Shown as required (the list always has a choice), but a post without it is accepted.
    """

    fallback: str | None = None

    def validate(self, value):
        if value not in self.empty_values:
            super().validate(value)

    def clean(self, value):
        value = super().clean(value)
        return value or self.fallback or ""


def content_language_field(**kwargs) -> ContentLanguageField:
    """The language a text is written in, for the writer to confirm or change."""
    kwargs.setdefault("label", _("Written in"))
    kwargs.setdefault(
        "help_text", _("The language you write the text in, so that it is read aloud correctly.")
    )
    return ContentLanguageField(
        choices=language_choices(),
        widget=LanguageSelect,
        error_messages={"invalid_choice": LANGUAGE_ERROR},
        **kwargs,
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "title", "language"]
        error_messages = {"language": {"invalid_choice": LANGUAGE_ERROR}}
        widgets = {"language": LanguageSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The field's choices, not only the widget's: a value from outside the list is refused.
        form_field(self, "language", forms.ChoiceField).choices = language_choices()


# --- Meetings -----------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class MeetingForm(forms.ModelForm):
    """A meeting's time, place and invitees; the title in Swedish, and in Finnish and English if wanted."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    invitees = forms.ModelMultipleChoiceField(
        label=_("Invited"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The forum's current members. Those invited get the notice when the agenda is published."
        ),
    )

    class Meta:
        model = Meeting
        fields = ["title_sv", "title_fi", "title_en", "description", "location", "video_url"]
        labels = {
            "title_sv": _("Title in Swedish"),
            "title_fi": _("Title in Finnish"),
            "title_en": _("Title in English"),
        }
        help_texts = {
            "location": _("For example: Haninge kommunhus, room Poseidon."),
            "video_url": _("A link to join by video, if the meeting can be joined online."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, forum: Forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["title_sv"].required = True
        # Django keeps the constructor's assume_scheme as an attribute; the stubs know only the argument.
        form_field(self, "video_url", forms.URLField).assume_scheme = "https"  # type: ignore[attr-defined]
        members = User.objects.filter(
            pk__in=Membership.objects.current().filter(forum=forum).values("user")
        ).order_by("full_name")
        form_field(self, "invitees", forms.ModelMultipleChoiceField).queryset = members
        meeting = self.instance
        if meeting.pk:
            local_start = timezone.localtime(meeting.starts_at)
            self.initial.update(
                date=local_start.date(),
                start_time=local_start.time(),
                end_time=timezone.localtime(meeting.ends_at).time(),
                invitees=list(
                    meeting.attendances.filter(user__isnull=False).values_list("user_id", flat=True)
                ),
            )
        else:
            self.initial.setdefault("invitees", list(members.values_list("pk", flat=True)))

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None, "Django's clean() returns cleaned_data"
        date, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if date and start and end:
            if end <= start:
                self.add_error("end_time", _("The meeting must end after it starts."))
            else:
                tz = timezone.get_current_timezone()
                cleaned["starts_at"] = timezone.make_aware(dt.datetime.combine(date, start), tz)
                cleaned["ends_at"] = timezone.make_aware(dt.datetime.combine(date, end), tz)
        if not cleaned.get("location") and not cleaned.get("video_url"):
            self.add_error("location", _("Give a place, a video link, or both."))
        return cleaned

    def save(self, commit: bool = True) -> Meeting:
        meeting = super().save(commit=False)
        meeting.forum = self.forum
        meeting.title = self.cleaned_data["title_sv"]
        meeting.starts_at = self.cleaned_data["starts_at"]
        meeting.ends_at = self.cleaned_data["ends_at"]
        if commit:
            meeting.save()
        return meeting


class AgendaItemForm(forms.ModelForm):
    language = content_language_field()

    class Meta:
        model = AgendaItem
        fields = ["title", "description", "language", "presenter", "presenter_name", "duration_minutes"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "presenter_name": _("If the presenter has no account in the portal."),
        }

    def __init__(self, *args, meeting: Meeting, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.initial.setdefault("language", writer_language(user))
        form_field(self, "language", ContentLanguageField).fallback = (
            self.instance.language if self.instance.pk else writer_language(user)
        )
        form_field(self, "presenter", forms.ModelChoiceField).queryset = User.objects.filter(
            Q(pk__in=Membership.objects.current().filter(forum=meeting.forum).values("user"))
            | Q(role__in=[Role.COORDINATOR, Role.ADMIN_CONTACT])
        ).order_by("full_name")
        self.fields["duration_minutes"].widget.attrs.update(min=1, max=600)
        self.fields["duration_minutes"].validators.append(MaxValueValidator(600))


class MinutesItemForm(forms.ModelForm):
    """What was said, decided and handed out under one agenda item; rich text is sanitised on save."""

    # Named in each field's label for screen readers ("Decision, 2. Budget"), when the view sets it.
    label_context: str

    minutes_language = content_language_field(
        help_text=_("The language the notes of this item are written in.")
    )

    class Meta:
        model = AgendaItem
        fields = ["minutes", "decision", "follow_up", "minutes_language"]
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 5}),
            "decision": forms.Textarea(attrs={"rows": 2}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "minutes": _("Paragraphs are kept; simple formatting (bold, lists, links) is allowed."),
            "follow_up": _("For example: Helena Strömberg (SÄF) finds out the waiting times, by 2026-03-01."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not (self.instance.minutes or self.instance.decision or self.instance.follow_up):
            self.initial["minutes_language"] = writer_language(user)
        form_field(self, "minutes_language", ContentLanguageField).fallback = self.initial["minutes_language"]

    def clean_minutes(self) -> str:
        return sanitise(self.cleaned_data["minutes"])

    def clean_decision(self) -> str:
        return sanitise(self.cleaned_data["decision"])

    def clean_follow_up(self) -> str:
        return sanitise(self.cleaned_data["follow_up"])


class CancelMeetingForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancellation"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to everyone invited."),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument or an image, at most 20 MB."),
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("The whole meeting"),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "agenda_item", forms.ModelChoiceField).queryset = meeting.agenda_items.all()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = validate_attachment(upload)
        return upload


class GuestForm(forms.Form):
    guest_name = forms.CharField(label=_("Guest's name"), max_length=200)
    guest_organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)


class AttendanceForm(forms.Form):
    """One choice of presence per person invited or guest."""

    def __init__(self, *args, attendances: list[Attendance], **kwargs):
        super().__init__(*args, **kwargs)
        self.attendances = attendances
        for attendance in attendances:
            self.fields[f"presence_{attendance.pk}"] = forms.ChoiceField(
                label=attendance.name,
                choices=Presence.choices,
                initial=attendance.presence,
                widget=forms.RadioSelect,
            )

    def presence_by_attendance(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"presence_{a.pk}"] for a in self.attendances}


# --- Invitations ----------------------------------------------------------------------------------


class InvitationForm(forms.ModelForm):
    """Whom to invite, with which role, and optionally to which seat."""

    class Meta:
        model = Invitation
        fields = [
            "full_name",
            "email",
            "role",
            "department",
            "forum",
            "forum_role",
            "term_ends_on",
            "nominated_by",
            "language",
        ]
        widgets = {"term_ends_on": DateInput(), "language": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        form_field(self, "forum", forms.ModelChoiceField).queryset = (
            Forum.objects.active().select_related("minority").order_by("tier", "name")
        )
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the mail"),
            choices=language_choices(),
            widget=LanguageSelect,
            help_text=_("The invitation is written in this language."),
            error_messages={"invalid_choice": LANGUAGE_ERROR},
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(
            email__iexact=email, role__in=INVITABLE_ROLES + ["coordinator", "administrator"]
        ).exists():
            raise forms.ValidationError(_("This person already has an account with a role in the portal."))
        if Invitation.objects.filter(
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).exists():
            raise forms.ValidationError(
                _(
                    "A valid invitation to this address is already waiting; send it again from the list instead."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None, "Django's clean() returns cleaned_data"
        if cleaned.get("role") == Role.ADMIN_CONTACT and not cleaned.get("department"):
            self.add_error("department", _("An administration contact answers for a department: choose it."))
        if cleaned.get("forum") and not cleaned.get("forum_role"):
            self.add_error("forum_role", _("Choose the person's role in the forum."))
        if cleaned.get("forum_role") and not cleaned.get("forum"):
            self.add_error("forum", _("Choose the forum the role is in."))
        ends = cleaned.get("term_ends_on")
        if ends and ends < timezone.localdate():
            self.add_error("term_ends_on", _("The term cannot end in the past."))
        return cleaned


class AcceptInvitationForm(forms.Form):
    """A new account's name and password; the address is the one the invitation was sent to."""

    full_name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None, "Django's clean() returns cleaned_data"
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(
                    first, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


# --- Personal data --------------------------------------------------------------------------------


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The request or decision the erasure follows, e.g. its reference number."),
    )
    confirm_email = forms.CharField(label=_("Type the person's email address to confirm"), max_length=320)

    def __init__(self, *args, person: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm_email(self) -> str:
        typed = self.cleaned_data["confirm_email"].strip().lower()
        if typed != self.person.email.lower():
            raise forms.ValidationError(_("This is not the person's email address."))
        return typed
