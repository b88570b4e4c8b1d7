"""The workflow's pages cost the same number of queries whatever the amount of data."""

import pytest
from django.urls import reverse

from core.models import Meeting, MinutesStatus
from proposals import services
from proposals.models import Proposal, ProposalStatus


def _fill(world, make_proposal, size: int) -> Proposal:
    """`size` proposals of each kind; returns one that is placed, minuted and has a long history."""
    coordinator = world["people"]["coordinator"]
    placed = make_proposal(title="Placerad")
    for number in range(size):
        other = make_proposal(title=f"Förslag {number}")
        make_proposal(forum_key="consultation", title=f"Samråd {number}")
        services.consider(other, coordinator, f"Skäl {number}")
        if number % 2:
            services.decline(other, coordinator, "Nej.")
        placed.followers.add(world["people"]["admin_contact"])
    services.consider(placed, coordinator, "Bereds.")
    services.place_on_agenda(placed, world["meetings"]["finnish"], coordinator, "Tas upp.")
    for number in range(size):
        services.mark_answered(placed, world["people"]["representative"], bool(number % 2), "")
    Proposal.objects.filter(status=ProposalStatus.DECLINED).update(answered=False)
    # The minutes are out to the members: the page shows them and the agenda item's sections.
    Meeting.objects.filter(pk=world["meetings"]["finnish"].pk).update(minutes_status=MinutesStatus.IN_REVIEW)
    return placed


# The session with its person and their memberships (one query; core.sessions), then: the list; for the inbox also its count, the not-answered section and the
# filter form's three choice lists (forum, minority, department). "Mine" also reads the actions the
# proposals led to (followup's object links), one query for the whole list.
PAGES = {
    ("mine", "representative"): 3,
    ("inbox", "coordinator"): 7,
}


@pytest.mark.parametrize(("page", "role"), sorted(PAGES))
@pytest.mark.parametrize("size", [1, 12])
def test_list_queries_do_not_grow(
    page, role, size, world, make_proposal, client_for, django_assert_num_queries
):
    _fill(world, make_proposal, size)
    client = client_for(role)
    client.get(reverse(f"proposals:{page}"))
    with django_assert_num_queries(PAGES[(page, role)]):
        assert client.get(reverse(f"proposals:{page}")).status_code == 200


# The session with its person and their memberships (one query; core.sessions), the proposal with its forum, people,
# meeting and agenda item, its attachments, the history, and the commitments of the agenda item (the minutes are
# out); the coordinator's page (a placed proposal: resolve or defer) the meetings to defer to.
# Plus comments and consultations (proposals/participation.py): 2 queries for both (the support and whether the
# person supports and follows it come with the proposal); and the story (proposals/timeline.py) shares the
# history, the commitments and the actions with the page's sections.
DETAIL = {"representative": 8, "coordinator": 9}


@pytest.mark.parametrize("role", sorted(DETAIL))
@pytest.mark.parametrize("size", [1, 12])
def test_detail_queries_do_not_grow(role, size, world, make_proposal, client_for, django_assert_num_queries):
    placed = _fill(world, make_proposal, size)
    client = client_for(role)
    client.get(placed.get_absolute_url())
    with django_assert_num_queries(DETAIL[role]):
        assert client.get(placed.get_absolute_url()).status_code == 200
