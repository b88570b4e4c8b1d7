import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput

from .models import ReportKind, ReportLanguage, quarter_of


class OrderForm(forms.Form):
    """A quarter, a year or any range, in one of the languages."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices, initial=ReportKind.QUARTERLY)
    day = forms.DateField(
        label=_("A day in the quarter or year"),
        widget=DateInput(),
        required=False,
        help_text=_("For a quarterly or yearly report: any day in the period."),
    )
    period_start = forms.DateField(label=_("From"), widget=DateInput(), required=False)
    period_end = forms.DateField(
        label=_("To"), widget=DateInput(), required=False, help_text=_("For a report for a chosen period.")
    )
    language = forms.ChoiceField(label=_("Language of the report"), choices=ReportLanguage.choices)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == ReportKind.CUSTOM:
            start, end = data.get("period_start"), data.get("period_end")
            if not start or not end:
                raise ValidationError(_("Give the first and the last day of the period."))
            if end < start:
                raise ValidationError(_("The period ends before it starts."))
        elif kind:
            day = data.get("day") or timezone.localdate()
            if kind == ReportKind.QUARTERLY:
                start, end = quarter_of(day)
            else:
                start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        else:
            return data
        if start > timezone.localdate():
            raise ValidationError(_("The period has not started yet."))
        data["start"], data["end"] = start, end
        return data
