"""Who may do what with the yearly follow-up (django-rules). Views declare these names.

The follow-up quotes the consultation log, so it is read by those who read the reports: coordinators,
administrators and politicians. Members of the consultation group read it too once it is sent to them for
review (and after it is approved), since they review it at their meeting. Coordinators draft, write and
approve it, and keep its questions.
"""

import rules

from core.models import Membership, Tier
from core.rules import is_politician, runs_forums

from .models import FollowUpStatus


@rules.predicate
def is_consultation_group_member(user) -> bool:
    """A current member of a forum of the consultation tier (the political consultation group)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_in_consultation_group", None)
    if cached is None:
        cached = user._in_consultation_group = (
            Membership.objects.current().filter(user=user, forum__tier=Tier.CONSULTATION).exists()
        )
    return cached


@rules.predicate
def is_sent_for_review(user, follow_up) -> bool:
    return follow_up is not None and follow_up.status in (FollowUpStatus.IN_REVIEW, FollowUpStatus.APPROVED)


reads_follow_ups = runs_forums | is_politician

rules.add_perm("annual.view_follow_ups", reads_follow_ups | is_consultation_group_member)
# The dashboard's link: the roles alone decide, so no page pays a membership query for it; the consultation
# group's members reach a follow-up from its item on their meeting's agenda.
rules.add_perm("annual.link_follow_ups", reads_follow_ups)
rules.add_perm(
    "annual.view_follow_up", reads_follow_ups | (is_consultation_group_member & is_sent_for_review)
)
rules.add_perm("annual.change_follow_up", runs_forums)
rules.add_perm("annual.change_questions", runs_forums)
