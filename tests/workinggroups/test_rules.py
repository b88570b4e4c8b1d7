"""One test per permission of the working-group tier, for every role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.conftest import ROLES
from tests.workinggroups.factories import working_group_of


def person(world, role):
    return AnonymousUser() if role == "anonymous" else world["people"][role]


def expect(world, perm, allowed: set[str], obj=None) -> None:
    got = {role for role in ROLES if person(world, role).has_perm(perm, obj)}
    assert got == allowed, perm


def test_every_signed_in_person_may_open_the_list_of_working_groups(world):
    expect(world, "workinggroups.view_workinggroup_list", set(ROLES) - {"anonymous"})


def test_only_coordinators_and_administrators_change_a_mandate(world):
    expect(world, "workinggroups.change_mandate", {"coordinator", "administrator"}, working_group_of(world))


def test_only_coordinators_and_administrators_close_a_working_group(world):
    expect(
        world, "workinggroups.close_workinggroup", {"coordinator", "administrator"}, working_group_of(world)
    )


def test_a_mandate_is_seen_by_members_and_those_who_see_every_meeting(world):
    """Seeing a group (and so its mandate) is core.view_forum: members, politicians, coordinators."""
    expect(
        world,
        "core.view_forum",
        {"representative", "admin_contact", "politician", "coordinator", "administrator"},
        working_group_of(world),
    )


@pytest.mark.parametrize("role", ROLES)
def test_a_public_working_group_is_seen_by_everyone(world, role):
    assert person(world, role).has_perm("core.view_forum", working_group_of(world, is_public=True))
