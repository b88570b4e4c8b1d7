"""Form pieces the apps share: typed field access, the language choice and the date and time inputs."""

import copy
from typing import TYPE_CHECKING, TypeVar

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..models import active_content_language
from ..models.languages import other_language
from ..plumbing.richtext import sanitise

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


# "Decisions: translation into Finnish"; one string per language, as Finnish inflects the name ("suomeksi").
TRANSLATION_INTO = {"sv": _("translation into Swedish"), "fi": _("translation into Finnish")}
TRANSLATION_INTO_OTHER = _("translation into the other language")
NO_TRANSLATION_FOR_LANGUAGE = _(
    "Only a text written in Swedish or Finnish has a translation: choose one of them, or leave the "
    "translation empty."
)
TRANSLATION_WITHOUT_TEXT = _("Write the text itself before its translation.")


# The mixin is typed as the form it is mixed into, but is no form class itself (it has no fields of its own).
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class TranslationsMixin(_FormBase):
    """Optional translations of a form's texts into the other of Swedish and Finnish (`<field>_translation`).

    The form lists `translated_fields` and the field holding their language; its `__init__` ends with
    `add_translation_fields()`, which labels each field with the language it is translated into. The
    translations are shown together in a <details> after the language field; rich text is sanitised as
    the original is.
    """

    template_name = "core/includes/form_with_translations.html"
    translated_fields: tuple[str, ...] = ()
    translation_language_field = "language"
    rich_translations = False

    def translation_names(self) -> list[str]:
        return [f"{name}_translation" for name in self.translated_fields]

    def written_language(self) -> str:
        """The language the texts are written in as the form stands: posted, else initial, else stored."""
        field = self.translation_language_field
        if self.is_bound:
            return str(self.data.get(self.add_prefix(field)) or "")
        instance = getattr(self, "instance", None)
        value = self.initial.get(field) or (getattr(instance, field, "") if instance and instance.pk else "")
        return str(value or self.fields[field].initial or "")

    def add_translation_fields(self) -> None:
        """Add (or label) one optional field per translated text, named for the language it goes into."""
        target = other_language(self.written_language())
        into = TRANSLATION_INTO[target] if target else TRANSLATION_INTO_OTHER
        for name in self.translated_fields:
            original = self.fields[name]
            field = self.fields.get(f"{name}_translation") or forms.CharField(
                max_length=getattr(original, "max_length", None)
            )
            field.required = False
            field.widget = copy.deepcopy(original.widget)
            field.label = format_lazy("{}: {}", original.label, into)
            field.help_text = ""
            if target:
                field.widget.attrs["lang"] = target
            self.fields[f"{name}_translation"] = field

    def translation_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.translation_names()]

    def translations_open(self) -> bool:
        """The <details> starts open when a translation is written or one of them is in error."""
        return any(self[name].value() or self[name].errors for name in self.translation_names())

    def clean(self):
        data = super().clean()
        assert data is not None, "Django's clean() returns cleaned_data"
        target = other_language(data.get(self.translation_language_field))
        for name in self.translated_fields:
            key = f"{name}_translation"
            if key not in data:
                continue
            value = (data[key] or "").strip()
            data[key] = sanitise(value) if self.rich_translations else value
            if not data[key]:
                continue
            if target is None:
                self.add_error(key, NO_TRANSLATION_FOR_LANGUAGE)
            elif name in data and not str(data[name] or "").strip():
                self.add_error(key, TRANSLATION_WITHOUT_TEXT)
        return data
