"""The consultation group's follow-up of the dialogue (seed 001): per minority, the dialogue meetings held
since the group's previous meeting, with links for those who may open them, and the issues they took up."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from consultations.sections import dialogue_section
from consultations.selectors import dialogue_since_previous_consultation, months_before
from core.models import MeetingStatus, Tier
from core.plumbing.sections import meeting_sections
from tests.factories import AgendaItemFactory, ForumFactory, MeetingFactory, MinorityFactory

TEMPLATE = "consultations/includes/dialogue_section.html"


def held(forum, days_ago: float, *items: str, status=MeetingStatus.HELD, title=None):
    meeting = MeetingFactory(
        forum=forum,
        starts_at=timezone.now() - dt.timedelta(days=days_ago),
        status=status,
        **({"title": title} if title else {}),
    )
    for position, item in enumerate(items):
        AgendaItemFactory(meeting=meeting, title=item, position=position)
    return meeting


@pytest.fixture
def dialogue(world):
    """This consultation meeting (in ten days) and the previous one (60 days ago), with dialogue around them."""
    forums = world["forums"]
    finnish = forums["finnish_dialogue"]
    sami = ForumFactory(
        tier=Tier.DIALOGUE, minority=MinorityFactory(slug="samer", name="Samer"), name="Samer"
    )
    return {
        "meeting": world["meetings"]["consultation"],
        "previous": held(forums["consultation"], 60, "Minoritetspolitiska programmet"),
        # Cancelled after the previous meeting: not "the previous consultation meeting".
        "cancelled_consultation": held(forums["consultation"], 15, status=MeetingStatus.CANCELLED),
        "before_previous": held(finnish, 90, "Gammal fråga"),
        "finnish": held(finnish, 20, "Finskspråkig avdelning på särskilt boende", "Övriga frågor"),
        "finnish_later": held(finnish, 5, "Modersmål i förskolan", "Övriga frågor"),
        "finnish_cancelled": held(finnish, 10, "Inställd fråga", status=MeetingStatus.CANCELLED),
        # world: the Roma council met 30 days ago (held); the Sweden Finns meet in five days (not yet held).
        "roma": world["meetings"]["roma"],
        "upcoming_finnish": world["meetings"]["finnish"],
        "sami": sami,
    }


def by_forum(overview) -> dict:
    return {row.forum.pk: row for row in overview.minorities}


def test_overview_lists_per_minority_the_meetings_held_since_the_previous_consultation(world, dialogue):
    overview = dialogue_since_previous_consultation(dialogue["meeting"])
    assert overview.previous_pk == dialogue["previous"].pk
    assert overview.since == dialogue["previous"].starts_at
    assert overview.until == dialogue["meeting"].starts_at
    rows = by_forum(overview)
    finnish = rows[world["forums"]["finnish_dialogue"].pk]
    assert finnish.meetings == [dialogue["finnish"], dialogue["finnish_later"]]
    assert rows[world["forums"]["roma_dialogue"].pk].meetings == [dialogue["roma"]]


def test_overview_leaves_out_what_came_before_the_previous_meeting_and_what_was_not_held(world, dialogue):
    meetings = {
        m
        for row in dialogue_since_previous_consultation(dialogue["meeting"]).minorities
        for m in row.meetings
    }
    for key in (
        "before_previous",
        "finnish_cancelled",
        "upcoming_finnish",
        "previous",
        "cancelled_consultation",
    ):
        assert dialogue[key] not in meetings, key


def test_overview_lists_a_minority_without_meetings_in_the_period(dialogue):
    overview = dialogue_since_previous_consultation(dialogue["meeting"])
    sami = by_forum(overview)[dialogue["sami"].pk]
    assert sami.meetings == []
    assert sami.issues == []
    assert sami.minority.slug == "samer"


def test_every_dialogue_group_is_listed_and_no_other_forum(world, dialogue):
    overview = dialogue_since_previous_consultation(dialogue["meeting"])
    assert {row.forum.pk for row in overview.minorities} == {
        world["forums"]["finnish_dialogue"].pk,
        world["forums"]["roma_dialogue"].pk,
        dialogue["sami"].pk,
    }


def test_the_issues_are_the_agenda_items_of_the_meetings_held_each_once(world, dialogue):
    overview = dialogue_since_previous_consultation(dialogue["meeting"])
    finnish = by_forum(overview)[world["forums"]["finnish_dialogue"].pk]
    assert finnish.issues == [
        "Finskspråkig avdelning på särskilt boende",
        "Övriga frågor",
        "Modersmål i förskolan",
    ]
    roma = by_forum(overview)[world["forums"]["roma_dialogue"].pk]
    assert roma.issues == ["Återkoppling från förvaltningen (roma)", "Övriga frågor"]


def test_without_an_earlier_consultation_meeting_the_overview_looks_back_three_months(world):
    consultation = world["forums"]["consultation"]
    finnish = world["forums"]["finnish_dialogue"]
    first = held(consultation, -5)  # in five days, before the world's consultation meeting in ten
    inside = held(finnish, 80, "Inom tre månader")
    outside = held(finnish, 110, "Före de tre månaderna")
    overview = dialogue_since_previous_consultation(first)
    assert overview.previous_pk is None
    assert overview.since == months_before(first.starts_at, 3)
    meetings = by_forum(overview)[finnish.pk].meetings
    assert inside in meetings
    assert outside not in meetings


def test_a_meeting_held_after_this_consultation_meeting_started_is_not_in_its_overview(world, dialogue):
    later = held(world["forums"]["finnish_dialogue"], -11, "Efter samrådet")  # a day after this meeting
    meetings = by_forum(dialogue_since_previous_consultation(dialogue["meeting"]))[
        world["forums"]["finnish_dialogue"].pk
    ].meetings
    assert later not in meetings


def test_only_the_same_consultation_forum_counts_as_previous(world, dialogue):
    other = ForumFactory(tier=Tier.CONSULTATION, minority=None)
    held(other, 25)
    assert dialogue_since_previous_consultation(dialogue["meeting"]).previous_pk == dialogue["previous"].pk


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.datetime(2026, 5, 31, 17, 0), dt.datetime(2026, 2, 28, 17, 0)),
        (dt.datetime(2026, 2, 12, 17, 0), dt.datetime(2025, 11, 12, 17, 0)),
        (dt.datetime(2026, 1, 15, 9, 30), dt.datetime(2025, 10, 15, 9, 30)),
    ],
)
def test_months_before_keeps_the_local_time_and_clamps_the_day(moment, expected):
    local = timezone.make_aware(moment)
    assert months_before(local, 3) == timezone.make_aware(expected)


# ------------------------------------------------------------------------------ the meeting section


def request_as(world, role):
    request = RequestFactory().get("/sv/")
    request.user = AnonymousUser() if role == "anonymous" else world["people"][role]
    return request


def links(world, dialogue, role) -> dict:
    section = dialogue_section(request_as(world, role), dialogue["meeting"])
    return {held["meeting"].pk: held["url"] for row in section["minorities"] for held in row["meetings"]}


def test_section_links_the_meetings_each_person_may_open(world, dialogue):
    finnish, roma = dialogue["finnish"], dialogue["roma"]
    url = lambda meeting: reverse("core:meeting_detail", kwargs={"pk": meeting.pk})  # noqa: E731
    # The Finnish representative sits in the Sweden Finns' dialogue group, not in the Roma council.
    assert links(world, dialogue, "representative")[finnish.pk] == url(finnish)
    assert links(world, dialogue, "representative")[roma.pk] is None
    # Politicians follow up all of the dialogue.
    assert links(world, dialogue, "politician")[roma.pk] == url(roma)
    assert set(links(world, dialogue, "anonymous").values()) == {None}


def test_the_section_is_on_consultation_meetings_only(world, dialogue):
    request = request_as(world, "politician")
    assert TEMPLATE in dict(meeting_sections(request, dialogue["meeting"]))
    assert TEMPLATE not in dict(meeting_sections(request, dialogue["roma"]))


def test_section_renders_each_minority_with_its_meetings_issues_or_none(world, dialogue):
    request = request_as(world, "politician")
    section = dict(meeting_sections(request, dialogue["meeting"]))[TEMPLATE]
    page = render_to_string(TEMPLATE, {"section": section, "meeting": dialogue["meeting"]}, request=request)
    assert (
        '<section class="ds-card" id="dialogue-overview" aria-labelledby="dialogue-overview-heading">' in page
    )
    assert '<h2 class="ds-heading" data-size="sm" id="dialogue-overview-heading">' in page
    finnish = world["forums"]["finnish_dialogue"]
    meetings = page.split(f'id="dialogue-{finnish.slug}-meetings"')[1].split("</ul>")[0]
    assert f'data-meeting="{dialogue["finnish"].pk}"' in meetings
    assert reverse("core:meeting_detail", kwargs={"pk": dialogue["finnish"].pk}) in meetings
    starts = timezone.localtime(dialogue["finnish"].starts_at)
    assert f'datetime="{starts.strftime("%Y-%m-%dT%H:%M:%S%z")}"' in meetings  # valid HTML: no microseconds
    issues = page.split(f'id="dialogue-{finnish.slug}-issues"')[1].split("</ul>")[0]
    assert "<li>Finskspråkig avdelning på särskilt boende</li>" in issues
    assert "Gammal fråga" not in page
    assert f'id="dialogue-{dialogue["sami"].slug}-none"' in page
    assert f'id="dialogue-{finnish.slug}-none"' not in page


# The dialogue groups with the previous meeting; their meetings held in the period with their agenda items'
# titles.
OVERVIEW_QUERIES = 2


def _fill(world, count: int) -> None:
    for n in range(count):
        forum = ForumFactory(tier=Tier.DIALOGUE, minority=MinorityFactory())
        held(forum, 5 + n % 40, f"Fråga {n}", "Övriga frågor")
        held(world["forums"]["finnish_dialogue"], 1 + n % 50, f"Finsk fråga {n}")
        held(world["forums"]["roma_dialogue"], 100 + n, "Före perioden")


@pytest.mark.parametrize("size", [1, 15])
def test_overview_query_count_does_not_grow_with_the_dialogue(
    world, dialogue, size, django_assert_num_queries
):
    _fill(world, size)
    with django_assert_num_queries(OVERVIEW_QUERIES):
        overview = dialogue_since_previous_consultation(dialogue["meeting"])
        issues = [row.issues for row in overview.minorities]
    assert len(overview.minorities) == 3 + size
    assert sum(len(i) for i in issues) > size


# The section adds at most the person's memberships and the meetings they chair or adjust (for
# core.view_meeting), read together once (core.rules.person_ties).
@pytest.mark.parametrize(("role", "queries"), [("politician", 3), ("representative", 3), ("anonymous", 2)])
@pytest.mark.parametrize("size", [1, 15])
def test_section_query_count_does_not_grow_with_the_dialogue(
    world, dialogue, size, role, queries, django_assert_num_queries
):
    _fill(world, size)
    request = request_as(world, role)
    with django_assert_num_queries(queries):
        dialogue_section(request, dialogue["meeting"])


# The meeting page itself is core's (core:meeting_detail); this runs once it exists.


def test_consultation_meeting_page_shows_the_dialogue_since_the_last_consultation(
    client_for, world, dialogue
):
    meeting = dialogue["meeting"]
    response = client_for("politician").get(reverse("core:meeting_detail", kwargs={"pk": meeting.pk}))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="dialogue-overview-heading"' in page
    assert reverse("core:meeting_detail", kwargs={"pk": dialogue["roma"].pk}) in page
    assert f'id="dialogue-{dialogue["sami"].slug}-none"' in page


@pytest.mark.parametrize(
    ("role", "sees_issues"),
    [("anonymous", False), ("resident", False), ("politician", True), ("representative", True)],
)
def test_the_public_sees_that_dialogue_was_held_but_not_what_the_closed_groups_discussed(
    client_for, world, dialogue, role, sees_issues
):
    page = (
        client_for(role)
        .get(reverse("core:meeting_detail", kwargs={"pk": dialogue["meeting"].pk}))
        .content.decode()
    )
    assert 'id="dialogue-overview"' in page
    assert ("Finskspråkig avdelning på särskilt boende" in page) is sees_issues
