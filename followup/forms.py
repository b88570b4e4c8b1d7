"""Forms of the follow-up: actions, progress updates, goals, indicators and their values, cycles, filters."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, content_language_field, form_field
from core.models import Department, NationalMinority, Role, User
from core.plumbing.uploads import validate_attachment

from .models import (
    Action,
    ActionStatus,
    Cycle,
    Goal,
    GrantCategory,
    GrantUse,
    Indicator,
    IndicatorValue,
    PhaseKind,
    StateGrant,
    Theme,
)
from .services import PhaseDates, action_errors, default_phase_dates, validate_phases

LANGUAGE_NOTE = _("Write in Swedish; Finnish and English are shown to those who read the portal in them.")


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
        responsible = form_field(self, "responsible", forms.ModelChoiceField)
        responsible.queryset = (
            User.objects.filter(is_active=True, role__in=[Role.ADMIN_CONTACT, Role.COORDINATOR])
            .select_related("department")
            .order_by("full_name")
        )

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        # The one rule save_action enforces; a field that failed its own check is not judged again.
        for field, messages in action_errors(data).items():
            for message in messages:
                self.add_error(field if field in self.fields and field not in self.errors else None, message)
        return data


class ProgressUpdateForm(forms.Form):
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


class GoalForm(forms.ModelForm):
    reason = forms.CharField(
        label=_("Reason for the change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
        help_text=_("Kept in the goal's history, for example the decision that revised it."),
        error_messages={"required": _("Say why the goal is revised.")},
    )

    class Meta:
        model = Goal
        fields = [
            "code",
            "kind",
            "title_sv",
            "title_fi",
            "title_en",
            "description_sv",
            "description_fi",
            "description_en",
            "themes",
            "minorities",
            "adopted_on",
        ]
        labels = ActionForm.Meta.labels
        widgets = {
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple(),
            "minorities": forms.CheckboxSelectMultiple(),
            "adopted_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_sv"].required = True
        form_field(self, "themes", forms.ModelMultipleChoiceField).queryset = Theme.objects.all()
        form_field(
            self, "minorities", forms.ModelMultipleChoiceField
        ).queryset = NationalMinority.objects.all()
        if self.instance.pk is None:
            self.fields["reason"].required = False
            self.fields["reason"].widget = forms.HiddenInput()

    def clean_reason(self) -> str:
        reason = self.cleaned_data.get("reason", "").strip()
        if self.instance.pk is not None and not reason:
            raise ValidationError(_("Say why the goal is revised."))
        return reason


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name_sv",
            "name_fi",
            "name_en",
            "description_sv",
            "description_fi",
            "description_en",
            "unit_sv",
            "unit_fi",
            "unit_en",
            "baseline",
            "baseline_on",
            "target",
            "target_on",
            "goals",
            "minorities",
        ]
        labels = {
            "name_sv": _("Name in Swedish"),
            "name_fi": _("Name in Finnish"),
            "name_en": _("Name in English"),
            "description_sv": _("Description in Swedish"),
            "description_fi": _("Description in Finnish"),
            "description_en": _("Description in English"),
            "unit_sv": _("Unit in Swedish"),
            "unit_fi": _("Unit in Finnish"),
            "unit_en": _("Unit in English"),
        }
        widgets = {
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "baseline_on": DateInput(),
            "target_on": DateInput(),
            "goals": forms.CheckboxSelectMultiple(),
            "minorities": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_sv"].required = True
        self.fields["unit_sv"].required = True
        form_field(self, "goals", forms.ModelMultipleChoiceField).queryset = Goal.objects.order_by(
            "code", "pk"
        )
        form_field(
            self, "minorities", forms.ModelMultipleChoiceField
        ).queryset = NationalMinority.objects.all()

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        if data.get("baseline") is not None and data.get("baseline") == data.get("target"):
            self.add_error("target", _("The target must differ from the baseline."))
        return data


class IndicatorValueForm(forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": DateInput()}
        help_texts = {"measured_on": _("A second value for the same day replaces the first.")}

    def clean_measured_on(self) -> dt.date:
        day = self.cleaned_data["measured_on"]
        if day > timezone.localdate():
            raise ValidationError(_("A value cannot be dated in the future."))
        return day

    def validate_unique(self) -> None:
        """A value for a day that already has one replaces it (services.record_value)."""


class CycleForm(forms.Form):
    """A new cycle: its year and the dates of its four phases (proposed from the year)."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = year
        for phase in default_phase_dates(year):
            kind = PhaseKind(phase.kind)
            self.fields[f"{kind.value}_starts"] = forms.DateField(
                label=_("%(phase)s starts") % {"phase": kind.label},
                initial=phase.starts_on,
                widget=DateInput(),
            )
            self.fields[f"{kind.value}_ends"] = forms.DateField(
                label=_("%(phase)s ends") % {"phase": kind.label}, initial=phase.ends_on, widget=DateInput()
            )

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if Cycle.objects.filter(year=year).exists():
            raise ValidationError(_("A cycle for %(year)s already exists.") % {"year": year})
        return year

    def phases(self) -> list[PhaseDates]:
        data = self.cleaned_data
        return [
            PhaseDates(kind.value, data[f"{kind.value}_starts"], data[f"{kind.value}_ends"])
            for kind in PhaseKind
        ]

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        if all(f"{k.value}_{end}" in data for k in PhaseKind for end in ("starts", "ends")):
            try:
                validate_phases(self.phases())
            except ValidationError as error:
                for message in error.messages:
                    self.add_error(None, message)
        return data


class LoadedChoiceIterator(forms.models.ModelChoiceIterator):
    """The options from objects the view has already loaded (`field.loaded`), else from the queryset."""

    def __iter__(self):
        loaded = getattr(self.field, "loaded", None)
        if loaded is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in loaded:
            yield self.choice(obj)

    def __len__(self) -> int:
        loaded = getattr(self.field, "loaded", None)
        if loaded is None:
            return super().__len__()
        return len(loaded) + (self.field.empty_label is not None)


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A model choice that offers and checks against objects loaded once for the whole page."""

    iterator = LoadedChoiceIterator
    loaded: list | None = None

    def to_python(self, value):
        if self.loaded is None or value in self.empty_values:
            return super().to_python(value)
        for obj in self.loaded:
            if str(obj.pk) == str(value):
                return obj
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class ActionFilters(forms.Form):
    """The goal, minority and department filters the register and the dashboard share.

    A view that has loaded the goals, minorities and departments passes them as `loaded`, so the
    form neither queries them again for its options nor to check a choice.
    """

    def __init__(self, *args, loaded: dict[str, list] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, objects in (loaded or {}).items():
            form_field(self, name, LoadedModelChoiceField).loaded = objects

    goal = LoadedModelChoiceField(
        label=_("Goal"),
        required=False,
        queryset=Goal.objects.order_by("code", "pk"),
        empty_label=_("All goals"),
    )
    minority = LoadedModelChoiceField(
        label=_("National minority"),
        required=False,
        queryset=NationalMinority.objects.all(),
        empty_label=_("All"),
    )
    department = LoadedModelChoiceField(
        label=_("Department"),
        required=False,
        queryset=Department.objects.all(),
        empty_label=_("All departments"),
    )


class RegisterFilterForm(ActionFilters):
    """The action register's filters, read from GET; every field may be left out."""

    ALL_CYCLES = "all"

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    cycle = forms.ChoiceField(label=_("Cycle"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *ActionStatus.choices]
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    field_order = ["q", "cycle", "status", "goal", "minority", "department", "overdue"]

    def __init__(self, *args, cycles: list[Cycle], **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "cycle", forms.ChoiceField).choices = [
            (str(c.year), str(c.year)) for c in cycles
        ] + [(self.ALL_CYCLES, _("All cycles"))]


class DashboardFilterForm(ActionFilters):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)

    field_order = ["year", "minority", "department", "goal"]

    def __init__(self, *args, cycles: list[Cycle], **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "year", forms.ChoiceField).choices = [(c.year, str(c.year)) for c in cycles]


class DepartmentChoiceForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.all(), required=False, empty_label=None
    )


class StateGrantForm(forms.ModelForm):
    class Meta:
        model = StateGrant
        fields = ["year", "amount", "report_due_on", "note"]
        widgets = {"report_due_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"year": {"unique": _("A state grant for that year has already been recorded.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The year is the grant's address; a wrong year is corrected by recording the right one.
            self.fields["year"].disabled = True


class GrantUseForm(forms.ModelForm):
    """One use of a year's grant; the actions offered are those of the grant year's cycle."""

    class Meta:
        model = GrantUse
        fields = ["category", "amount", "description", "actions"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "actions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, grant: StateGrant, **kwargs):
        super().__init__(*args, **kwargs)
        categories = GrantCategory.objects.filter(is_active=True)
        if self.instance.pk:
            categories = GrantCategory.objects.filter(
                models.Q(is_active=True) | models.Q(pk=self.instance.category_id)
            )
        category = form_field(self, "category", forms.ModelChoiceField)
        category.queryset = categories
        category.empty_label = None
        form_field(self, "actions", forms.ModelMultipleChoiceField).queryset = Action.objects.filter(
            cycle__year=grant.year
        ).order_by("title")
        self.fields["actions"].help_text = _("Actions of the cycle %(year)s that the money went to.") % {
            "year": grant.year
        }
