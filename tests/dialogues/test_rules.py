"""One test per permission, every role (adhocracy+ style): who may see, answer, create and receive."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dialogues.models import Commitment
from tests.conftest import ROLES
from tests.dialogues.factories import CommitmentFactory
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def person(world, role):
    return AnonymousUser() if role == "anonymous" else world["people"][role]


def allowed(world, perm, obj=None) -> set[str]:
    return {role for role in ROLES if person(world, role).has_perm(perm, obj)}


@pytest.fixture
def commitments(world):
    """The administration contact's department (SÄF) is asked by the Sweden Finns and the Roma council."""
    saf = world["department"]
    other = DepartmentFactory(code="KOF", name="Kultur- och fritidsförvaltningen")
    item = {key: meeting.agenda_items.first() for key, meeting in world["meetings"].items()}
    return {
        "finnish_saf": CommitmentFactory(agenda_item=item["finnish"], department=saf),
        "roma_saf": CommitmentFactory(agenda_item=item["roma"], department=saf),
        "roma_kof": CommitmentFactory(agenda_item=item["roma"], department=other),
        "public_kof": CommitmentFactory(agenda_item=item["consultation"], department=other),
        "planned_kof": CommitmentFactory(agenda_item=item["planned"], department=other),
    }


MANAGERS = {"coordinator", "administrator"}
SEE_EVERY_MEETING = {"politician", *MANAGERS}

VIEW = {
    # A members' forum: its members and the department's contact.
    "finnish_saf": {"representative", "admin_contact", *SEE_EVERY_MEETING},
    # The department's contact sees it although they do not sit in the Roma council.
    "roma_saf": {"other_representative", "admin_contact", *SEE_EVERY_MEETING},
    "roma_kof": {"other_representative", *SEE_EVERY_MEETING},
    # A public forum's called meeting: everyone.
    "public_kof": set(ROLES),
    # A public forum's meeting still being planned: its members and those who see every meeting.
    "planned_kof": {"representative", *SEE_EVERY_MEETING},
}


@pytest.mark.parametrize("key", sorted(VIEW))
def test_view_commitment(world, commitments, key):
    assert allowed(world, "dialogues.view_commitment", commitments[key]) == VIEW[key]


@pytest.mark.parametrize("key", sorted(VIEW))
def test_visible_to_agrees_with_the_view_permission(world, commitments, key):
    commitment = commitments[key]
    for role in ROLES:
        in_queryset = Commitment.objects.visible_to(person(world, role)).filter(pk=commitment.pk).exists()
        assert in_queryset == (role in VIEW[key]), role


def test_the_responsible_person_sees_and_answers_a_commitment_of_another_department(world, commitments):
    commitment = commitments["roma_kof"]
    commitment.responsible = world["people"]["admin_contact"]
    commitment.save()
    contact = world["people"]["admin_contact"]
    assert contact.has_perm("dialogues.view_commitment", commitment)
    assert contact.has_perm("dialogues.answer_commitment", commitment)
    assert Commitment.objects.visible_to(contact).filter(pk=commitment.pk).exists()


def test_an_administration_contact_without_a_department_answers_for_none(world, commitments):
    contact = UserFactory(role="admin_contact", department=None)
    assert not contact.has_perm("dialogues.answer_commitment", commitments["roma_saf"])
    assert not contact.has_perm("dialogues.view_commitment", commitments["roma_saf"])


def test_view_commitment_history_is_for_those_signed_in(world, commitments):
    assert allowed(world, "dialogues.view_commitment_history", commitments["public_kof"]) == set(ROLES) - {
        "anonymous"
    }
    assert (
        allowed(world, "dialogues.view_commitment_history", commitments["finnish_saf"]) == VIEW["finnish_saf"]
    )


def test_answer_commitment(world, commitments):
    assert allowed(world, "dialogues.answer_commitment", commitments["finnish_saf"]) == {
        "admin_contact",
        *MANAGERS,
    }
    assert allowed(world, "dialogues.answer_commitment", commitments["roma_saf"]) == {
        "admin_contact",
        *MANAGERS,
    }
    assert allowed(world, "dialogues.answer_commitment", commitments["roma_kof"]) == MANAGERS


def test_add_commitment(world):
    assert allowed(world, "dialogues.add_commitment", world["meetings"]["finnish"]) == MANAGERS
    assert allowed(world, "dialogues.add_commitment") == MANAGERS


def test_mark_received(world, commitments):
    assert allowed(world, "dialogues.mark_received", commitments["finnish_saf"]) == MANAGERS
    assert allowed(world, "dialogues.mark_received") == MANAGERS


def test_view_commitment_list(world):
    assert allowed(world, "dialogues.view_commitment_list") == {
        "admin_contact",
        "politician",
        "representative",
        "other_representative",
        *MANAGERS,
    }


def test_view_all_commitments(world):
    assert allowed(world, "dialogues.view_all_commitments") == {"politician", *MANAGERS}
