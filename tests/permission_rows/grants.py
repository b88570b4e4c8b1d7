"""Rows for the state grant: coordinators and administrators account for it, politicians read the account,
everyone else is refused; a grant's own pages are unknown (404) to those who may not read them."""

from tests.permission_rows import signed_in_statuses

_statuses = signed_in_statuses


def _grant(world) -> dict:
    from tests.followup.factories import StateGrantFactory

    return {"year": StateGrantFactory().year}


def _use(world) -> dict:
    from tests.followup.factories import GrantUseFactory

    return {"pk": GrantUseFactory().pk}


READ_LIST = _statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=200,
    coordinator=200,
    administrator=200,
)
CHANGE = _statuses(
    resident=403,
    representative=403,
    other_representative=403,
    admin_contact=403,
    politician=403,
    coordinator=200,
    administrator=200,
)
READ_OBJECT = {**READ_LIST, **{r: 404 for r, status in READ_LIST.items() if status == 403}}
CHANGE_OBJECT = {**CHANGE, **{r: 404 for r, status in READ_LIST.items() if status == 403}}

ROWS = {
    "followup:grant_list": ({}, READ_LIST),
    "followup:grant_create": ({}, CHANGE),
    "followup:grant_detail": (_grant, READ_OBJECT),
    "followup:grant_edit": (_grant, CHANGE_OBJECT),
    "followup:grant_use_create": (_grant, CHANGE_OBJECT),
    "followup:grant_use_edit": (_use, CHANGE_OBJECT),
    "followup:grant_use_delete": (_use, CHANGE_OBJECT),
}
