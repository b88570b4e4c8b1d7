from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from core.history import register_translated

        from .models import Action, Cycle, Goal

        register_translated(Cycle)
        register_translated(Goal)
        register_translated(Action)
