"""Small middleware the portal needs beyond Django's own."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class PermissionsPolicyMiddleware:
    """Tell browsers that the portal never uses the camera, microphone, location and the like."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RememberLanguageMiddleware:
    """Remember the language of the last page visited, so that `/` and mail follow the person's choice."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE or 60 * 60 * 24 * 365,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=False,
                samesite="Lax",
            )
        user = getattr(request, "user", None)
        if language and user is not None and user.is_authenticated and user.language != language:
            # The language a person reads in is the one their mail is written in.
            get_user_model().objects.filter(pk=user.pk).update(language=language)
        return response
