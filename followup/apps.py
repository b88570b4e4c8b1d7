from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from core.history import register_translated
        from core.plumbing.pagecache import ignore_writes_to
        from core.plumbing.sections import register_navigation_link

        from . import rules  # noqa: F401  (registers the follow-up permissions)
        from .sections import register as register_sections

        register_sections()
        register_navigation_link("dashboard", "followup.view_dashboard")
        register_navigation_link("department", "followup.view_department")
        register_navigation_link("cycles", "followup.manage_cycles")
        register_navigation_link("grants", "followup.view_grants")
        # A reminder sent changes no page.
        ignore_writes_to("followup.stalereminder")

        from dialogues.signals import commitment_created

        from .receivers import on_commitment_created

        # A commitment lifted from a proposal's agenda item is a step of the proposal's story.
        commitment_created.connect(on_commitment_created, dispatch_uid="followup.story_commitment")

        from .models import Action, Cycle, Goal, Indicator

        register_translated(Cycle)
        register_translated(Goal)
        register_translated(Action)
        register_translated(Indicator)
