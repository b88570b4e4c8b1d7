"""The notification settings: one choice per kind of message a person may choose how to get."""

from django import forms

from ..models import Delivery, NotificationPreference, User
from ..notifications import KINDS, preferences_of


class NotificationSettingsForm(forms.Form):
    """A radio group per kind that may be chosen; required kinds have no field, so no POST can turn them off."""

    def __init__(self, person: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        chosen = preferences_of(person)
        for key, kind in KINDS.items():
            if kind.required:
                continue
            self.fields[key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.help,
                choices=Delivery.choices,
                initial=chosen[key],
                widget=forms.RadioSelect,
            )

    def save(self) -> list[str]:
        """Store the choices; returns the kinds whose delivery changed."""
        before = preferences_of(self.person)
        changed = [key for key, value in self.cleaned_data.items() if before.get(key) != value]
        for key in changed:
            NotificationPreference.objects.update_or_create(
                user=self.person, kind=key, defaults={"delivery": self.cleaned_data[key]}
            )
        return changed
