from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    field_order = ["full_name", "email", "password1", "password2"]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "title", "language"]
        widgets = {"language": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language is named in itself, so a person finds their own whatever the page's language.
        self.fields["language"].widget.choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
