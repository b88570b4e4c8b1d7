from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Public pages and translations")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the permissions)
