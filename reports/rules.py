"""Reports are read by politicians, coordinators and administrators; coordinators and administrators order them
and publish their public versions, which everyone may read."""

import rules

from core.rules import is_politician, runs_forums

rules.add_perm("reports.view_reports", runs_forums | is_politician)
rules.add_perm("reports.order_report", runs_forums)
rules.add_perm("reports.publish_report", runs_forums)
rules.add_perm("reports.view_public_reports", rules.always_allow)
