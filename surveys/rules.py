"""Who may do what with questionnaires (django-rules). Coordinators compose, send and read them; politicians read
the results; the people a questionnaire is sent to answer it (checked on the questionnaire in the view)."""

import rules

from core.rules import is_politician, is_signed_in, runs_forums

rules.add_perm("surveys.view_questionnaires", is_signed_in)
rules.add_perm("surveys.change_questionnaire", runs_forums)
rules.add_perm("surveys.view_results", runs_forums | is_politician)
