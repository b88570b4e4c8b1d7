"""System checks that turn a language misconfiguration into a message at start-up instead of a 500."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.utils.translation import get_language_info


@checks.register(checks.Tags.translation)
def check_languages(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    for code in settings.CONTENT_LANGUAGES:
        try:
            get_language_info(code)
        except KeyError:
            errors.append(
                checks.Error(
                    f"The content language {code!r} has no name or direction.",
                    hint="Add it to core.models.languages.MINORITY_LANG_INFO.",
                    id="core.E101",
                )
            )
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        catalogs = [Path(path) / code / "LC_MESSAGES" / "django.po" for path in settings.LOCALE_PATHS]
        if not any(path.exists() for path in catalogs):
            # Without a catalog every page would show Swedish text under lang="<code>": a false language.
            errors.append(
                checks.Error(
                    f"The interface language {code!r} has no translation catalog.",
                    hint="Publish texts in it as a content language (CONTENT_LANGUAGES) instead.",
                    id="core.E102",
                )
            )
    return errors
