"""Who may do what with working groups (django-rules). Seeing a group's mandate follows `core.view_forum`."""

import rules

from core.rules import is_signed_in, runs_forums

# The list shows each person only the groups they may see (core.view_forum), so every signed-in person may open it.
rules.add_perm("workinggroups.view_workinggroup_list", is_signed_in)
# Coordinators and administrators write the mandate and close the group with its report.
rules.add_perm("workinggroups.change_mandate", runs_forums)
# Coordinators and administrators set up a new working group (a forum of that tier with its mandate).
rules.add_perm("workinggroups.add_workinggroup", runs_forums)
rules.add_perm("workinggroups.close_workinggroup", runs_forums)
