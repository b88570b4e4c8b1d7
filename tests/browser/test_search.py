"""Search in Chromium: a coordinator searches, reads the hits by kind and follows one to its meeting;
every page passed is scanned by axe, and the results fit a 320 px screen.

Assertions are on data and structure (titles, URLs, ids), not on UI words, which the catalogs translate.
"""

import re

import pytest
from playwright.sync_api import expect

from core.models import MinutesStatus
from core.plumbing.richtext import sanitise
from tests.browser.conftest import assert_accessible
from tests.factories import ActionFactory
from tests.search.helpers import item_in, meeting_in, proposal_in


@pytest.fixture
def content(world):
    meeting = meeting_in(
        world["forums"]["finnish_dialogue"],
        "Kulturveckan på finska",
        description="Programmet för kulturveckan i Handen, med <teater> & sång.",
        minutes_status=MinutesStatus.IN_REVIEW,
    )
    item = item_in(
        meeting,
        "Återkoppling",
        minutes=sanitise("Kulturveckan blev välbesökt: skolföreställningarnas publik ökade."),
    )
    proposal_in(
        world, "finnish_dialogue", "representative", "Kulturveckan nästa år", description="Mer musik."
    )
    ActionFactory(
        title="Kulturveckan 2026", description_sv="Förvaltningen ordnar kulturveckan.", is_public=True
    )
    return {"meeting": meeting, "item": item}


def test_coordinator_searches_and_follows_a_hit_to_the_agenda_item(page, world, content, sign_in_as):
    sign_in_as(page, world["people"]["coordinator"])
    page.goto("/sv/search/")
    assert_accessible(page, "search-empty")

    # Too short: the message is tied to the field and summarised at the top.
    page.locator("#id_q").fill("k")
    page.locator("#search-form button[type=submit]").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    expect(page.locator("#id_q")).to_have_attribute("aria-describedby", re.compile("id_q_error"))
    assert_accessible(page, "search-error")

    page.locator("#id_q").fill("kulturveckan")
    page.locator("#search-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sv/search/\?q=kulturveckan$"))
    for kind in ("meetings", "agenda-items", "proposals", "actions"):
        expect(page.locator(f"#{kind}-heading")).to_be_visible()
        expect(page.locator(f"#{kind} .search-hits li")).to_have_count(1)
    expect(page.locator("#meetings mark").first).to_have_text(re.compile("kulturveckan", re.IGNORECASE))
    expect(page.locator("#meetings .excerpt")).to_contain_text("<teater>")
    assert_accessible(page, "search-results")

    item, meeting = content["item"], content["meeting"]
    page.locator(f"#agenda-items-{item.pk} a").click()
    expect(page).to_have_url(re.compile(rf"/sv/meetings/{meeting.pk}/#item-{item.pk}$"))
    expect(page.locator(f"#item-{item.pk}")).to_be_visible()


def test_search_results_fit_a_320_px_screen(mobile_page, world, content, sign_in_as):
    sign_in_as(mobile_page, world["people"]["coordinator"])
    mobile_page.goto("/sv/search/?q=skolföreställningarnas")
    expect(mobile_page.locator("#agenda-items .search-hits li")).to_have_count(1)
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(mobile_page, "search-results-mobile")
