"""The digests: the messages a person chose to get daily or weekly, gathered in one mail in their language.

A digest is built when it is sent, not when its messages were written: a kind turned off since is left out,
and so is a message about something the person may no longer see (or that is gone). The mail is stored in
the outbox in the same transaction that deletes its entries, so a second run sends nothing and a failed
one sends nothing twice.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Delivery, DigestEntry, User
from .notifications import DIGEST, preferences_of

# Entries of a kind since turned to "immediately" go with the next daily digest rather than wait a week.
SENT_WITH: dict[str, set[str]] = {
    Delivery.DAILY: {Delivery.DAILY, Delivery.IMMEDIATE},
    Delivery.WEEKLY: {Delivery.WEEKLY},
}


def _still_visible(person: User, entries: list[DigestEntry]) -> list[DigestEntry]:
    """The entries about something the person may still see (one query per kind of object)."""
    wanted: dict[int, set[int]] = {}
    for entry in entries:
        if entry.about_type_id and entry.about_id:
            wanted.setdefault(entry.about_type_id, set()).add(entry.about_id)
    objects: dict[tuple[int, int], Any] = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for found in model._default_manager.filter(pk__in=ids):
            objects[(type_id, found.pk)] = found
    kept = []
    for entry in entries:
        if entry.about_type_id and entry.about_id:
            obj = objects.get((entry.about_type_id, entry.about_id))
            if obj is None or (entry.about_permission and not person.has_perm(entry.about_permission, obj)):
                continue
        kept.append(entry)
    return kept


@transaction.atomic
def send_digest(person: User, delivery: str) -> int:
    """Send the person's daily or weekly digest; returns how many messages it held (0: no mail)."""
    from .services import notify

    entries = list(
        DigestEntry.objects.select_for_update(skip_locked=True)
        .filter(user=person)
        .order_by("created_at", "pk")
    )
    if not entries:
        return 0
    chosen = preferences_of(person)
    # Turned off since it was written: never sent.
    gone = [e.pk for e in entries if chosen.get(e.kind) == Delivery.OFF]
    due = [e for e in entries if chosen.get(e.kind) in SENT_WITH[delivery]]
    shown = _still_visible(person, due) if person.is_active else []
    DigestEntry.objects.filter(pk__in=gone + [e.pk for e in due]).delete()
    if not shown:
        return 0
    notify([person], "core/email/digest", {"entries": shown, "delivery": delivery}, kind=DIGEST)
    return len(shown)


def send_digests(delivery: str) -> int:
    """Every person's digest of this delivery, each in a transaction of their own; returns how many were sent."""
    people = User.objects.filter(pk__in=DigestEntry.objects.values("user")).order_by("pk")
    return sum(1 for person in people if send_digest(person, delivery))
