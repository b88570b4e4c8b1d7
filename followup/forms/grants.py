"""Forms of the state grant: a year's grant and the uses the money went to."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, form_field

from ..models import Action, GrantCategory, GrantUse, StateGrant


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
