from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info


def portal(request: HttpRequest) -> dict:
    """The language switcher: the same page in each UI language."""
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append({"code": code, "name_local": info["name_local"], "url": translate_url(path, code)})
    return {"portal_languages": languages}
