from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultation")

    def ready(self) -> None:
        from core.plumbing.sections import register_meeting_section

        from .sections import dialogue_section

        register_meeting_section(
            "consultations/includes/dialogue_section.html", dialogue_section, order=20, tiers={"consultation"}
        )
