from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "dialogues"
    verbose_name = _("Dialogue")

    def ready(self) -> None:
        from core.plumbing.sections import (
            register_agenda_item_section,
            register_meeting_section,
            register_navigation_link,
            register_object_section,
            register_timeline,
        )

        from .sections import (
            agenda_item_commitments_section,
            commitments_section,
            department_commitments_section,
            feedback_section,
            proposal_timeline_events,
        )

        register_navigation_link("commitments", "dialogues.view_commitment_list")
        register_meeting_section("dialogues/includes/meeting_feedback.html", feedback_section, order=40)
        register_meeting_section("dialogues/includes/meeting_commitments.html", commitments_section, order=50)
        register_agenda_item_section(
            "dialogues/includes/agenda_item_commitments.html", agenda_item_commitments_section, order=50
        )
        register_object_section(
            "department",
            "dialogues/includes/department_commitments.html",
            department_commitments_section,
            order=50,
        )
        register_timeline("proposal", proposal_timeline_events, order=20)
