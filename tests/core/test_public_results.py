"""What a visitor reaches from the menu: the rights pages, the goals, the published minutes of the public
forums in one list, and each public forum's calendar feed, with nothing that is not public in them."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from core.models import MeetingStatus, MinutesStatus
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(world):
    consultation = world["forums"]["consultation"]
    now = timezone.now()
    published = MeetingFactory(
        forum=consultation,
        title="Samråd i mars",
        starts_at=now - dt.timedelta(days=60),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    unpublished = MeetingFactory(
        forum=consultation,
        title="Samråd i maj",
        starts_at=now - dt.timedelta(days=20),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.IN_REVIEW,
    )
    planned = MeetingFactory(
        forum=consultation,
        title="Samråd under planering",
        starts_at=now + dt.timedelta(days=40),
        status=MeetingStatus.PLANNED,
    )
    closed = MeetingFactory(
        forum=world["forums"]["finnish_dialogue"],
        title="Dialogmöte med protokoll",
        starts_at=now - dt.timedelta(days=30),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.PUBLISHED,
    )
    return {"published": published, "unpublished": unpublished, "planned": planned, "closed": closed}


def test_published_minutes_list_only_the_public_forums_published_minutes(meetings):
    html = Client().get("/sv/minutes/").content.decode()
    assert "Samråd i mars" in html
    assert "Samråd i maj" not in html
    assert "Dialogmöte med protokoll" not in html


def test_a_public_forums_feed_holds_its_called_meetings_and_nothing_else(world, meetings):
    response = Client().get(f"/sv/forums/{world['forums']['consultation'].slug}/meetings.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert any("Samråd i mars" in s for s in summaries)
    assert not any("planering" in s for s in summaries)
    assert not any("Dialogmöte" in s for s in summaries)


def test_a_forum_not_open_to_the_public_has_no_feed(world):
    for role in ("anonymous", "coordinator"):
        client = Client()
        if role != "anonymous":
            client.force_login(world["people"][role])
        assert (
            client.get(f"/sv/forums/{world['forums']['finnish_dialogue'].slug}/meetings.ics").status_code
            == 404
        )


def test_the_visitors_menu_reaches_rights_goals_and_minutes(world):
    html = Client().get("/fi/").content.decode()
    menu = html[html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))]
    for path in ("/fi/rights/", "/fi/followup/goals/", "/fi/minutes/"):
        assert f'href="{path}"' in menu, path


def test_published_minutes_come_in_pages_with_the_shared_pagination(world):
    """26 published meetings: page one links to page two, page two back to one, and each says where it is."""
    consultation = world["forums"]["consultation"]
    now = timezone.now()
    for day in range(26):
        MeetingFactory(
            forum=consultation,
            starts_at=now - dt.timedelta(days=10 + day),
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.PUBLISHED,
        )
    first = Client().get("/en/minutes/").content.decode()
    assert "Page 1 of 2" in first
    assert 'rel="next" href="?page=2"' in first
    assert 'rel="prev"' not in first
    second = Client().get("/en/minutes/?page=2").content.decode()
    assert "Page 2 of 2" in second
    assert 'rel="prev" href="?page=1"' in second
    assert 'rel="next"' not in second
