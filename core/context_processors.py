import functools

import rules
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info

from .plumbing.sections import navigation_permissions


def portal(request: HttpRequest) -> dict:
    """The language switcher: the same page in each UI language."""
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append({"code": code, "name_local": info["name_local"], "url": translate_url(path, code)})
    return {"portal_languages": languages, "rights_languages": rights_languages()}


def rights_languages() -> list[dict]:
    """The footer's links to the rights pages, one per content language, each named in its own language."""
    from django.utils.translation import get_language

    from .models.languages import content_language_codes

    return _rights_links(get_language(), tuple(content_language_codes()))


@functools.lru_cache(maxsize=64)
def _rights_links(language: str, codes: tuple[str, ...]) -> list[dict]:
    """Worked out once per page language and set of content languages: every page's footer shows them."""
    from django.urls import NoReverseMatch, reverse

    from .models.languages import content_languages

    links = []
    for info in content_languages():
        try:
            links.append({**info, "url": reverse("pages:index_in", args=[info["code"]])})
        except NoReverseMatch:  # the public pages are not installed
            return []
    return links


def navigation(request: HttpRequest) -> dict:
    """The links each app registered (core.plumbing.sections.register_navigation_link) that this person may see.

    Checked with the rule set alone: a refused `perms.x` in a template would fall through to Django's
    model backend and cost two queries per page.
    """
    user = getattr(request, "user", None)
    if user is None:
        return {"nav": {}}
    return {"nav": {key: rules.has_perm(name, user) for key, name in navigation_permissions().items()}}
