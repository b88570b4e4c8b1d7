"""Forms of meetings: the meeting itself, its agenda and minutes, cancellation, attachments and attendance."""

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import AgendaItem, Attendance, Forum, Meeting, Membership, Presence, Role, User
from ..plumbing.richtext import sanitise
from ..plumbing.uploads import validate_attachment
from .fields import (
    ContentLanguageField,
    DateInput,
    TimeInput,
    TranslationsMixin,
    content_language_field,
    form_field,
    writer_language,
)


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


class AgendaItemForm(TranslationsMixin, forms.ModelForm):
    language = content_language_field()
    translated_fields = ("title", "description")

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "description",
            "language",
            "title_translation",
            "description_translation",
            "presenter",
            "presenter_name",
            "duration_minutes",
        ]
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
        self.add_translation_fields()


class MinutesItemForm(TranslationsMixin, forms.ModelForm):
    """What was said, decided and handed out under one agenda item; rich text is sanitised on save.

    Each text may have its translation into the other of Swedish and Finnish, sanitised the same way.
    """

    translated_fields = ("minutes", "decision", "follow_up")
    translation_language_field = "minutes_language"
    rich_translations = True

    # Named in each field's label for screen readers ("Decision, 2. Budget"), when the view sets it.
    label_context: str

    minutes_language = content_language_field(
        help_text=_("The language the notes of this item are written in.")
    )

    class Meta:
        model = AgendaItem
        fields = [
            "minutes",
            "decision",
            "follow_up",
            "minutes_language",
            "minutes_translation",
            "decision_translation",
            "follow_up_translation",
        ]
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
        self.add_translation_fields()

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


class SignersForm(forms.Form):
    """The chair and one or two adjusters (justerare) who approve the meeting's protocol."""

    chair = forms.ModelChoiceField(label=_("Chair"), queryset=User.objects.none())
    adjuster = forms.ModelChoiceField(label=_("Adjuster"), queryset=User.objects.none())
    second_adjuster = forms.ModelChoiceField(
        label=_("Second adjuster"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, candidates: list[User], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        queryset = User.objects.filter(pk__in=[person.pk for person in candidates]).order_by(
            "full_name", "pk"
        )
        for name in ("chair", "adjuster", "second_adjuster"):
            form_field(self, name, forms.ModelChoiceField).queryset = queryset

    def clean(self):
        cleaned = super().clean() or {}
        chosen: list[User] = [cleaned[n] for n in ("chair", "adjuster", "second_adjuster") if cleaned.get(n)]
        if len({person.pk for person in chosen}) != len(chosen):
            raise forms.ValidationError(_("The chair and the adjusters must be different people."))
        return cleaned

    @property
    def adjusters(self) -> list[User]:
        return [p for p in (self.cleaned_data.get("adjuster"), self.cleaned_data.get("second_adjuster")) if p]
