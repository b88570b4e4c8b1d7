"""History (django-simple-history) for models with translated fields.

modeltranslation adds the `_sv/_fi/_en` fields when the apps are ready; a historical model created
earlier (by `history = HistoricalRecords()` on the class) would miss them. Such models are
registered here, from each app's ready(), after modeltranslation has added its fields.
"""

import simple_history
from django.db import models
from django.utils.translation import gettext as _


def register_translated(model: type[models.Model]) -> None:
    simple_history.register(model, app=model._meta.app_label)


def stamp(instance: models.Model, *, by=None, reason: str = "") -> models.Model:
    """Who makes the next save and why: kept on the historical record django-simple-history writes."""
    # django-simple-history reads these attributes off the instance; no model declares them.
    if by is not None:
        instance._history_user = by  # type: ignore[attr-defined]
    if reason:
        instance._change_reason = reason  # type: ignore[attr-defined]
    return instance


def _lower_first(text: str) -> str:
    """A state shown inside a sentence ("Närvaro: Aino anmält förhinder"): its first letter small."""
    return text[:1].lower() + text[1:]


def _display(record, field: models.Field, value) -> str:
    if field.choices:
        return _lower_first(str(dict(field.flatchoices).get(value, value)))
    return str(value)


def describe_changes(record, previous, name: str = "") -> list[str]:
    """What one historical record changed, in words: a choice moved from one state to another.

    `name` is the person an attendance is about. A new attendance says its answer and presence when
    they are not the defaults, a changed one says the new state; other choices say "field: old → new";
    a text field is named only (its contents may be long or private).
    """
    model = record.instance_type
    if model._meta.model_name == "attendance":
        return _describe_attendance(record, previous, name)
    if record.history_type != "~" or previous is None:
        return []
    described = []
    for change in record.diff_against(previous).changes:
        try:
            field = model._meta.get_field(change.field)
        except Exception:  # noqa: BLE001 - a field that no longer exists is shown by its name
            described.append(change.field)
            continue
        old, new = _display(record, field, change.old), _display(record, field, change.new)
        if change.field == "minutes_status":
            described.append(_("The minutes: %(old)s → %(new)s") % {"old": old, "new": new})
        elif field.choices:
            label = str(field.verbose_name).capitalize()
            described.append(_("%(field)s: %(old)s → %(new)s") % {"field": label, "old": old, "new": new})
        else:
            described.append(str(field.verbose_name))
    return described


def _describe_attendance(record, previous, name: str) -> list[str]:
    """One line: the person's presence once it is recorded or changed, else their answer."""
    meta = record.instance_type._meta
    if record.history_type == "-":
        return []
    if record.history_type == "+" or previous is None:
        changed = {f for f in ("rsvp", "presence") if getattr(record, f) != meta.get_field(f).default}
        if not changed:
            return [_("Attendance: %(name)s invited") % {"name": name}]
    else:
        changed = {change.field for change in record.diff_against(previous).changes}
    field = "presence" if "presence" in changed else "rsvp" if "rsvp" in changed else None
    if field is None:
        return []
    state = _display(record, meta.get_field(field), getattr(record, field))
    return [_("Attendance: %(name)s %(state)s") % {"name": name, "state": state}]
