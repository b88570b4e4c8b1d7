"""One test per permission, every role (anonymous, resident, both representatives, the administration
contact, politician, coordinator, administrator) on a proposal of the Sweden Finns' dialogue group."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


def user_for(world, role):
    return AnonymousUser() if role == "anonymous" else world["people"][role]


def allowed(world, permission, obj=None) -> set[str]:
    return {role for role in ROLES if user_for(world, role).has_perm(permission, obj)}


def test_who_may_see_the_proposal(world, proposal):
    assert allowed(world, "proposals.view_proposal", proposal) == {
        "representative",
        "admin_contact",
        "politician",
        "coordinator",
        "administrator",
    }


def test_forum_members_and_coordinators_comment(world, proposal):
    assert allowed(world, "proposals.comment_on_proposal", proposal) == {
        "representative",
        "admin_contact",
        "coordinator",
        "administrator",
    }


def test_only_coordinators_moderate(world, proposal):
    assert allowed(world, "proposals.moderate_comment", proposal) == {"coordinator", "administrator"}


def test_members_but_not_the_proposer_support(world, proposal):
    # The world's administrator is a superuser, whom Django grants every permission.
    assert allowed(world, "proposals.support_proposal", proposal) == {"admin_contact", "administrator"}


def test_proposer_of_another_forum_member_may_support(world):
    from tests.proposals.participation.conftest import make_proposal

    proposal = make_proposal(world, proposer=world["people"]["admin_contact"])
    assert allowed(world, "proposals.support_proposal", proposal) == {"representative", "administrator"}


def test_only_coordinators_record_consultations(world, proposal):
    assert allowed(world, "proposals.add_consultation_record", proposal) == {"coordinator", "administrator"}


def test_coordinators_and_politicians_read_the_log(world):
    assert allowed(world, "proposals.view_consultation_log") == {"politician", "coordinator", "administrator"}
