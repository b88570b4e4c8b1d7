"""The action register as CSV and XLSX (core.plumbing.spreadsheets, which writes no cell a spreadsheet would run)."""

from django.conf import settings
from django.utils.translation import gettext, pgettext

from core.plumbing.spreadsheets import csv_bytes, xlsx_bytes

from .models import Action


def header() -> list[str]:
    return [
        gettext("Number"),
        gettext("Title"),
        gettext("Cycle"),
        gettext("Goals"),
        gettext("National minorities"),
        gettext("Responsible department"),
        gettext("Responsible person"),
        gettext("Collaborating departments"),
        gettext("Starts"),
        gettext("Due"),
        gettext("Status"),
        pgettext("action", "Overdue"),
        gettext("Progress (%)"),
        gettext("Last progress update"),
        gettext("Public"),
        gettext("Address"),
    ]


def values(action: Action) -> list:
    return [
        action.pk,
        action.title,
        action.cycle.year,
        ", ".join(goal.code or goal.title for goal in action.goals.all()),
        ", ".join(m.name for m in action.minorities.all()),
        action.department.name,
        action.responsible.full_name if action.responsible else "",
        ", ".join(d.name for d in action.collaborating_departments.all()),
        action.starts_on.isoformat() if action.starts_on else "",
        action.due_on.isoformat() if action.due_on else "",
        str(action.get_status_display()),
        gettext("yes") if action.is_overdue() else gettext("no"),
        action.progress,
        action.last_update_on.isoformat() if action.last_update_on else "",
        gettext("yes") if action.is_public else gettext("no"),
        f"{settings.SITE_URL}{action.get_absolute_url()}",
    ]


def actions_csv(actions: list[Action]) -> bytes:
    return csv_bytes(header(), (values(action) for action in actions))


def actions_xlsx(actions: list[Action]) -> bytes:
    return xlsx_bytes(gettext("Actions"), header(), (values(action) for action in actions))
