"""The accessibility statement (lag 2018:1937) and the privacy notice, in Swedish, Finnish and English.

Their text is long prose that a lawyer or the data protection officer revises as a whole, so each language
has its own template (core/templates/core/statements/<page>.<language>.html) rather than catalog entries.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LANGUAGES = {code for code, _name in settings.LANGUAGES}


class StatementView(PermissionRequiredMixin, TemplateView):
    """Public: anyone may read them, signed in or not."""

    permission_required = "core.view_home"
    template_name = "core/statement.html"
    page = ""
    title: "StrOrPromise" = ""

    def get_context_data(self, **kwargs) -> dict:
        language = get_language() if get_language() in LANGUAGES else settings.LANGUAGE_CODE
        return super().get_context_data(
            title=self.title, body_template=f"core/statements/{self.page}.{language}.html", **kwargs
        )


class AccessibilityView(StatementView):
    page = "accessibility"
    title = _("Accessibility statement")


class PrivacyView(StatementView):
    page = "privacy"
    title = _("Privacy notice")
