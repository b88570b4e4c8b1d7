"""Who may do what with the register of duties (django-rules). Views declare these names.

Everyone reads the public summary (the law's duties and how they were met). The register with its
evidence is the municipality's own follow-up: every signed-in role but residents reads it, as the rest of
the follow-up. Coordinators (and administrators) keep the register; a responsible department's
administration contacts, and the duty's contact, record each year's assessment.
"""

import rules

from core.models import Role
from core.rules import runs_forums
from followup.rules import reads_follow_up


@rules.predicate
def answers_for_duty(user, duty) -> bool:
    """The duty's contact, or an administration contact of one of its responsible departments."""
    if duty is None or not user.is_authenticated:
        return False
    if duty.contact_id == user.pk:
        return True
    if user.role != Role.ADMIN_CONTACT or not user.department_id:
        return False
    # .all() reads a prefetch where the page made one (the register and the department view do).
    return any(department.pk == user.department_id for department in duty.departments.all())


rules.add_perm("duties.view_summary", rules.always_allow)
rules.add_perm("duties.view_register", reads_follow_up)
rules.add_perm("duties.view_duty", reads_follow_up)
rules.add_perm("duties.change_duty", runs_forums)
rules.add_perm("duties.assess_duty", runs_forums | answers_for_duty)
