"""Forms of the plan: goals, indicators and their values, and opening a cycle with its phases."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, form_field
from core.models import NationalMinority

from ..models import Cycle, Goal, Indicator, IndicatorValue, PhaseKind, Theme
from ..services import PhaseDates, default_phase_dates, validate_phases
from .actions import ActionForm


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
