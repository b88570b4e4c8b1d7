from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """Agenda proposals from representatives: triage, outcome, comments, support and the consultation log."""

    name = "proposals"
    verbose_name = _("Proposals")

    def ready(self) -> None:
        from core.plumbing.sections import register_navigation_link
        from core.signals import minutes_published

        from .receivers import on_minutes_published
        from .sections import register as register_sections
        from .timeline import register as register_timeline

        # A proposal's proposer and followers hear of the decision when the minutes are published.
        minutes_published.connect(on_minutes_published, dispatch_uid="proposals.decisions")

        register_navigation_link("triage", "proposals.triage")
        register_navigation_link("consultation_log", "proposals.view_consultation_log")
        register_sections()
        register_timeline()
