"""The page cache's hit read (core.plumbing.compiled.read_one): the SQL compiled once, the objects as Django's
ORM builds them, and the row read from the database on every request, never kept."""

import pytest
from django.db import connection
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from annual.views import FollowUpDetailView
from core.models import Forum, Meeting
from core.plumbing.compiled import read_one
from core.views.meetings import MEETING_FOR_RULES, MeetingDetailView
from duties.views import DutyDetailView
from followup.models import Action
from followup.views.actions import ActionDetailView
from proposals.models import Proposal
from proposals.views.workflow import ProposalDetailView
from tests.annual.factories import YearlyFollowUpFactory
from tests.duties.factories import DutyFactory
from tests.factories import ActionFactory, CycleFactory

pytestmark = pytest.mark.django_db


def _fields(obj) -> dict:
    """What an object holds: its loaded columns and, for each relation read with it, the related object's."""
    loaded = {name: value for name, value in obj.__dict__.items() if name != "_state"}
    related = {name: _fields(other) for name, other in obj._state.fields_cache.items()}
    return {
        "model": type(obj),
        "loaded": loaded,
        "deferred": obj.get_deferred_fields(),
        "related": related,
        "db": obj._state.db,
        "adding": obj._state.adding,
    }


def _objects(world):
    with translation.override("sv"):
        action = ActionFactory(cycle=CycleFactory(), title_sv="Språkcafé", is_public=True)
    proposal = Proposal.objects.create(
        forum=world["forums"]["finnish_dialogue"],
        proposer=world["people"]["representative"],
        title="Finskspråkig förskola i Handen",
        description="Fler platser på finska.",
    )
    return [
        (MeetingDetailView, "pk", world["meetings"]["finnish"].pk),
        (ProposalDetailView, "pk", proposal.pk),
        (ActionDetailView, "pk", action.pk),
        (DutyDetailView, "pk", DutyFactory().pk),
        (FollowUpDetailView, "year", YearlyFollowUpFactory(year=2025).year),
    ]


def test_each_hit_read_gives_what_the_orm_gives_in_one_query(world):
    for view, field, value in _objects(world):
        hit = view().get_hit_queryset()
        shape = f"test.{view.__qualname__}"
        for _ in range(2):  # compiled at the first read, reused at the second
            with CaptureQueriesContext(connection) as queries:
                read = read_one(hit, field, value, shape=shape)
            assert len(queries) == 1, view
            assert _fields(read) == _fields(get_object_or_404(hit, **{field: value})), view


def test_the_row_is_read_afresh_every_time_and_for_the_key_asked(world):
    meeting, other = world["meetings"]["finnish"], world["meetings"]["consultation"]
    first = read_one(MEETING_FOR_RULES, "pk", meeting.pk, shape="test.meetings")
    assert (first.pk, first.forum_id) == (meeting.pk, meeting.forum_id)
    # Another key through the same compiled SQL: the other meeting, with its own forum.
    second = read_one(MEETING_FOR_RULES, "pk", str(other.pk), shape="test.meetings")
    assert (second.pk, second.forum.pk) == (other.pk, other.forum_id)
    # What the rules judge by changes in the database: the next read sees it.
    Forum.objects.filter(pk=meeting.forum_id).update(is_public=not first.forum.is_public)
    Meeting.objects.filter(pk=meeting.pk).update(status="cancelled")
    again = read_one(MEETING_FOR_RULES, "pk", meeting.pk, shape="test.meetings")
    assert again.forum.is_public is not first.forum.is_public
    assert again.status == "cancelled"


def test_a_key_with_no_row_is_not_found(world):
    missing = Meeting.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    read_one(MEETING_FOR_RULES, "pk", world["meetings"]["finnish"].pk, shape="test.missing")
    with pytest.raises(Http404):
        read_one(MEETING_FOR_RULES, "pk", missing, shape="test.missing")


def test_a_queryset_that_prefetches_is_read_by_the_orm_with_its_prefetch(world):
    meeting = world["meetings"]["finnish"]
    queryset = Meeting.objects.prefetch_related(Prefetch("agenda_items"))
    with CaptureQueriesContext(connection) as queries:
        read = read_one(queryset, "pk", meeting.pk, shape="test.prefetching")
    assert read == meeting
    assert len(queries) == 2 and "agenda_items" in read._prefetched_objects_cache


def test_a_value_the_field_cannot_take_is_refused_as_the_orm_refuses_it(world):
    action = ActionFactory(cycle=CycleFactory())
    assert read_one(Action.objects.only("id"), "pk", action.pk, shape="test.bad") == action
    with pytest.raises(ValueError):
        read_one(Action.objects.only("id"), "pk", "not a number", shape="test.bad")
