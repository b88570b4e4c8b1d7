"""The demo proposals: every state, some in Finnish, and building twice writes nothing."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.haninge import build
from demo.proposals import build_proposals_demo
from proposals.models import Proposal, ProposalStatus

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def test_demo_proposals_cover_every_state_and_twice_writes_nothing():
    build(TODAY)
    build_proposals_demo(TODAY)
    first = sorted(Proposal.objects.values_list("title", "status", "agenda_item_id", "answered"))
    history = Proposal.history.count()
    with CaptureQueriesContext(connection) as queries:
        build_proposals_demo(TODAY)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert sorted(Proposal.objects.values_list("title", "status", "agenda_item_id", "answered")) == first
    assert Proposal.history.count() == history

    assert {p.status for p in Proposal.objects.all()} == set(ProposalStatus.values)
    assert Proposal.objects.filter(language="fi", proposer__email="representant@example.org").exists()
    placed = Proposal.objects.get(status=ProposalStatus.PLACED)
    assert placed.forum.slug == "dialog-sverigefinnar"
    assert placed.agenda_item.meeting.starts_at.date() >= TODAY
    assert Proposal.objects.get(status=ProposalStatus.MERGED).merged_into == placed
    # A proposal on a meeting comes before its any other business ("Övriga frågor").
    for proposal in Proposal.objects.exclude(agenda_item=None).select_related("agenda_item"):
        items = list(proposal.agenda_item.meeting.agenda_items.order_by("position", "pk"))
        assert [i.is_any_other_business for i in items] == [False] * (len(items) - 1) + [True]
    assert Proposal.objects.get(status=ProposalStatus.DECLINED).status_reason
    assert set(
        Proposal.objects.filter(status=ProposalStatus.RESOLVED).values_list("answered", flat=True)
    ) == {
        True,
        False,
    }
