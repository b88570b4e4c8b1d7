"""The home page: the wheel of the current cycle and, per role, what needs the person's attention."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import Meeting, MeetingStatus, Tier
from followup.models import ActionStatus
from proposals.models import Proposal, ProposalStatus
from tests.factories import ActionFactory, CycleFactory, ForumFactory, MeetingFactory


@pytest.fixture
def cycle(db):
    return CycleFactory(year=timezone.localdate().year)


def test_home_shows_the_current_phase_of_the_wheel(client, cycle):
    phase = cycle.phase_on(timezone.localdate())
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Årssnurra {cycle.year}" in page
    assert 'aria-current="step"' in page
    assert f"<strong>{phase.get_kind_display()}</strong>" in page
    # The SVG has a text alternative that names the phase.
    assert f"{cycle.title}: hjulet står på {phase.get_kind_display()}" in page


def test_home_without_a_cycle_says_so(client, db):
    response = client.get(reverse("home"))
    assert "Ingen årssnurra har öppnats ännu." in response.content.decode()


def test_visitors_see_public_meetings_but_not_dialogue_meetings(client, world, cycle):
    MeetingFactory(forum=world["forums"]["consultation"], title="Öppet samråd om programmet")
    MeetingFactory(forum=world["forums"]["roma_dialogue"], title="Dialogmöte romska rådet")
    page = client.get(reverse("home")).content.decode()
    assert "Öppet samråd om programmet" in page
    assert "Dialogmöte romska rådet" not in page


def test_representative_sees_own_forum_meetings_not_other_minorities(client_for, world, cycle):
    MeetingFactory(forum=world["forums"]["finnish_dialogue"], title="Dialogmöte sverigefinnar")
    MeetingFactory(forum=world["forums"]["roma_dialogue"], title="Dialogmöte romska rådet")
    page = client_for("representative").get(reverse("home")).content.decode()
    assert "Dialogmöte sverigefinnar" in page
    assert "Dialogmöte romska rådet" not in page


def test_planned_meeting_of_a_public_forum_stays_hidden_until_its_agenda_is_out(client, world, cycle):
    MeetingFactory(
        forum=world["forums"]["consultation"], title="Samråd i planering", status=MeetingStatus.PLANNED
    )
    assert "Samråd i planering" not in client.get(reverse("home")).content.decode()


def test_coordinator_sees_overdue_actions(client_for, world, cycle):
    ActionFactory(
        cycle=cycle, title="Finskspråkig avdelning", due_on=timezone.localdate() - dt.timedelta(days=3)
    )
    ActionFactory(
        cycle=cycle,
        title="Klar insats",
        status=ActionStatus.DONE,
        due_on=timezone.localdate() - dt.timedelta(days=3),
    )
    page = client_for("coordinator").get(reverse("home")).content.decode()
    assert "Försenade insatser" in page
    assert "Finskspråkig avdelning" in page
    assert "Klar insats" not in page


def test_administration_contact_sees_their_departments_unfinished_actions(client_for, world, cycle):
    ActionFactory(cycle=cycle, title="Egen förvaltnings insats", department=world["department"])
    ActionFactory(cycle=cycle, title="Annan förvaltnings insats")
    page = client_for("admin_contact").get(reverse("home")).content.decode()
    assert "Egen förvaltnings insats" in page
    assert "Annan förvaltnings insats" not in page


def test_empty_states_are_written_out(client_for, world, cycle):
    Meeting.objects.all().delete()
    page = client_for("politician").get(reverse("home")).content.decode()
    assert "Inga kommande möten som du kan se." in page
    assert "Ingen insats är försenad." in page


def _fill(world, cycle, count: int) -> None:
    forum = world["forums"]["finnish_dialogue"]
    for _ in range(count):
        MeetingFactory(forum=forum)
        MeetingFactory(forum=ForumFactory(tier=Tier.WORKING_GROUP, minority=None))
        ActionFactory(
            cycle=cycle, department=world["department"], due_on=timezone.localdate() - dt.timedelta(days=1)
        )
        Proposal.objects.create(
            forum=forum, proposer=world["people"]["representative"], title="Förslag", description="…"
        )


# The session with its person (signed in; one query), the cycle and its phases, then one query per attention list
# (an administration contact has three: meetings, open commitments, unfinished actions).
# Proposals added one list each: a representative's own proposals (5 -> 6) and, for a coordinator,
# the proposals waiting with their count in the same query (6 -> 7).
HOME_QUERIES = {
    "anonymous": 3,
    "representative": 5,
    "admin_contact": 6,
    "coordinator": 6,
}


@pytest.mark.parametrize("role", sorted(HOME_QUERIES))
@pytest.mark.parametrize("size", [1, 25])
def test_home_query_count_does_not_grow_with_the_data(
    role, size, client_for, world, cycle, django_assert_num_queries
):
    _fill(world, cycle, size)
    client = client_for(role)
    client.get(reverse("home"))  # the first request of a session records its activity time
    with django_assert_num_queries(HOME_QUERIES[role]):
        response = client.get(reverse("home"))
    assert response.status_code == 200


def test_representative_sees_their_latest_proposals(client_for, world, cycle):
    rep = world["people"]["representative"]
    forum = world["forums"]["finnish_dialogue"]
    for number in range(7):
        Proposal.objects.create(forum=forum, proposer=rep, title=f"Eget förslag {number}", description="…")
    Proposal.objects.create(
        forum=forum, proposer=world["people"]["admin_contact"], title="Någon annans", description="…"
    )
    response = client_for("representative").get(reverse("home"))
    box = response.context["attention"][-1]
    assert box.key == "proposals"
    assert [p.title for p in box.items] == [f"Eget förslag {n}" for n in range(6, 1, -1)]


def test_coordinator_sees_how_many_proposals_wait_and_the_oldest(client_for, world, cycle):
    rep = world["people"]["representative"]
    forum = world["forums"]["finnish_dialogue"]
    for number in range(7):
        Proposal.objects.create(
            forum=forum,
            proposer=rep,
            title=f"Väntar {number}",
            description="…",
            created_at=timezone.now() - dt.timedelta(days=30 - number),
        )
    Proposal.objects.create(
        forum=forum, proposer=rep, title="Avgjort", description="…", status=ProposalStatus.RESOLVED
    )
    response = client_for("coordinator").get(reverse("home"))
    box = next(b for b in response.context["attention"] if b.key == "waiting_proposals")
    assert box.count == 7
    assert [p.title for p in box.items] == [f"Väntar {n}" for n in range(5)]
    assert 'id="attention-waiting_proposals-count"' in response.content.decode()
