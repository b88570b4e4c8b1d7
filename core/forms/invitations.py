"""Forms of invitations: a coordinator invites a person, the person accepts with a name and password."""

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import INVITABLE_ROLES, Forum, Invitation, Role, User
from .fields import LANGUAGE_ERROR, DateInput, LanguageSelect, form_field, language_choices


class InvitationForm(forms.ModelForm):
    """Whom to invite, with which role, and optionally to which seat."""

    class Meta:
        model = Invitation
        fields = [
            "full_name",
            "email",
            "role",
            "department",
            "forum",
            "forum_role",
            "term_ends_on",
            "nominated_by",
            "language",
        ]
        widgets = {"term_ends_on": DateInput(), "language": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        form_field(self, "forum", forms.ModelChoiceField).queryset = (
            Forum.objects.active().select_related("minority").order_by("tier", "name")
        )
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the mail"),
            choices=language_choices(),
            widget=LanguageSelect,
            help_text=_("The invitation is written in this language."),
            error_messages={"invalid_choice": LANGUAGE_ERROR},
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(
            email__iexact=email, role__in=INVITABLE_ROLES + ["coordinator", "administrator"]
        ).exists():
            raise forms.ValidationError(_("This person already has an account with a role in the portal."))
        if Invitation.objects.filter(
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).exists():
            raise forms.ValidationError(
                _(
                    "A valid invitation to this address is already waiting; send it again from the list instead."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None, "Django's clean() returns cleaned_data"
        if cleaned.get("role") == Role.ADMIN_CONTACT and not cleaned.get("department"):
            self.add_error("department", _("An administration contact answers for a department: choose it."))
        if cleaned.get("forum") and not cleaned.get("forum_role"):
            self.add_error("forum_role", _("Choose the person's role in the forum."))
        if cleaned.get("forum_role") and not cleaned.get("forum"):
            self.add_error("forum", _("Choose the forum the role is in."))
        ends = cleaned.get("term_ends_on")
        if ends and ends < timezone.localdate():
            self.add_error("term_ends_on", _("The term cannot end in the past."))
        return cleaned


class AcceptInvitationForm(forms.Form):
    """A new account's name and password; the address is the one the invitation was sent to."""

    full_name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        assert cleaned is not None, "Django's clean() returns cleaned_data"
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(
                    first, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
