"""Rows for the trends: the quarters' charts and the printable summary, open to whoever sees the follow-up
dashboard (every signed-in role but residents, who get 403; visitors are asked to sign in)."""

from tests.permission_rows import signed_in_statuses

DASHBOARD_READERS = signed_in_statuses(
    resident=403,
    representative=200,
    other_representative=200,
    admin_contact=200,
    politician=200,
    coordinator=200,
    administrator=200,
)

ROWS = {
    "followup:trends": ({}, DASHBOARD_READERS),
    "followup:trend_summary": ({}, DASHBOARD_READERS),
}
