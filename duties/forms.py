"""Forms of the register of duties: a duty (configuration, in sv/fi/en) and a year's assessment of it."""

import rules
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, content_language_field, form_field
from core.models import Department, Meeting, MeetingStatus
from core.plumbing.uploads import validate_attachment
from followup.forms import ContactChoiceField, contact_choices
from followup.models import Action
from proposals.models import ConsultationRecord

from .models import AssessmentStatus, Duty, DutyAssessment

TEXTS = {
    "title": (_("Title in Swedish"), _("Title in Finnish"), _("Title in English")),
    "description": (
        _("Description in Swedish"),
        _("Description in Finnish"),
        _("Description in English"),
    ),
    "source": (_("Source in Swedish"), _("Source in Finnish"), _("Source in English")),
}


class DutyForm(forms.ModelForm):
    class Meta:
        model = Duty
        fields = [
            *(f"{name}_{code}" for name in TEXTS for code in ("sv", "fi", "en")),
            "code",
            "provision",
            "checked_on",
            "scope",
            "in_force_from",
            "on_request",
            "counts_served",
            "departments",
            "contact",
            "position",
            "is_active",
        ]
        labels = {
            f"{name}_{code}": label
            for name, labels in TEXTS.items()
            for code, label in zip(("sv", "fi", "en"), labels, strict=True)
        }
        widgets = {
            **{f"description_{code}": forms.Textarea(attrs={"rows": 4}) for code in ("sv", "fi", "en")},
            "checked_on": DateInput(),
            "in_force_from": DateInput(),
            "departments": forms.CheckboxSelectMultiple(),
        }
        field_classes = {"contact": ContactChoiceField}
        help_texts = {"contact": _("The person who answers for the duty and records its assessment.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TEXTS:
            self.fields[f"{name}_sv"].required = True
        form_field(
            self, "departments", forms.ModelMultipleChoiceField
        ).queryset = Department.objects.order_by("name")
        form_field(self, "contact", forms.ModelChoiceField).queryset = contact_choices()

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        if data.get("counts_served") and not data.get("on_request"):
            self.add_error(
                "counts_served", _("Only a service on request counts those served: tick that box as well.")
            )
        return data


class MeetingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.starts_at:%Y-%m-%d} {obj.forum.name}: {obj.title}"


class ConsultationRecordChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.consulted_on:%Y-%m-%d} {obj.consulted}: {obj.what_they_said[:80]}"


class AssessmentForm(forms.ModelForm):
    """A year's assessment; the request figures are asked only of a service on request."""

    language = content_language_field()
    file = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument or images, at most 20 MB."),
    )
    file_type = ""

    class Meta:
        model = DutyAssessment
        fields = [
            "status",
            "evidence",
            "language",
            "actions",
            "meetings",
            "consultations",
            "requests_received",
            "requests_offered",
            "served",
        ]
        widgets = {
            "status": forms.RadioSelect(),
            "evidence": forms.Textarea(attrs={"rows": 6}),
            "actions": forms.CheckboxSelectMultiple(),
            "meetings": forms.CheckboxSelectMultiple(),
            "consultations": forms.CheckboxSelectMultiple(),
        }
        field_classes = {"meetings": MeetingChoiceField, "consultations": ConsultationRecordChoiceField}
        help_texts = {
            "actions": _("The year's actions of the responsible departments that the duty was met through."),
            "meetings": _("Meetings held in the year where the matter was consulted on or decided."),
            "consultations": _(
                "Records of the consultation log from the year: who was consulted and what it changed."
            ),
        }

    def __init__(self, *args, duty: Duty, year: int, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.duty = duty
        form_field(self, "status", forms.ChoiceField).choices = AssessmentStatus.choices
        departments = list(duty.departments.all())
        linked_actions = self.instance.actions.all() if self.instance.pk else Action.objects.none()
        form_field(self, "actions", forms.ModelMultipleChoiceField).queryset = (
            Action.objects.filter(
                Q(cycle__year=year)
                & (Q(department__in=departments) | Q(collaborating_departments__in=departments))
                | Q(pk__in=linked_actions.values("pk"))
            )
            .distinct()
            .order_by("title", "pk")
        )
        linked_meetings = self.instance.meetings.all() if self.instance.pk else Meeting.objects.none()
        form_field(self, "meetings", forms.ModelMultipleChoiceField).queryset = (
            Meeting.objects.filter(
                Q(starts_at__year=year, status=MeetingStatus.HELD) | Q(pk__in=linked_meetings.values("pk"))
            )
            .select_related("forum")
            .order_by("starts_at", "pk")
        )
        linked_records = (
            self.instance.consultations.all() if self.instance.pk else ConsultationRecord.objects.none()
        )
        records = form_field(self, "consultations", forms.ModelMultipleChoiceField)
        records.queryset = ConsultationRecord.objects.filter(
            Q(consulted_on__year=year) | Q(pk__in=linked_records.values("pk"))
        ).order_by("consulted_on", "pk")
        if user is None or not rules.has_perm("proposals.view_consultation_log", user):
            # The consultation log is for those who run the forums and politicians; the links others cannot
            # see stay as they are.
            del self.fields["consultations"]
        if not duty.on_request:
            for name in ("requests_received", "requests_offered", "served"):
                del self.fields[name]
        elif not duty.counts_served:
            del self.fields["served"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.file_type = validate_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        status = data.get("status")
        if status and status != AssessmentStatus.NOT_ASSESSED and not (data.get("evidence") or "").strip():
            self.add_error("evidence", _("Say what the status rests on: what was done, decided or offered."))
        received, offered = data.get("requests_received"), data.get("requests_offered")
        if received is not None and offered is not None and offered > received:
            self.add_error(
                "requests_offered", _("More requests cannot be offered than were received in the year.")
            )
        return data


class RegisterFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "year", forms.TypedChoiceField).choices = [(y, str(y)) for y in years]
        form_field(self, "department", forms.ModelChoiceField).queryset = Department.objects.order_by("name")
        form_field(self, "status", forms.ChoiceField).choices = [("", _("All")), *AssessmentStatus.choices]
