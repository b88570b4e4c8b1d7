import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.models import Forum, NationalMinority, Tier

from .models import Mandate


class MandateForm(forms.ModelForm):
    class Meta:
        model = Mandate
        fields = ["purpose", "starts_on", "ends_on", "set_up_by", "decision_reference"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "starts_on": DateInput,
            "ends_on": DateInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Working groups are set up by the consultation group or a dialogue group, not by each other.
        self.fields["set_up_by"].queryset = Forum.objects.exclude(tier=Tier.WORKING_GROUP).order_by(
            "tier", "name"
        )


class WorkingGroupForm(MandateForm):
    """A coordinator sets up a working group: its name, the minority it concerns, its mandate and period.

    The mandate's fields are MandateForm's; members are added afterwards, on the group's page, like in any
    forum.
    """

    name = forms.CharField(label=_("Name"), max_length=200)
    minority = forms.ModelChoiceField(
        label=_("National minority"),
        queryset=NationalMinority.objects.none(),
        required=False,
        empty_label=_("None: all minorities"),
    )
    field_order = ["name", "minority", "purpose", "starts_on", "ends_on", "set_up_by", "decision_reference"]

    class Meta(MandateForm.Meta):
        labels = {"purpose": _("Mandate and purpose"), "decision_reference": _("Decision")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minority"].queryset = NationalMinority.objects.order_by("name")
        self.initial.setdefault("starts_on", timezone.localdate())

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if Forum.objects.filter(tier=Tier.WORKING_GROUP, name__iexact=name).exists():
            raise forms.ValidationError(_("There is already a working group with this name."))
        return name

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned


class CloseForm(forms.Form):
    closed_on = forms.DateField(
        label=_("Closing date"),
        widget=DateInput,
        help_text=_("The members' terms in the group end on this day."),
    )
    closing_report = forms.CharField(
        label=_("Closing report"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write a closing report before you close the working group.")},
        help_text=_("What the group did, what it achieved, and what is left for others to carry on."),
    )

    @staticmethod
    def initial_for(mandate: Mandate) -> dict:
        """Close on the planned end date if it has passed, otherwise today."""
        today = timezone.localdate()
        closed_on: dt.date = mandate.ends_on if mandate.ends_on and mandate.ends_on < today else today
        return {"closed_on": closed_on}
