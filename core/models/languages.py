"""Languages: of the minorities and of what people write (the UI itself speaks sv, fi and en)."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def active_content_language() -> str:
    """The page's language if it is one of the portal's, else Swedish: what a new text is written in by default."""
    from django.utils import translation

    language = (translation.get_language() or "").split("-")[0]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def content_language_field(verbose_name=None) -> models.CharField:
    """The language a stored text is written in (WCAG 3.1.2: pages mark it with lang when it differs)."""
    return models.CharField(
        verbose_name or _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=active_content_language,
    )


class Language(models.Model):
    """A language of a minority or of content; the UI itself speaks sv, fi and en."""

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("BCP 47 / ISO 639 code."))
    name = models.CharField(_("name"), max_length=100)
    native_name = models.CharField(_("name in the language itself"), max_length=100, blank=True)
    right_to_left = models.BooleanField(_("written right to left"), default=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# Django's own table (django.conf.locale.LANG_INFO) knows Finnish and Hebrew but none of the minority
# languages; without these a page naming one fails. Names in the language itself, from the ISO 639 tables.
MINORITY_LANG_INFO: dict[str, dict] = {
    "fit": {"bidi": False, "code": "fit", "name": "Meänkieli", "name_local": "meänkieli"},
    "se": {"bidi": False, "code": "se", "name": "Northern Sami", "name_local": "davvisámegiella"},
    "smj": {"bidi": False, "code": "smj", "name": "Lule Sami", "name_local": "julevsámegiella"},
    "sma": {"bidi": False, "code": "sma", "name": "Southern Sami", "name_local": "åarjelsaemien gïele"},
    "rom": {"bidi": False, "code": "rom", "name": "Romani", "name_local": "romani čhib"},
    "rmy": {
        "bidi": False,
        "code": "rmy",
        "name": "Vlax Romani (Kalderash)",
        "name_local": "romani čhib (kalderash)",
    },
    "rmf": {"bidi": False, "code": "rmf", "name": "Kale (Finnish Romani)", "name_local": "romanó kielí"},
    "rmu": {"bidi": False, "code": "rmu", "name": "Tavringer Romani", "name_local": "romani rakripa"},
    "yi": {"bidi": True, "code": "yi", "name": "Yiddish", "name_local": "ייִדיש"},
}


def register_language_info() -> None:
    """Teach Django the minority languages' names and direction (called once, in CoreConfig.ready)."""
    from django.conf.locale import LANG_INFO

    for code, info in MINORITY_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def ui_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def content_language_codes() -> list[str]:
    """The configured content languages' codes, Swedish (the default language) first, each once."""
    return list(dict.fromkeys([settings.LANGUAGE_CODE, *settings.CONTENT_LANGUAGES]))


def content_languages() -> list[dict]:
    """The configured content languages, Swedish first: code, name in the language itself, direction."""
    from django.utils.translation import get_language_info

    result = []
    for code in content_language_codes():
        info = get_language_info(code)
        result.append(
            {
                "code": code,
                "name": info["name"],
                "name_local": info["name_local"],
                "rtl": bool(info["bidi"]),
                "dir": "rtl" if info["bidi"] else "ltr",
                "ui": code in ui_languages(),
            }
        )
    return result


def language_direction(code: str | None) -> str:
    """`rtl` for a language written right to left (Yiddish, Hebrew), else `ltr`."""
    from django.utils.translation import get_language_info

    try:
        return "rtl" if code and get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def language_name_local(code: str) -> str:
    from django.utils.translation import get_language_info

    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


# The two languages a minutes text or an answer may carry a translation between (the Finnish
# administrative area); a text written in any other language (English) has no translation.
TRANSLATION_PAIR: dict[str, str] = {"sv": "fi", "fi": "sv"}


def other_language(code: str | None) -> str | None:
    """The language a text written in `code` is translated into: Finnish for Swedish, Swedish for Finnish."""
    return TRANSLATION_PAIR.get((code or "").split("-")[0])


# One string per source language: Finnish inflects the name ("ruotsista"), so a placeholder would not do.
TRANSLATED_FROM = {"sv": _("Translated from Swedish"), "fi": _("Translated from Finnish")}


class Shown(NamedTuple):
    """What a page shows of a text that may have a translation: the text, its language, and which it is."""

    text: str
    language: str
    is_translation: bool
    original_language: str

    @property
    def note(self) -> str:
        """Tells the reader that the text is a translation, and from which language ("" for an original)."""
        return str(TRANSLATED_FROM.get(self.original_language, "")) if self.is_translation else ""


def bilingual(obj: object, field: str, language_field: str, page_language: str) -> Shown:
    """The original where the page speaks its language or no translation exists, else the translation.

    The translation lives beside the original in `<field>_translation`, in `other_language` of the text.
    """
    original = getattr(obj, field, "") or ""
    written = getattr(obj, language_field, "") or ""
    if page_language != written and page_language == other_language(written):
        translation = getattr(obj, f"{field}_translation", "") or ""
        if translation.strip():
            return Shown(translation, page_language, True, written)
    return Shown(original, written, False, written)
