from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """Agenda proposals from representatives: triage, outcome, comments, support and the consultation log."""

    name = "proposals"
    verbose_name = _("Proposals")

    def ready(self) -> None:
        from .sections import register as register_sections

        register_sections()
