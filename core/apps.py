from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Organisation and meetings")

    def ready(self) -> None:
        from . import (
            auth,  # noqa: F401 (auth connects the sign-in signals)
            checks,  # noqa: F401 (registers the language checks)
        )
        from .history import register_translated
        from .models import Forum, Meeting
        from .models.languages import register_language_info
        from .plumbing import pagecache

        register_language_info()
        pagecache.connect_signals()

        register_translated(Forum)
        register_translated(Meeting)
