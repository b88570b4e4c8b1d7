"""Form pieces the apps share: typed field access, the language choice and the date and time inputs."""

from typing import TypeVar

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..models import active_content_language

_Field = TypeVar("_Field", bound=forms.Field)


def form_field(form: forms.BaseForm, name: str, kind: type[_Field]) -> _Field:
    """One of a form's fields as the kind of field it is (a model's foreign key is a ModelChoiceField)."""
    field = form.fields[name]
    assert isinstance(field, kind), f"{name} is a {type(field).__name__}, not a {kind.__name__}"
    return field


def language_choices() -> list[tuple[str, str]]:
    """The portal's languages, each named in itself, so a person finds their own whatever the page's language."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


# The portal's languages only: a person's mail is written in one of them.
LANGUAGE_ERROR = _("Choose one of the languages in the list.")


class LanguageSelect(forms.Select):
    """A choice of languages, each option named in itself and marked with its language (WCAG 3.1.2)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


def writer_language(user) -> str:
    """What a person writes in by default: their own language, else the page's."""
    language = getattr(user, "language", "")
    return language if language in dict(settings.LANGUAGES) else active_content_language()


class ContentLanguageField(forms.ChoiceField):
    """The language a text is written in; left out of a post, it is `fallback` (or empty: the service decides).

    Shown as required (the list always has a choice), but a post without it is accepted.
    """

    fallback: str | None = None

    def validate(self, value):
        if value not in self.empty_values:
            super().validate(value)

    def clean(self, value):
        value = super().clean(value)
        return value or self.fallback or ""


def content_language_field(**kwargs) -> ContentLanguageField:
    """The language a text is written in, for the writer to confirm or change."""
    kwargs.setdefault("label", _("Written in"))
    kwargs.setdefault(
        "help_text", _("The language you write the text in, so that it is read aloud correctly.")
    )
    return ContentLanguageField(
        choices=language_choices(),
        widget=LanguageSelect,
        error_messages={"invalid_choice": LANGUAGE_ERROR},
        **kwargs,
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)
