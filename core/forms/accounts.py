"""Forms of a person's own account: signing up, the profile, and the erasure of their personal data."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import User
from .fields import LANGUAGE_ERROR, LanguageSelect, form_field, language_choices


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    field_order = ["full_name", "email", "password1", "password2"]


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
