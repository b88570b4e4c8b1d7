"""Fixtures for the dialogue tier: an earlier, held meeting of the Sweden Finns' dialogue group whose
issues the group's next meeting (world["meetings"]["finnish"]) hears back as feedback.
"""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import MeetingStatus, MinutesStatus
from tests.factories import AgendaItemFactory, MeetingFactory


@pytest.fixture
def earlier_meeting(world):
    """Held five weeks ago; world["meetings"]["finnish"] (in five days) is the forum's next meeting."""
    meeting = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Tidigare dialogmöte sverigefinnar",
        starts_at=timezone.now() - dt.timedelta(days=35),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    AgendaItemFactory(meeting=meeting, title="Äldreomsorg på finska", position=1)
    return meeting


@pytest.fixture
def earlier_item(earlier_meeting):
    return earlier_meeting.agenda_items.get()
