"""Saving the follow-up's rows: one service per aggregate writes the row and its related rows all or
nothing, and the action's rule (dates, cancel reason, responsible contact, origin) is the form's own.
"""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from followup import services
from followup.models import Action, ActionStatus, Cycle, Goal, GrantUse, Indicator
from proposals import services as proposal_services
from proposals.models import Proposal
from tests.factories import ActionFactory, AgendaItemFactory, CycleFactory, MinorityFactory, UserFactory
from tests.followup.factories import GoalFactory, GrantUseFactory, IndicatorFactory


def vanished(factory):
    """A row loaded before someone else deleted it: writing a link to it fails when the transaction commits."""
    row = factory()
    type(row).objects.filter(pk=row.pk).delete()
    return row


def save_action(row, by, gone):
    row.title_sv = "Ändrad"
    services.save_action(row, by=by, goals=[gone])


def save_goal(row, by, gone):
    row.title_sv = "Ändrad"
    services.save_goal(row, by=by, minorities=[gone], reason="Reviderad av nämnden")


def save_indicator(row, by, gone):
    row.name_sv = "Ändrad"
    services.save_indicator(row, by=by, goals=[gone])


def save_grant_use(row, by, gone):
    row.description = "Ändrad"
    services.save_grant_use(row, by=by, actions=[gone])


CASES = {
    "action": (ActionFactory, GoalFactory, save_action, "title_sv"),
    "goal": (GoalFactory, MinorityFactory, save_goal, "title_sv"),
    "indicator": (IndicatorFactory, GoalFactory, save_indicator, "name_sv"),
    "grant use": (GrantUseFactory, ActionFactory, save_grant_use, "description"),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("case", CASES)
def test_a_row_whose_related_rows_fail_to_save_is_not_changed_either(case):
    factory, related_factory, save, field = CASES[case]
    row = factory()
    before = getattr(row, field)
    gone = vanished(related_factory)
    with pytest.raises(IntegrityError):
        save(row, UserFactory(), gone)
    row.refresh_from_db()
    assert getattr(row, field) == before


@pytest.mark.django_db
def test_a_new_goal_and_its_revision_keep_who_and_why_in_the_history():
    coordinator = UserFactory()
    minority = MinorityFactory()
    goal = services.save_goal(
        GoalFactory.build(title_sv="Fler platser"), by=coordinator, minorities=[minority]
    )
    assert list(goal.minorities.all()) == [minority]
    goal.title_sv = "Fler platser i förskolan"
    with pytest.raises(ValidationError) as refused:
        services.save_goal(goal, by=coordinator, reason="  ")
    assert "reason" in refused.value.message_dict
    assert Goal.objects.get().title_sv == "Fler platser"
    services.save_goal(goal, by=coordinator, reason="Nämndens beslut")
    latest = goal.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason) == (coordinator, "Nämndens beslut")


@pytest.mark.django_db
def test_a_grant_use_is_recorded_by_the_person_who_records_it_not_who_edits_it():
    first, second = UserFactory(), UserFactory()
    existing = GrantUseFactory()
    use = services.save_grant_use(
        GrantUseFactory.build(grant=existing.grant, category=existing.category), by=first, actions=[]
    )
    use.amount = 1000
    services.save_grant_use(use, by=second)
    assert GrantUse.objects.get(pk=use.pk).recorded_by == first


def placed_proposal(world):
    """A proposal of the Finnish group placed on the first item of its meeting."""
    proposal = proposal_services.submit_proposal(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola",
        description="Fler platser behövs.",
        language="sv",
    )
    item = world["meetings"]["finnish"].agenda_items.first()
    Proposal.objects.filter(pk=proposal.pk).update(agenda_item=item)
    proposal.refresh_from_db()
    return proposal


@pytest.mark.django_db
def test_an_action_cannot_name_a_proposal_and_an_agenda_item_the_proposal_was_not_placed_on(
    client_for, world
):
    CycleFactory()
    proposal = placed_proposal(world)
    elsewhere = AgendaItemFactory(title="Annan punkt")
    data = {
        "title_sv": "Fler förskoleplatser",
        "cycle": Cycle.objects.get().pk,
        "department": world["department"].pk,
        "status": ActionStatus.PLANNED,
        "progress": 0,
        "origin_proposal": proposal.pk,
        "origin_agenda_item": elsewhere.pk,
    }
    client = client_for("coordinator")
    response = client.post(reverse("followup:action_create"), data)
    assert response.status_code == 200
    assert "Förslaget placerades på en annan punkt på dagordningen" in response.content.decode()
    assert not Action.objects.exists()
    # The item the proposal was placed on is its thread.
    response = client.post(
        reverse("followup:action_create"), {**data, "origin_agenda_item": proposal.agenda_item_id}
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.origin_proposal, action.origin_agenda_item) == (proposal, proposal.agenda_item)


@pytest.mark.django_db
def test_saving_an_action_outside_a_form_keeps_the_same_rule(world):
    proposal = placed_proposal(world)
    action = ActionFactory.build(
        cycle=CycleFactory(), department=world["department"], origin_proposal=proposal
    )
    action.origin_agenda_item = AgendaItemFactory()
    with pytest.raises(ValidationError) as refused:
        services.save_action(action, by=world["people"]["coordinator"])
    assert NON_FIELD_ERRORS in refused.value.message_dict
    action.status, action.cancel_reason, action.origin_agenda_item = ActionStatus.CANCELLED, "", None
    with pytest.raises(ValidationError) as refused:
        services.save_action(action, by=world["people"]["coordinator"])
    assert "cancel_reason" in refused.value.message_dict
    assert not Action.objects.exists()
    action.cancel_reason = "Ingen finansiering"
    services.save_action(action, by=world["people"]["coordinator"], minorities=[MinorityFactory()])
    assert Action.objects.get().minorities.count() == 1


@pytest.mark.django_db
def test_an_indicator_is_saved_with_its_goals(world):
    goal = GoalFactory()
    indicator = services.save_indicator(
        IndicatorFactory.build(), by=world["people"]["coordinator"], goals=[goal], minorities=[]
    )
    assert list(Indicator.objects.get(pk=indicator.pk).goals.all()) == [goal]
