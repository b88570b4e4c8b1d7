"""The portal-wide search on PostgreSQL: stemmed in Swedish and Finnish, and never a hit that the person
may not see: another minority's dialogue group, a non-public action, minutes not yet readable."""

import re

import pytest
from django.urls import reverse

from core.models import MeetingStatus, MinutesStatus
from core.plumbing.richtext import sanitise
from followup.models import ActionStatus
from search import queries
from search.forms import MAX_LENGTH
from tests.factories import ActionFactory
from tests.search.helpers import found, hit, item_in, meeting_in, proposal_in, titles


def test_page_without_a_query_shows_the_form_and_no_message(client, world):
    response = client.get(reverse("search:results"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in page
    assert '<label class="ds-label" for="id_q">' in page
    assert "ds-error-summary" not in page
    assert response.context["groups"] == []


@pytest.mark.parametrize("text", ["", "   ", "a", " a ", "x" * 500, "x" * (MAX_LENGTH + 1)])
def test_empty_short_or_long_input_gives_a_message_and_no_search(
    text, world, search_as, django_assert_num_queries
):
    meeting_in(world["forums"]["consultation"], "x" * 150)
    with django_assert_num_queries(0):
        response = search_as("anonymous", text)
    page = response.content.decode()
    assert response.context["groups"] == []
    assert response.context["form"].errors["q"]
    assert "ds-error-summary" in page
    assert 'id="id_q_error"' in page
    assert 'aria-describedby="id_q_error id_q_helptext"' in page
    assert "search-summary" not in page


def test_swedish_stemming_finds_another_inflection(world, search_as):
    # The Swedish stemmer makes "förskolor" and "förskola" one word, and "minoriteterna" and "minoriteten".
    meeting_in(world["forums"]["consultation"], "Samråd om förskolor")
    item_in(world["meetings"]["consultation"], "Nytt från minoriteterna")
    assert titles(search_as("anonymous", "förskola"))["meetings"] == ["Samråd om förskolor"]
    response = search_as("anonymous", "minoriteten")
    assert titles(response)["agenda-items"] == ["Nytt från minoriteterna"]


def test_finnish_stemming_finds_another_inflection(world, search_as):
    # The Finnish stemmer makes "esikoulussa" and "esikoulun" one word, and "kielellä" and "kielen".
    proposal_in(
        world,
        "finnish_dialogue",
        "representative",
        "Lisää paikkoja",
        description="Lapsille tarvitaan paikkoja suomenkielisessä esikoulussa.",
        language="fi",
    )
    ActionFactory(
        title="Kirjasto", title_sv="Bibliotek", title_fi="Kirjasto", description_fi="Satuja kielellä."
    )
    response = search_as("representative", "esikoulun")
    assert titles(response)["proposals"] == ["Lisää paikkoja"]
    assert "<mark>esikoulussa</mark>" in hit(response, "proposals", "Lisää paikkoja").excerpt
    assert 'lang="fi"' in response.content.decode()
    # The action's title shows in the page's language (Swedish); its Finnish text matched.
    response = search_as("representative", "kielen")
    assert titles(response)["actions"] == ["Bibliotek"]
    assert "<mark>kielellä</mark>" in hit(response, "actions", "Bibliotek").excerpt


def test_words_are_matched_in_each_language_of_a_translated_title(world, search_as):
    meeting_in(
        world["forums"]["consultation"], "Samråd om äldreomsorgen", title_fi="Vanhustenhoito kokouksessa"
    )
    assert titles(search_as("anonymous", "kokouksen"))["meetings"] == ["Samråd om äldreomsorgen"]


def test_representative_does_not_find_another_minoritys_proposals_or_meetings(world, search_as):
    roma = meeting_in(world["forums"]["roma_dialogue"], "Zorbaträff i Handen", description="Om zorbaskolan.")
    item_in(roma, "Zorbaskolan i höst")
    proposal_in(
        world, "roma_dialogue", "other_representative", "Zorbaskolan behöver lokaler", description="x"
    )

    assert found(search_as("representative", "zorbaskolan")) == set()
    assert found(search_as("resident", "zorbaskolan")) == set()
    assert found(search_as("anonymous", "zorbaskolan")) == set()
    # The Roma council's representative and the coordinator find all three.
    expected = {"Zorbaträff i Handen", "Zorbaskolan i höst", "Zorbaskolan behöver lokaler"}
    assert found(search_as("other_representative", "zorbaskolan")) == expected
    assert found(search_as("coordinator", "zorbaskolan")) == expected


def test_a_planned_meeting_is_not_found_by_visitors(world, search_as):
    meeting_in(world["forums"]["consultation"], "Samråd om badhuset", status=MeetingStatus.PLANNED)
    assert found(search_as("anonymous", "badhuset")) == set()
    assert found(search_as("resident", "badhuset")) == set()
    assert found(search_as("politician", "badhuset")) == {"Samråd om badhuset"}


def test_anonymous_visitor_finds_public_actions_only(world, search_as):
    ActionFactory(title="Kulturbuss till Jordbro", is_public=True)
    ActionFactory(title="Kulturbuss internt", is_public=False)
    ActionFactory(
        title="Kulturbuss inställd", is_public=False, status=ActionStatus.CANCELLED, cancel_reason="-"
    )
    assert titles(search_as("anonymous", "kulturbuss"))["actions"] == ["Kulturbuss till Jordbro"]
    assert titles(search_as("resident", "kulturbuss"))["actions"] == ["Kulturbuss till Jordbro"]
    assert len(titles(search_as("admin_contact", "kulturbuss"))["actions"]) == 3


def test_anonymous_visitor_finds_minutes_only_once_published(world, search_as):
    meeting = meeting_in(
        world["forums"]["consultation"], "Samråd i oktober", minutes_status=MinutesStatus.APPROVED
    )
    item_in(meeting, "Återkoppling", minutes=sanitise("Vi diskuterade simhallen i Handen."))
    assert found(search_as("anonymous", "simhallen")) == set()

    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.save()
    response = search_as("anonymous", "simhallen")
    assert titles(response)["agenda-items"] == ["Återkoppling"]
    assert "<mark>simhallen</mark>" in hit(response, "agenda-items", "Återkoppling").excerpt


def test_minutes_text_is_found_only_by_those_who_may_read_the_minutes(world, search_as):
    meeting = world["meetings"]["finnish"]
    meeting.status, meeting.minutes_status = MeetingStatus.HELD, MinutesStatus.DRAFT
    meeting.save()
    item = item_in(meeting, "Budget för kulturveckan", minutes=sanitise("Hemligt utkast om simhallen."))

    # A draft: only the coordinators read it.
    assert found(search_as("representative", "simhallen")) == set()
    assert found(search_as("politician", "simhallen")) == set()
    assert found(search_as("coordinator", "simhallen")) == {item.title}
    # The title is on the agenda, which the members see; the excerpt does not give the minutes away.
    response = search_as("representative", "kulturveckan")
    assert titles(response)["agenda-items"] == [item.title]
    assert "simhallen" not in response.content.decode()

    # Sent for review: the members read it; politicians only once it is published.
    meeting.minutes_status = MinutesStatus.IN_REVIEW
    meeting.save()
    assert found(search_as("representative", "simhallen")) == {item.title}
    assert found(search_as("admin_contact", "simhallen")) == {item.title}
    assert found(search_as("politician", "simhallen")) == set()
    assert found(search_as("other_representative", "simhallen")) == set()
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.save()
    assert found(search_as("politician", "simhallen")) == {item.title}
    # The dialogue group is not public: published minutes stay with members and those who follow up.
    assert found(search_as("resident", "simhallen")) == set()
    assert found(search_as("anonymous", "simhallen")) == set()


def test_html_in_content_is_escaped_in_the_excerpt(world, search_as):
    meeting_in(
        world["forums"]["consultation"],
        "Samråd om skolgården",
        description='<script>alert("x")</script> <img src=x onerror=alert(1)> Planer för skolgården & parken.',
        minutes_status=MinutesStatus.PUBLISHED,
    )
    meeting = world["meetings"]["consultation"]
    meeting.minutes_status = MinutesStatus.PUBLISHED
    meeting.save()
    # Minutes are stored as sanitised HTML: tags go, and text written as "<b>" stays text.
    item_in(
        meeting,
        "Lekplatsen",
        minutes=sanitise("<p>Om <b>gungorna</b> och &lt;b&gt;rutschkanan&lt;/b&gt;</p>"),
    )

    response = search_as("anonymous", "skolgården")
    page = response.content.decode()
    excerpt = hit(response, "meetings", "Samråd om skolgården").excerpt
    assert "<mark>skolgården</mark>" in excerpt
    assert "&amp; parken" in excerpt
    # No script but the portal's own static files.
    assert all(tag.startswith('<script src="/static/') for tag in re.findall(r"<script[^>]*>", page))
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in excerpt

    excerpt = hit(search_as("anonymous", "gungorna"), "agenda-items", "Lekplatsen").excerpt
    assert "<mark>gungorna</mark>" in excerpt
    assert "&lt;b&gt;rutschkanan" in excerpt
    assert "<b>" not in excerpt and "<p>" not in excerpt and "&amp;lt;" not in excerpt


def test_hits_link_to_their_pages_and_agenda_items_to_their_anchor(world, search_as, client_for):
    meeting = world["meetings"]["consultation"]
    item = item_in(meeting, "Trygghetsvandring i Brandbergen")
    action = ActionFactory(title="Trygghetsvandring", is_public=True)
    proposal = proposal_in(
        world, "consultation", "representative", "Trygghetsvandring i höst", description="x"
    )

    response = search_as("representative", "trygghetsvandring")
    page = response.content.decode()
    assert f'href="{meeting.get_absolute_url()}#item-{item.pk}"' in page
    assert f'href="{action.get_absolute_url()}"' in page
    assert f'href="{proposal.get_absolute_url()}"' in page
    assert '<h2 class="ds-heading" data-size="sm" id="agenda-items-heading">' in page
    # The meeting page has the anchor the hit points at.
    assert (
        f'id="item-{item.pk}"'
        in client_for("representative").get(meeting.get_absolute_url()).content.decode()
    )


def test_the_best_matches_are_shown_and_all_are_counted(world, search_as, monkeypatch):
    monkeypatch.setattr(queries, "MAX_HITS", 3)
    for number in range(5):
        ActionFactory(title=f"Språkcafé {number}", is_public=True)
    ActionFactory(
        title="Språkcafé språkcafé språkcafé", description_sv="Språkcafé varje vecka.", is_public=True
    )
    response = search_as("anonymous", "språkcafé")
    group = next(group for group in response.context["groups"] if group.kind == "actions")
    assert group.count == 6
    assert len(group.hits) == 3
    assert group.hits[0].title == "Språkcafé språkcafé språkcafé"
    assert 'data-count="6"' in response.content.decode()


def test_fallback_without_postgresql_matches_substrings_and_keeps_the_rules(world, search_as, monkeypatch):
    """SQLite (`make run`) has no full-text search: every word must occur in one of the same columns."""
    monkeypatch.setattr(queries, "finder_for", queries.SimpleFinder)
    meeting = world["meetings"]["finnish"]
    meeting.status, meeting.minutes_status = MeetingStatus.HELD, MinutesStatus.DRAFT
    meeting.save()
    item_in(meeting, "Budget för kulturveckan", minutes=sanitise("Utkast om <b>simhallen</b> & badet."))
    ActionFactory(title="Simhallen internt", is_public=False)

    # The draft minutes are the coordinators'; the action is for all signed in but residents.
    assert found(search_as("representative", "simhall")) == {"Simhallen internt"}
    assert found(search_as("resident", "simhall")) == set()
    assert found(search_as("anonymous", "simhall")) == set()
    response = search_as("coordinator", "SIMHALL badet")
    assert found(response) == {"Budget för kulturveckan"}
    excerpt = hit(response, "agenda-items", "Budget för kulturveckan").excerpt
    assert excerpt == "Utkast om <mark>simhall</mark>en &amp; <mark>badet</mark>."
