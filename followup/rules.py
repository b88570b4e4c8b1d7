"""Who may do what in the follow-up (django-rules). Views declare these names.

Follow-up is the municipality's own business: every signed-in role but residents reads all of it;
visitors and residents see the actions the coordinator marks public, the goals and the indicators.
Coordinators (and administrators) plan; the responsible department's administration contacts report.
"""

import rules

from core.models import Role
from core.rules import is_admin_contact, is_politician, is_representative, runs_forums

from .models import sees_whole_register


@rules.predicate
def reads_follow_up(user) -> bool:
    return sees_whole_register(user)


@rules.predicate
def is_public_action(user, action) -> bool:
    return action is not None and action.is_public


@rules.predicate
def answers_for_action(user, action) -> bool:
    """The responsible person, or an administration contact of the responsible department."""
    if action is None or not user.is_authenticated:
        return False
    if action.responsible_id == user.pk:
        return True
    return bool(
        user.role == Role.ADMIN_CONTACT and user.department_id and user.department_id == action.department_id
    )


rules.add_perm("followup.view_register", rules.always_allow)
rules.add_perm("followup.view_action", is_public_action | reads_follow_up)
rules.add_perm("followup.add_action", runs_forums)
rules.add_perm("followup.change_action", runs_forums)
rules.add_perm("followup.report_progress", runs_forums | answers_for_action)
rules.add_perm("followup.view_dashboard", reads_follow_up)
# Comments on actions, as on proposals: representatives answer a progress update, the administration answers
# for its actions, coordinators take part and moderate (hide with a reason kept in the history).
rules.add_perm(
    "followup.comment_on_action",
    (is_public_action | reads_follow_up)
    & (runs_forums | is_representative | is_admin_contact | answers_for_action),
)
rules.add_perm("followup.moderate_action_comment", runs_forums)
rules.add_perm("followup.view_department", is_admin_contact | is_politician | runs_forums)
rules.add_perm("followup.view_goals", rules.always_allow)
rules.add_perm("followup.change_goal", runs_forums)
rules.add_perm("followup.view_indicators", rules.always_allow)
rules.add_perm("followup.change_indicator", runs_forums)
rules.add_perm("followup.add_indicator_value", runs_forums | is_admin_contact)
rules.add_perm("followup.manage_cycles", runs_forums)
# The state grant: coordinators account for it; politicians read the account.
rules.add_perm("followup.view_grants", runs_forums | is_politician)
rules.add_perm("followup.change_grants", runs_forums)
