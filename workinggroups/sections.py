"""The mandate section of a working group's forum page (registered in apps.py)."""

from django.http import HttpRequest
from django.urls import reverse

from core.models import Forum

from .models import Mandate


def mandate_section(request: HttpRequest, forum: Forum) -> dict:
    """The mandate, the closing report once closed, and links for those who may edit or close."""
    mandate = Mandate.objects.select_related("set_up_by").filter(forum=forum).first()
    user = request.user
    edit_url = close_url = set_up_by_url = None
    if user.has_perm("workinggroups.change_mandate", forum):
        edit_url = reverse("workinggroups:mandate_edit", kwargs={"slug": forum.slug})
    if (
        mandate is not None
        and not mandate.is_closed()
        and user.has_perm("workinggroups.close_workinggroup", forum)
    ):
        close_url = reverse("workinggroups:close", kwargs={"slug": forum.slug})
    if mandate is not None and mandate.set_up_by and user.has_perm("core.view_forum", mandate.set_up_by):
        set_up_by_url = reverse("core:forum_detail", kwargs={"slug": mandate.set_up_by.slug})
    return {
        "mandate": mandate,
        "overdue": mandate is not None and mandate.is_overdue_for_closing(),
        "edit_url": edit_url,
        "close_url": close_url,
        "set_up_by_url": set_up_by_url,
    }
