"""Writes of the working-group tier: recording a mandate and closing a group with its report."""

import datetime as dt

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.models import Forum, Membership, NationalMinority, Tier, User

from .models import Mandate


@transaction.atomic
def create_working_group(
    *,
    name: str,
    purpose: str,
    starts_on: dt.date,
    by: User,
    minority: NationalMinority | None = None,
    ends_on: dt.date | None = None,
    set_up_by: Forum | None = None,
    decision_reference: str = "",
) -> Forum:
    """Set up a working group: a forum of tier working group, not public, with its mandate."""
    base = slugify(name)[:40] or "arbetsgrupp"
    slug, number = base, 1
    while Forum.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    forum = Forum(tier=Tier.WORKING_GROUP, slug=slug, minority=minority, is_public=False)
    forum.name = name  # in the language the coordinator writes in, and in Swedish, the portal's default
    forum.name_sv = forum.name_sv or name
    forum.full_clean()
    forum.save()
    mandate = Mandate(
        forum=forum,
        purpose=purpose,
        starts_on=starts_on,
        ends_on=ends_on,
        set_up_by=set_up_by,
        decision_reference=decision_reference,
    )
    save_mandate(mandate, by)
    return forum


@transaction.atomic
def save_mandate(mandate: Mandate, by: User) -> Mandate:
    """Create or change a working group's mandate, with `by` recorded in its history."""
    mandate.full_clean()
    mandate._history_user = by
    mandate.save()
    return mandate


@transaction.atomic
def close_working_group(mandate: Mandate, report: str, closed_on: dt.date, by: User) -> Mandate:
    """Close the group: file the closing report, end the members' terms and mark the forum inactive.

    Refuses (ValidationError, nothing changed) an empty report, a closing date before the start or in
    the future, and a group that is already closed.
    """
    # Lock the row so that two coordinators closing at once cannot both succeed.
    current = Mandate.objects.select_for_update().select_related("forum").get(pk=mandate.pk)
    if current.is_closed():
        raise ValidationError(
            {
                NON_FIELD_ERRORS: ValidationError(
                    _("This working group was already closed on %(date)s."),
                    code="already_closed",
                    params={"date": date_format(current.closed_on, "SHORT_DATE_FORMAT")},
                )
            }
        )
    errors: dict[str, ValidationError] = {}
    report = (report or "").strip()
    if not report:
        errors["closing_report"] = ValidationError(
            _("Write a closing report before you close the working group."), code="empty_report"
        )
    if closed_on < current.starts_on:
        errors["closed_on"] = ValidationError(
            _("The closing date cannot be before the working group started (%(date)s)."),
            code="before_start",
            params={"date": date_format(current.starts_on, "SHORT_DATE_FORMAT")},
        )
    elif closed_on > timezone.localdate():
        errors["closed_on"] = ValidationError(
            _("The closing date cannot be in the future."), code="in_future"
        )
    if errors:
        raise ValidationError(errors)

    current.closing_report = report
    current.closed_on = closed_on
    current._history_user = by
    current._change_reason = "closed"
    current.save()

    forum = current.forum
    forum.is_active = False
    forum._history_user = by
    forum._change_reason = "working group closed"
    forum.save(update_fields=["is_active"])

    # One save per membership, so that each ended term is recorded in the membership's history.
    for membership in Membership.objects.current(on=closed_on).filter(forum=forum):
        membership.ends_on = closed_on
        membership._history_user = by
        membership._change_reason = "working group closed"
        membership.save(update_fields=["ends_on"])

    # The caller's instance shows the closing too.
    mandate.closing_report, mandate.closed_on = current.closing_report, current.closed_on
    mandate.forum.is_active = False
    return mandate
