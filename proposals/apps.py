from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """Agenda proposals from representatives: triage, outcome, comments, support and the consultation log."""

    name = "proposals"
    verbose_name = _("Proposals")

    def ready(self) -> None:
        from core.sections import register_meeting_section, register_navigation_link

        from .sections import meeting_proposals_section

        register_navigation_link("triage", "proposals.triage")
        register_navigation_link("consultation_log", "proposals.view_consultation_log")
        register_meeting_section(
            "proposals/includes/meeting_proposals.html", meeting_proposals_section, order=30
        )
        from .participation_sections import register as register_participation_sections

        register_participation_sections()
