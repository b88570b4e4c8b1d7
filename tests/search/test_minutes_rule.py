"""The search's filter for readable minutes is the rule `core.view_minutes`, for every role and state."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.models import Meeting, MeetingStatus, MinutesStatus
from search.queries import minutes_visible_to
from tests.conftest import ROLES
from tests.factories import MeetingFactory


@pytest.fixture
def meetings(world):
    """The world's meetings, and a held one in each forum for each state of the minutes."""
    for forum in world["forums"].values():
        for state in MinutesStatus:
            MeetingFactory(
                forum=forum, title=f"{forum.name}: {state}", status=MeetingStatus.HELD, minutes_status=state
            )
    return list(Meeting.objects.select_related("forum"))


@pytest.mark.parametrize("role", ROLES)
def test_minutes_filter_agrees_with_the_rule(role, world, meetings):
    user = AnonymousUser() if role == "anonymous" else world["people"][role]
    by_filter = set(minutes_visible_to(user).values_list("pk", flat=True))
    by_rule = {meeting.pk for meeting in meetings if user.has_perm("core.view_minutes", meeting)}
    assert by_filter == by_rule
    # Guard against a vacuous pass: every role but coordinators and administrators misses some.
    assert len(meetings) == 4 + 3 * len(MinutesStatus)
    if role not in {"coordinator", "administrator"}:
        assert by_rule != {meeting.pk for meeting in meetings}
