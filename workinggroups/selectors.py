"""Reads of the working-group tier, each in a fixed number of queries."""

import datetime as dt

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.models import Forum, Tier, User


def working_groups_for(user: User, on: dt.date | None = None) -> list[Forum]:
    """The working groups the person may see (core.view_forum), active first, with mandate and member count.

    `member_count` counts the members on the given day, or on the closing day for a closed group.
    """
    on = on or timezone.localdate()
    counted_on = Coalesce(F("mandate__closed_on"), Value(on))
    forums = (
        Forum.objects.filter(tier=Tier.WORKING_GROUP)
        .select_related("mandate", "mandate__set_up_by")
        .annotate(
            member_count=Count(
                "memberships",
                filter=Q(memberships__starts_on__lte=counted_on)
                & (Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=counted_on)),
                distinct=True,
            )
        )
        .order_by("-is_active", F("mandate__closed_on").desc(nulls_first=True), "name", "pk")
    )
    # The rule decides, so the list never shows more than the forum page would; it costs one query at most.
    return [forum for forum in forums if user.has_perm("core.view_forum", forum)]
