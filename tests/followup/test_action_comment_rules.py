"""One test per permission of comments on actions, every role, on an action that is not public and on one
that is (residents and visitors see only public actions and comment on none)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.conftest import ROLES
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

TAKING_PART = {"representative", "other_representative", "admin_contact", "coordinator", "administrator"}


def allowed(world, permission, obj) -> set[str]:
    people = {role: AnonymousUser() if role == "anonymous" else world["people"][role] for role in ROLES}
    return {role for role, user in people.items() if user.has_perm(permission, obj)}


@pytest.mark.parametrize("public", [False, True])
def test_representatives_the_administration_and_coordinators_comment(world, public):
    action = ActionFactory(department=world["department"], is_public=public)
    assert allowed(world, "followup.comment_on_action", action) == TAKING_PART


def test_the_responsible_person_comments_on_their_action_whatever_their_role(world):
    politician = world["people"]["politician"]
    action = ActionFactory(department=world["department"], responsible=politician)
    assert politician.has_perm("followup.comment_on_action", action)


def test_only_coordinators_moderate_comments_on_actions(world):
    action = ActionFactory(department=world["department"])
    assert allowed(world, "followup.moderate_action_comment", action) == {"coordinator", "administrator"}
