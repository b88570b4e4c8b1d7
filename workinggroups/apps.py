from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkinggroupsConfig(AppConfig):
    name = "workinggroups"
    verbose_name = _("Working groups")

    def ready(self) -> None:
        from core.plumbing.sections import register_forum_section

        from .sections import mandate_section

        register_forum_section(
            "workinggroups/includes/mandate_section.html", mandate_section, order=10, tiers={"working_group"}
        )
