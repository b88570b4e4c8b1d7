from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public pages and translations")

    def ready(self) -> None:
        from core.plumbing.sections import register_navigation_link

        from . import rules  # noqa: F401  (registers the permissions)

        register_navigation_link("translations", "pages.view_translation_queue")
