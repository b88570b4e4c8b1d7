"""Permissions of the proposals app (django-rules): the workflow, comments, support and the consultation log
(lag 2009:724 §5)."""

import rules

from core.rules import (
    is_administrator,
    is_member_of_forum,
    is_politician,
    is_signed_in,
    person_ties,
    runs_forums,
)


@rules.predicate
def is_member_of_a_forum(user) -> bool:
    """A current membership of at least one forum: only members propose agenda items."""
    if not user.is_authenticated:
        return False
    return bool(person_ties(user)[0])


@rules.predicate
def is_proposer(user, proposal) -> bool:
    return bool(proposal is not None and user.is_authenticated and proposal.proposer_id == user.pk)


@rules.predicate
def is_follower(user, proposal) -> bool:
    """The proposers of merged duplicates follow the survivor, even in a forum they do not belong to."""
    if proposal is None or not user.is_authenticated:
        return False
    return proposal.followers.filter(pk=user.pk).exists()


# Members of the proposal's forum see it (the consultation group's proposals are seen by all its
# members); a representative never sees another minority's dialogue group's proposals.
may_see_proposal = runs_forums | is_politician | is_proposer | is_member_of_forum | is_follower

rules.add_perm("proposals.add_proposal", is_member_of_a_forum)
rules.add_perm("proposals.view_proposal", may_see_proposal)
rules.add_perm("proposals.view_own_proposals", is_signed_in)
rules.add_perm("proposals.triage", runs_forums)
rules.add_perm("proposals.mark_answered", is_proposer)
rules.add_perm("proposals.delete_proposal", is_administrator)
# Members of the proposal's forum talk about it; coordinators (and administrators) take part too.
rules.add_perm("proposals.comment_on_proposal", may_see_proposal & (runs_forums | is_member_of_forum))
rules.add_perm("proposals.moderate_comment", runs_forums)
# Support counts the forum's members behind a proposal; the proposer's own support would say nothing.
rules.add_perm("proposals.support_proposal", is_signed_in & is_member_of_forum & ~is_proposer)
rules.add_perm("proposals.add_consultation_record", runs_forums)
rules.add_perm("proposals.view_consultation_log", runs_forums | is_politician)
