from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from core.history import register_translated

        from . import rules  # noqa: F401  (registers the follow-up permissions)
        from .sections import register as register_sections

        register_sections()

        from .models import Action, Cycle, Goal, Indicator

        register_translated(Cycle)
        register_translated(Goal)
        register_translated(Action)
        register_translated(Indicator)
