"""A commitment's history as people read it: when, who, and which fields changed to what."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Commitment

# Long texts are named only; the page shows them as they are now.
NAMED_ONLY = ("description", "description_translation", "answer", "answer_translation", "agenda_item")

KINDS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


@dataclass
class Change:
    label: str
    value: object = None


@dataclass
class Entry:
    date: object
    user: object
    kind: str
    changes: list[Change] = field(default_factory=list)


def _value(record, name: str):
    model_field = Commitment._meta.get_field(name)
    if model_field.choices:
        return getattr(record, f"get_{name}_display")()
    return getattr(record, name)


def history_entries(commitment: Commitment) -> list[Entry]:
    """Newest first; related rows come with the one query, so the cost does not grow with the history."""
    records = list(
        commitment.history.select_related(
            "history_user", "department", "responsible", "answered_by", "received_at_meeting"
        ).order_by("history_date", "history_id")
    )
    entries = []
    previous = None
    for record in records:
        entry = Entry(date=record.history_date, user=record.history_user, kind=KINDS[record.history_type])
        if previous is not None:
            for change in record.diff_against(previous).changes:
                model_field = Commitment._meta.get_field(change.field)
                shown = None if change.field in NAMED_ONLY else _value(record, change.field)
                entry.changes.append(Change(label=str(model_field.verbose_name), value=shown))
        entries.append(entry)
        previous = record
    entries.reverse()
    return entries
