"""A meeting's page lists the actions that came from it, by each of the three roads: an agenda item, a
commitment lifted at one, or a proposal placed on one; and none that came from another meeting."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import MeetingStatus
from dialogues.services import create_commitment
from proposals import services as proposal_services
from tests.factories import ActionFactory, AgendaItemFactory

pytestmark = pytest.mark.django_db


def test_the_meeting_lists_the_actions_of_its_items_commitments_and_proposals_and_no_others(
    client_for, world
):
    people, coordinator = world["people"], world["people"]["coordinator"]
    meeting, other = world["meetings"]["finnish"], world["meetings"]["consultation"]
    item = AgendaItemFactory(meeting=meeting, title="Språkcafé", position=9)
    proposal = proposal_services.submit_proposal(
        forum=meeting.forum,
        proposer=people["representative"],
        title="Finsk förskola",
        description="Fler platser.",
    )
    proposal_services.consider(proposal, by=coordinator)
    proposal_services.place_on_agenda(proposal, meeting, by=coordinator)
    commitment = create_commitment(
        agenda_item=item,
        title="Skyltar på finska",
        department=world["department"],
        due_on=timezone.localdate() + dt.timedelta(days=30),
        by=coordinator,
    )
    type(meeting).objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    titles = {
        "Från punkten": {"origin_agenda_item": item},
        "Från åtagandet": {"origin_commitment": commitment},
        "Från förslaget": {"origin_proposal": proposal},
    }
    for title, origin in titles.items():
        ActionFactory(title=title, department=world["department"], **origin)
    ActionFactory(
        title="Från ett annat möte", origin_agenda_item=AgendaItemFactory(meeting=other, position=9)
    )
    ActionFactory(title="Utan ursprung")

    page = client_for("coordinator").get(meeting.get_absolute_url()).content.decode()
    for title in titles:
        assert title in page
    assert "Från ett annat möte" not in page and "Utan ursprung" not in page
