from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutiesConfig(AppConfig):
    name = "duties"
    verbose_name = _("Duties under the law")

    def ready(self) -> None:
        from core.history import register_translated
        from core.plumbing.sections import register_navigation_link

        from . import rules  # noqa: F401  (registers the permissions)
        from .models import Duty
        from .sections import register as register_sections

        register_sections()
        register_navigation_link("duty_register", "duties.view_register")
        register_translated(Duty)
