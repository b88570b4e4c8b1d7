"""Forms of actions: the action itself, with its responsible contact, and its progress updates."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, TranslationsMixin, content_language_field, form_field
from core.models import Department, NationalMinority, Role, User
from core.plumbing.uploads import validate_attachment

from ..models import Action, ActionStatus, Goal
from ..services import action_errors

LANGUAGE_NOTE = _("Write in Swedish; Finnish and English are shown to those who read the portal in them.")


def contact_choices():
    """Who may answer for an action or a duty: active administration contacts and coordinators."""
    return (
        User.objects.filter(is_active=True, role__in=[Role.ADMIN_CONTACT, Role.COORDINATOR])
        .select_related("department")
        .order_by("full_name")
    )


class ContactChoiceField(forms.ModelChoiceField):
    """Each contact with their department's code, so that one of the right department is chosen."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name} ({obj.department.code})" if obj.department else obj.full_name


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "title_sv",
            "title_fi",
            "title_en",
            "description_sv",
            "description_fi",
            "description_en",
            "cycle",
            "goals",
            "minorities",
            "department",
            "responsible",
            "collaborating_departments",
            "starts_on",
            "due_on",
            "status",
            "progress",
            "cancel_reason",
            "is_public",
            "origin_proposal",
            "origin_agenda_item",
            "origin_commitment",
        ]
        labels = {
            "title_sv": _("Title in Swedish"),
            "title_fi": _("Title in Finnish"),
            "title_en": _("Title in English"),
            "description_sv": _("Description in Swedish"),
            "description_fi": _("Description in Finnish"),
            "description_en": _("Description in English"),
        }
        widgets = {
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "cancel_reason": forms.Textarea(attrs={"rows": 2}),
            "starts_on": DateInput(),
            "due_on": DateInput(),
            "goals": forms.CheckboxSelectMultiple(),
            "minorities": forms.CheckboxSelectMultiple(),
            "collaborating_departments": forms.CheckboxSelectMultiple(),
            "origin_proposal": forms.HiddenInput(),
            "origin_agenda_item": forms.HiddenInput(),
            "origin_commitment": forms.HiddenInput(),
        }
        field_classes = {"responsible": ContactChoiceField}
        help_texts = {
            "cancel_reason": _("Required when the action is cancelled."),
            "is_public": _("Public actions are shown to everyone, also without signing in."),
            "responsible": _("The administration contact who reports progress."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_sv"].required = True
        form_field(self, "cycle", forms.ModelChoiceField).empty_label = None
        form_field(self, "goals", forms.ModelMultipleChoiceField).queryset = Goal.objects.order_by(
            "code", "pk"
        )
        form_field(
            self, "minorities", forms.ModelMultipleChoiceField
        ).queryset = NationalMinority.objects.all()
        form_field(self, "department", forms.ModelChoiceField).queryset = Department.objects.all()
        form_field(
            self, "collaborating_departments", forms.ModelMultipleChoiceField
        ).queryset = Department.objects.all()
        form_field(self, "responsible", forms.ModelChoiceField).queryset = contact_choices()

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        # The one rule save_action enforces; a field that failed its own check is not judged again.
        for field, messages in action_errors(data).items():
            for message in messages:
                self.add_error(field if field in self.fields and field not in self.errors else None, message)
        return data


class ProgressUpdateForm(TranslationsMixin, forms.Form):
    translated_fields = ("text",)

    written_on = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(
        label=_("What has happened"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("What was done since the last update, and what comes next."),
        error_messages={"required": _("Write what has happened.")},
    )
    language = content_language_field()
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, help_text=_("A whole number from 0 to 100.")
    )
    file = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument or images, at most 20 MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translation_fields()

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(_("Write what has happened."))
        return text

    def clean_written_on(self) -> dt.date:
        day = self.cleaned_data["written_on"]
        if day > timezone.localdate():
            raise ValidationError(_("An update cannot be dated in the future."))
        return day

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.file_type = validate_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        if data.get("status") == ActionStatus.DONE and data.get("progress") not in (None, 100):
            self.add_error("progress", _("A done action is 100 per cent complete."))
        return data
