"""Who may do what with commitments (django-rules). Views declare `permission_required` with these names.

A commitment is seen by those who may see the meeting it came from, by the administration contacts of
its department and by its responsible person; those and the coordinators answer it; coordinators create
commitments and mark answers received. Outsiders get 404, those who may see but not change get 403.
"""

import rules

from core.models import Role
from core.rules import is_admin_contact, is_politician, is_representative, is_signed_in, runs_forums


@rules.predicate
def may_see_meeting_of_commitment(user, commitment) -> bool:
    """Whoever may see the meeting may see what was lifted to the administration there."""
    return commitment is not None and user.has_perm("core.view_meeting", commitment.agenda_item.meeting)


@rules.predicate
def is_contact_of_department(user, commitment) -> bool:
    """An administration contact answers for their own department."""
    return bool(
        commitment is not None
        and user.is_authenticated
        and user.role == Role.ADMIN_CONTACT
        and user.department_id is not None
        and user.department_id == commitment.department_id
    )


@rules.predicate
def is_responsible(user, commitment) -> bool:
    return bool(commitment is not None and user.is_authenticated and commitment.responsible_id == user.pk)


may_see_commitment = may_see_meeting_of_commitment | is_contact_of_department | is_responsible

rules.add_perm("dialogues.view_commitment", may_see_commitment)
# Who changed what is shown to people who sign in, not to every visitor of a public forum.
rules.add_perm("dialogues.view_commitment_history", is_signed_in & may_see_commitment)
# Representatives follow what was lifted at their own forums' meetings (the list shows only those).
rules.add_perm(
    "dialogues.view_commitment_list", runs_forums | is_politician | is_admin_contact | is_representative
)
# The whole list with every department; administration contacts see their own department's part.
rules.add_perm("dialogues.view_all_commitments", runs_forums | is_politician)
rules.add_perm("dialogues.add_commitment", runs_forums)
rules.add_perm("dialogues.answer_commitment", runs_forums | is_contact_of_department | is_responsible)
rules.add_perm("dialogues.mark_received", runs_forums)
