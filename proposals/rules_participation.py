"""Permissions for comments, support and the consultation log (lag 2009:724 §5).

Until proposals/rules.py defines `proposals.view_proposal`, `may_see_proposal` says who may know of a
proposal: coordinators, administrators, politicians, the proposer and current members of its forum.
"""

import rules

from core.rules import is_member_of_forum, is_politician, is_signed_in, runs_forums

# The permission the participation views check first (404 for those who may not know of the proposal).
FALLBACK_VIEW_PERMISSION = "proposals.see_proposal_participation"


@rules.predicate
def is_proposer(user, proposal) -> bool:
    return bool(user.is_authenticated and proposal is not None and proposal.proposer_id == user.pk)


@rules.predicate
def may_see_proposal(user, proposal) -> bool:
    """Those who run the forums, politicians, the proposer and the forum's current members."""
    if proposal is None:
        return False
    return bool(
        runs_forums(user)
        or is_politician(user)
        or is_proposer(user, proposal)
        or is_member_of_forum(user, proposal)
    )


def view_proposal_permission() -> str:
    """The workflow's `proposals.view_proposal` once it exists, else the local rule."""
    if rules.perm_exists("proposals.view_proposal"):
        return "proposals.view_proposal"
    return FALLBACK_VIEW_PERMISSION


rules.add_perm(FALLBACK_VIEW_PERMISSION, may_see_proposal)
# Members of the proposal's forum talk about it; coordinators (and administrators) take part too.
rules.add_perm("proposals.comment_on_proposal", may_see_proposal & (runs_forums | is_member_of_forum))
rules.add_perm("proposals.moderate_comment", runs_forums)
# Support counts the forum's members behind a proposal; the proposer's own support would say nothing.
rules.add_perm("proposals.support_proposal", is_signed_in & is_member_of_forum & ~is_proposer)
rules.add_perm("proposals.add_consultation_record", runs_forums)
rules.add_perm("proposals.view_consultation_log", runs_forums | is_politician)
