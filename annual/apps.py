from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnualConfig(AppConfig):
    name = "annual"
    verbose_name = _("Yearly follow-up")

    def ready(self) -> None:
        from core.history import register_translated
        from core.plumbing.sections import register_navigation_link

        from . import rules  # noqa: F401  (registers the permissions)
        from .models import FollowUpQuestion

        register_navigation_link("yearly_follow_up", "annual.link_follow_ups")
        register_translated(FollowUpQuestion)
