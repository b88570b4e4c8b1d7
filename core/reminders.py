"""Reminders sent at most once per kind, object, person and day.

A reminder is claimed by inserting its row (`SentReminder`) in the same transaction as the mail it queues:
a second run the same day finds the rows and sends nothing, and of two parallel runs only one inserts a row.
"""

import datetime as dt
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from .models import SentReminder, User
from .services import notify


def claim(kind: str, pairs: Iterable[tuple[models.Model, User]], on: dt.date) -> set[tuple[int, int, int]]:
    """Record the reminders of (object, person) not yet recorded for this kind and day; return those recorded now.

    The result holds (content type id, object id, user id) of each fresh claim. One INSERT ... ON CONFLICT DO
    NOTHING RETURNING: the unique constraint decides, so a parallel run never claims the same reminder.
    """
    rows = []
    for obj, person in pairs:
        content_type = ContentType.objects.get_for_model(obj)
        rows.append((kind, content_type.pk, obj.pk, person.pk, on, timezone.now()))
    if not rows:
        return set()
    table = connection.ops.quote_name(SentReminder._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    # Only the model's own table name and placeholders are put into the text; the values are parameters.
    sql = (
        f'INSERT INTO {table} (kind, content_type_id, object_id, user_id, "on", sent_at) VALUES {values} '  # noqa: S608
        "ON CONFLICT DO NOTHING RETURNING content_type_id, object_id, user_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
        return {(row[0], row[1], row[2]) for row in cursor.fetchall()}


def key(obj: models.Model, person: User) -> tuple[int, int, int]:
    """The (content type id, object id, user id) of a reminder, as `claim` returns it."""
    return (ContentType.objects.get_for_model(obj).pk, obj.pk, person.pk)


@transaction.atomic
def remind_once(
    kind: str, obj: models.Model, people: Iterable[User], on: dt.date, template: str, context: dict
) -> int:
    """Mail those of these people not yet reminded of this object today; the rows and the mail commit together."""
    wanted = {person.pk: person for person in people if person.is_active and person.email}
    fresh = claim(kind, [(obj, person) for person in wanted.values()], on)
    chosen = [wanted[user_id] for (_ct, _obj, user_id) in sorted(fresh, key=lambda k: k[2])]
    return notify(chosen, template, context, kind=kind)
