"""Rows for the working-group tier: the list, recording a mandate and closing a group."""

from tests.permission_rows import signed_in_only
from tests.workinggroups.factories import working_group_of


def a_working_group(world) -> dict:
    """A group in which the Finnish representative and the administration contact sit, with its mandate."""
    return {"slug": working_group_of(world).slug}


# Members and politicians may see the group (403: they may not change it); other people may not know it exists.
SEE_BUT_NOT_CHANGE = {
    "anonymous": 302,
    "resident": 404,
    "representative": 403,
    "other_representative": 404,
    "admin_contact": 403,
    "politician": 403,
    "coordinator": 200,
    "administrator": 200,
}

ROWS = {
    "workinggroups:list": ({}, signed_in_only()),
    # Coordinators and administrators set up working groups; other signed-in people are refused.
    "workinggroups:create": (
        {},
        {**signed_in_only(403), "coordinator": 200, "administrator": 200},
    ),
    "workinggroups:mandate_edit": (a_working_group, SEE_BUT_NOT_CHANGE),
    "workinggroups:close": (a_working_group, SEE_BUT_NOT_CHANGE),
}
