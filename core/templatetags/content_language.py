"""Language of parts (WCAG 3.1.2): text shown in another language than the page's says which.

`{% translated forum "name" %}` shows a model-translated field (django-modeltranslation) in the page's
language or, where that translation is missing, in its fallback, marked `lang` when that is not the page's.
`{% lang_attr update.language %}` writes ` lang="sv"` inside an element's start tag when the stored text's
language is not the page's, and nothing when it is.
`{% bilingual item "decision" "minutes_language" as shown %}` picks a text written in Swedish or Finnish or
its translation into the other (`decision_translation`) for the page: `shown.text`, `shown.language`,
`shown.is_translation` and `shown.note` ("Translated from Swedish") to say so.
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core.models.languages import Shown, language_direction
from core.models.languages import bilingual as bilingual_value

register = template.Library()


def page_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def resolution_order(language: str) -> list[str]:
    """The page's language, then modeltranslation's fallbacks for it, each once."""
    fallbacks = getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", {})
    if isinstance(fallbacks, tuple | list):
        chain = list(fallbacks)
    else:
        chain = list(fallbacks.get(language, fallbacks.get("default", ())))
    order = [language, *chain]
    return [code for index, code in enumerate(order) if code not in order[:index]]


def translated_value(obj, field: str) -> tuple[str, str]:
    """The text shown for a model-translated field and the language it is actually in."""
    language = page_language()
    for code in resolution_order(language):
        value = getattr(obj, f"{field}_{code.replace('-', '_')}", None)
        if value:
            return str(value), code
    # Not a translated field (or empty in every language): the plain attribute, taken as the page's.
    value = getattr(obj, field, "")
    return ("" if value is None else str(value)), language


@register.simple_tag
def translated(obj, field: str) -> SafeString:
    """The field's text, wrapped in <span lang> when it is shown in a fallback language."""
    value, language = translated_value(obj, field)
    if language == page_language() or not value:
        return format_html("{}", value)
    return format_html('<span lang="{}">{}</span>', language, value)


@register.simple_tag
def translated_language(obj, field: str) -> str:
    """The language a model-translated field is shown in on this page (for an attribute of one's own)."""
    return translated_value(obj, field)[1]


@register.simple_tag
def lang_attr(language: str | None) -> SafeString:
    """` lang="xx"` when a stored text's language differs from the page's, else nothing (and ` dir` when
    the language is written the other way: Yiddish on a Swedish page, Swedish inside Yiddish)."""
    if not language or language == page_language():
        return mark_safe("")
    if language_direction(language) == "rtl":
        return format_html(' lang="{}" dir="rtl"', language)
    return format_html(' lang="{}"', language)


@register.simple_tag
def content_attrs(language: str | None) -> SafeString:
    """` lang="xx" dir="…"` for a block of content in any content language, always written out."""
    language = language or page_language()
    return format_html(' lang="{}" dir="{}"', language, language_direction(language))


@register.filter
def in_language(value, language: str | None) -> SafeString:
    """Inline text in a stored language: wrapped in <span lang> when that is not the page's."""
    if not language or language == page_language() or value in (None, ""):
        return format_html("{}", "" if value is None else value)
    return format_html('<span lang="{}">{}</span>', language, value)


@register.simple_tag
def bilingual(obj, field: str, language_field: str) -> Shown:
    """The text of `field` in the page's language where it is written or translated, else the original."""
    return bilingual_value(obj, field, language_field, page_language())
