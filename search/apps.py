from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Portal-wide search over meetings, minutes, proposals and actions; reads from the others, none imports it."""

    name = "search"
    verbose_name = _("Search")
