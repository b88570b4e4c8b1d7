import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Forum, Tier

from .models import Mandate


class DateInput(forms.DateInput):
    """The browser's date picker; it sends and shows ISO dates (2026-11-23) in every language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


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
